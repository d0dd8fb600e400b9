/**
 * Notifications as stored: one row per message, keyed by its outbox id.
 */
package com.eventix.notifications.entity;
