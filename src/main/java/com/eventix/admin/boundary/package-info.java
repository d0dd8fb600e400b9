/**
 * Administrators' REST endpoints (ADMIN role only).
 */
package com.eventix.admin.boundary;
