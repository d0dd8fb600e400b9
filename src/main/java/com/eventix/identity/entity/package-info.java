/**
 * Identity entities: users with their role and status, and refresh tokens. Emails are unique case-insensitively;
 * refresh tokens are single-use members of a family that is revoked as a whole on reuse.
 */
package com.eventix.identity.entity;
