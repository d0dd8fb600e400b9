/**
 * Identity entities: users with their role, status and email verification, refresh tokens and mailed account
 * tokens. Emails are unique case-insensitively; refresh tokens are single-use members of a family that is revoked
 * as a whole on reuse and ends at its maximum age; account tokens serve one purpose once.
 */
package com.eventix.identity.entity;
