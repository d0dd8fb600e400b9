/**
 * Registration, sign-in, refresh and sign-out procedures, password hashing and policy, token issuing, and the OpenID Connect client.
 */
package com.eventix.identity.control;
