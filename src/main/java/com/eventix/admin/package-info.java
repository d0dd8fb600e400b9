/**
 * Administration: moderation, bans, payment oversight, platform metrics and the audit log. Every endpoint
 * requires the ADMIN role.
 */
package com.eventix.admin;
