/**
 * Notifications: emails to users, and each user's inbox of them. Services decide a notification inside their own
 * transaction (through the outbox); the notifications queue's consumer sends it over SMTP once, even when the message
 * is delivered twice, and keeps it for the recipient's inbox. It knows no feature, so every feature may ask it to send
 * what that feature decided.
 */
package com.eventix.notifications;
