/**
 * Identity: accounts, passwords (argon2id), roles, access tokens (RS256 JWT, verified by MicroProfile JWT) and single-use refresh tokens with reuse detection, Google sign-in (OpenID Connect with PKCE) and login rate limits.
 */
package com.eventix.identity;
