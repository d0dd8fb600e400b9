package com.eventix.platform.messaging;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.persistence.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Outbox messages set aside after OUTBOX_MAX_ATTEMPTS failures (see {@link OutboxStore}), for an operator: read
 * them, send one again once its cause is fixed (its attempts start over), or discard it.
 */
@ApplicationScoped
public class DeadLetters {
    /** The most of a payload shown: enough to recognise it, not a whole email's text. */
    static final int PAYLOAD_SHOWN = 2000;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** A dead message as an operator reads it. */
    @Schema(name = "DeadLetter")
    public record DeadLetter(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                             @Schema(description = "The queue it is for", example = "eventix.notifications")
                             String destination,
                             @Schema(description = "Failed attempts") int attempts,
                             @Schema(description = "The last failure") String lastError,
                             @Schema(description = "Its content, cut after 2,000 characters") String payload,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant deadAt) {
    }

    private static final String SELECT = "SELECT id, destination, attempts, last_error, left(payload, "
            + PAYLOAD_SHOWN + "), created_at, dead_at FROM outbox_messages ";

    /** Dead messages, the most recent death first. */
    public Page<DeadLetter> list(int page, int size) {
        Page.checkRequest(page, size);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_messages WHERE dead_at IS NOT NULL")
                .getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery(SELECT + "WHERE dead_at IS NOT NULL ORDER BY dead_at DESC, id "
                        + "OFFSET ?1 LIMIT ?2").setParameter(1, (page - 1) * size).setParameter(2, size)
                .getResultList();
        return new Page<>(rows.stream().map(r -> letter((Object[]) r)).toList(), page, size, total);
    }

    /**
     * Sends a dead message again: it is pending as if new, with its attempts starting over (NOT_FOUND if there is
     * no such message, INVALID_STATE_TRANSITION if it is not dead). Audited. Answers it as it is now.
     */
    @Transactional
    public DeadLetter requeue(UUID adminId, UUID id, RequestOrigin origin) {
        DeadLetter letter = dead(id);
        audit.success(adminId, "DEAD_LETTER_REQUEUED", "message", id, origin, letter.destination());
        em.createNativeQuery("UPDATE outbox_messages SET dead_at = NULL, attempts = 0, next_attempt_at = NULL, "
                + "published_at = NULL, requeues = requeues + 1 WHERE id = ?1").setParameter(1, id).executeUpdate();
        return letter((Object[]) em.createNativeQuery(SELECT + "WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    /**
     * Deletes a dead message for good (NOT_FOUND, INVALID_STATE_TRANSITION as for {@link #requeue}). Audited with its
     * destination and last error.
     */
    @Transactional
    public DeadLetter discard(UUID adminId, UUID id, RequestOrigin origin) {
        DeadLetter letter = dead(id);
        audit.success(adminId, "DEAD_LETTER_DISCARDED", "message", id, origin,
                letter.destination() + ": " + letter.lastError());
        em.createNativeQuery("DELETE FROM outbox_messages WHERE id = ?1").setParameter(1, id).executeUpdate();
        return letter;
    }

    private DeadLetter dead(UUID id) {
        List<?> rows = em.createNativeQuery(SELECT + "WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Message");
        }
        DeadLetter letter = letter((Object[]) rows.get(0));
        if (letter.deadAt() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This message is not dead: it is pending or "
                    + "delivered", Map.of("state", "ALIVE"));
        }
        return letter;
    }

    private static DeadLetter letter(Object[] r) {
        return new DeadLetter(NativeRows.uuid(r[0]), (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], NativeRows.instant(r[5]), NativeRows.instant(r[6]));
    }
}
