/**
 * Token signing keys (shared by the issuer and the MicroProfile JWT verifier) and the current caller.
 */
package com.eventix.platform.security;
