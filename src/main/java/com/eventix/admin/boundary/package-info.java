/**
 * Administrators' REST endpoints (ADMIN role only): /admin/organizers, /admin/events and /admin/audit-log.
 */
package com.eventix.admin.boundary;
