package com.eventix.notifications.control;

import com.eventix.notifications.entity.Notification;
import com.eventix.platform.messaging.Outbox;
import com.eventix.platform.messaging.Queues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Sending notifications. {@link #email} only decides, inside the caller's transaction; delivery happens after
 * commit through the notifications queue, and {@link #deliver} applies each message once.
 */
@ApplicationScoped
public class Notifications {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Mailer mailer;
    @Inject
    NotificationPreferences preferences;
    @Inject
    Clock clock;

    /** A file sent with an email (a ticket's QR code, for instance). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID email(UUID userId, String to, String type, String subject, String body) {
        return email(userId, to, type, subject, body, List.of());
    }

    /**
     * Queues the email, or, when the user switched this kind of email off ({@link NotificationPreferences}), puts it
     * in their inbox only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID email(UUID userId, String to, String type, String subject, String body, List<Attachment> attachments) {
        UUID id = UUID.randomUUID();
        if (!preferences.wantsEmail(userId, type)) {
            Notification inboxOnly = new Notification(id, userId, type, Notification.Channel.IN_APP, to, subject, body,
                    clock.instant());
            inboxOnly.sent(clock.instant());
            em.persist(inboxOnly);
            return id;
        }
        List<EmailMessage.EncodedAttachment> encoded = attachments.stream()
                .map(a -> new EmailMessage.EncodedAttachment(a.fileName(), a.contentType(),
                        Base64.getEncoder().encodeToString(a.content())))
                .toList();
        return outbox.enqueue(Queues.NOTIFICATIONS, id, new EmailMessage(id, userId, type, to, subject, body, encoded));
    }

    /**
     * Sends the email unless it was already sent; a failure rolls back and the message is tried again. Two copies of
     * one message may be handled at once (a re-send after a broker outage, consumers on two instances): the row is
     * written first and locked, so the second copy waits for the first one's outcome and finds it sent.
     */
    @Transactional
    public void deliver(EmailMessage email) {
        em.createNativeQuery("""
                        INSERT INTO notifications (id, user_id, type, channel, recipient, subject, message, created_at)
                        VALUES (?1, CAST(?2 AS uuid), ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, email.notificationId()).setParameter(2, email.userId()).setParameter(3, email.type())
                .setParameter(4, Notification.Channel.EMAIL.name()).setParameter(5, email.to())
                .setParameter(6, email.subject()).setParameter(7, email.body())
                .setParameter(8, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        Notification notification = em.find(Notification.class, email.notificationId(), LockModeType.PESSIMISTIC_WRITE);
        if (notification.isSent()) {
            return;
        }
        mailer.send(email.to(), email.subject(), email.body(), email.attachmentsOrNone());
        notification.sent(clock.instant());
    }
}
