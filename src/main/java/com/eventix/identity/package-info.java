/**
 * Identity: accounts, passwords (argon2id behind a heap-sized bulkhead), roles, access tokens (RS256 JWT, verified by MicroProfile JWT) and single-use refresh tokens with reuse detection and an absolute lifetime, email verification and password reset by mailed single-use tokens, Google sign-in (OpenID Connect with PKCE, linked only to accounts with a verified email) and login rate limits.
 */
package com.eventix.identity;
