/**
 * Registration, sign-in, refresh and sign-out procedures, email verification and password reset, password hashing and policy, token issuing, and the OpenID Connect client.
 */
package com.eventix.identity.control;
