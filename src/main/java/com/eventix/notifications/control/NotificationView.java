package com.eventix.notifications.control;

import com.eventix.notifications.entity.Notification;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification in its user's inbox. */
@Schema(name = "Notification")
public record NotificationView(UUID id,
                               @Schema(description = "What it is about", example = "ORDER_CONFIRMED") String type,
                               @Schema(description = "How it was sent") Notification.Channel channel,
                               @Schema(example = "Your tickets for order 9c1f...") String subject,
                               String message,
                               boolean read,
                               @Schema(description = "When it was sent") Instant createdAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.type(), n.channel(), n.subject(), n.message(), n.isRead(),
                n.createdAt());
    }
}
