package com.eventix.notifications.control;

import com.eventix.notifications.entity.Notification;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.Page;
import com.eventix.platform.persistence.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's inbox: every notification sent to them (each email Eventix sends a user lands here once it is sent),
 * newest first, with what they have read. Nobody reads or marks another user's notifications: one that is not the
 * caller's is NOT_FOUND, as one that does not exist.
 */
@ApplicationScoped
public class Inbox {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    /** The user's notifications, newest first; only the unread ones when asked. */
    public Page<NotificationView> of(UUID userId, boolean unreadOnly, int page, int size) {
        Page.checkRequest(page, size);
        Paging<Notification> mine = Paging.of(em, Notification.class, "n").where("n.userId = :user", "user", userId);
        if (unreadOnly) {
            mine.where("n.read = :read", "read", false);
        }
        return mine.page("n.createdAt DESC, n.id", page, size).map(NotificationView::of);
    }

    public long unread(UUID userId) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.userId = :user AND n.read = false",
                Long.class).setParameter("user", userId).getSingleResult();
    }

    @Transactional
    public NotificationView markRead(UUID userId, UUID notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n == null || !userId.equals(n.userId())) {
            throw ApiException.notFound("Notification");
        }
        n.markRead();
        return NotificationView.of(n);
    }

    /** Marks every notification of the user read; answers how many were unread. */
    @Transactional
    public Marked markAllRead(UUID userId) {
        return new Marked(em.createQuery("UPDATE Notification n SET n.read = true WHERE n.userId = :user "
                + "AND n.read = false").setParameter("user", userId).executeUpdate());
    }

    /** How many notifications were marked read. */
    @Schema(name = "NotificationsMarked")
    public record Marked(@Schema(example = "3") int marked) {
    }

    /** How many notifications are unread. */
    @Schema(name = "UnreadNotifications")
    public record Unread(@Schema(example = "2") long unread) {
    }
}
