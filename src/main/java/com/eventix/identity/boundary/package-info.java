/**
 * REST endpoints /auth and /users/me, the account pages that mailed links open (/account), and the startup bean
 * that ensures the operator's admin account.
 */
package com.eventix.identity.boundary;
