/**
 * Administration: verifying or rejecting organizers, approving or rejecting submitted events (moderation), and
 * reading the audit log. Every endpoint requires the ADMIN role. Admin may use any feature below it; none uses it.
 */
package com.eventix.admin;
