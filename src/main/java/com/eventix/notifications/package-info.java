/**
 * Notifications: emails (and later in-app messages) to users. Services decide a notification inside their own
 * transaction (through the outbox); the notifications queue's consumer sends it over SMTP once, even when the
 * message is delivered twice.
 */
package com.eventix.notifications;
