/**
 * Deciding notifications (through the outbox) and delivering them (SMTP), once per message.
 */
package com.eventix.notifications.control;
