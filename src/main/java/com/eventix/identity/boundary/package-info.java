/**
 * REST endpoints /auth and /users/me, and the startup bean that ensures the admin and demo accounts.
 */
package com.eventix.identity.boundary;
