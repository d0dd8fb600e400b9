package com.eventix.notifications.control;

import java.util.List;
import java.util.UUID;

/** An email as it travels through the notifications queue; attachment contents are base64. */
public record EmailMessage(UUID notificationId, UUID userId, String type, String to, String subject, String body,
                           List<EncodedAttachment> attachments) {

    public record EncodedAttachment(String fileName, String contentType, String base64) {
    }

    public List<EncodedAttachment> attachmentsOrNone() {
        return attachments == null ? List.of() : attachments;
    }
}
