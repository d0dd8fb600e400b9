package com.eventix.notifications.control;

import java.util.UUID;

/** An email as it travels through the notifications queue. */
public record EmailMessage(UUID notificationId, UUID userId, String type, String to, String subject, String body) {
}
