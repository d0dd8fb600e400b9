package com.eventix.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The outbox table's queries, each batch in its own short transaction. A message that keeps failing is retried
 * with back-off behind the others and, after OUTBOX_MAX_ATTEMPTS, set aside as dead (logged loudly, counted in
 * eventix_outbox_dead_letters, kept for an operator): one bad message never holds up the rest.
 */
@ApplicationScoped
public class OutboxStore {
    private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MetricRegistry metrics;
    @Inject
    @ConfigProperty(name = "OUTBOX_MAX_ATTEMPTS")
    int maxAttempts;
    /** The wait after a first failure; it doubles with each further one, up to an hour. */
    @Inject
    @ConfigProperty(name = "OUTBOX_RETRY_DELAY")
    Duration retryDelay;

    /** What a batch did: rows claimed, and the send failure that ended it early (null if none). */
    public record Batch(int claimed, RuntimeException failure) {
    }

    /**
     * Claims up to {@code limit} rows that are due, hands each to {@code sender} and marks it published. A send
     * that fails ends the batch: the ones sent before it are marked published, and that message is recorded as
     * failed unless the sender found the broker unreachable ({@link BrokerUnreachable}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch publishBatch(int limit, Consumer<OutboxMessage> sender) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = em.createNativeQuery("""
                        SELECT * FROM outbox_messages WHERE published_at IS NULL AND dead_at IS NULL
                        AND (next_attempt_at IS NULL OR next_attempt_at <= ?2)
                        ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", OutboxMessage.class)
                .setParameter(1, limit)
                .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
                .getResultList();
        for (OutboxMessage message : batch) {
            try {
                sender.accept(message);
            } catch (BrokerUnreachable e) {
                // An outage is not the message's fault: no attempt is charged, so no outage can make it dead.
                LOG.fine("Outbox message " + message.id() + " waits for the broker: " + e.getMessage());
                return new Batch(batch.size(), e);
            } catch (RuntimeException e) {
                failed(message, "sending to the broker failed: " + e.getMessage());
                return new Batch(batch.size(), e);
            }
            message.published(clock.instant());
        }
        return new Batch(batch.size(), null);
    }

    /**
     * The consumer of a delivered message failed to handle it: the message goes back to the outbox to be sent
     * again after a back-off (or dies), and the broker may forget this delivery. False if there is no such row
     * (it was swept, or never came from this outbox): the broker must then redeliver it itself.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handlingFailed(String messageId, String error) {
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return false;
        }
        failed(message, "handling failed: " + error);
        return true;
    }

    private void failed(OutboxMessage message, String error) {
        if (message.failed(error, clock.instant(), maxAttempts, retryDelay,
                retryDelay.compareTo(MAX_RETRY_DELAY) > 0 ? retryDelay : MAX_RETRY_DELAY)) {
            metrics.counter("eventix_outbox_dead_letters").inc();
            LOG.severe("DEAD LETTER: outbox message " + message.id() + " to " + message.destination() + " failed "
                    + message.attempts() + " times and will not be tried again; it is kept in outbox_messages "
                    + "(dead_at set) for an operator. Last error: " + message.lastError());
        } else {
            LOG.warning("Outbox message " + message.id() + " to " + message.destination() + " failed (attempt "
                    + message.attempts() + " of " + maxAttempts + "), retried later: " + message.lastError());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL AND dead_at IS NULL")
                .getSingleResult()).longValue();
    }

    /** How many messages are dead, waiting for an operator. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long dead() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_messages WHERE dead_at IS NOT NULL")
                .getSingleResult()).longValue();
    }
}
