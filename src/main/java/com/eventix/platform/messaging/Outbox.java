package com.eventix.platform.messaging;

import com.eventix.platform.observability.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Where services put messages for the broker. The row commits or rolls back with the caller's transaction;
 * {@link OutboxRelay} publishes it afterwards (at least once; consumers de-duplicate on the message id).
 */
@ApplicationScoped
public class Outbox {
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Event<OutboxMessageAdded> added;
    @Inject
    Tracing tracing;

    /** Queues {@code body} (serialised as JSON) for {@code queue}; returns the message id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String queue, UUID id, Object body) {
        em.persist(new OutboxMessage(id, queue, JSON.toJson(body), clock.instant(), tracing.traceparent()));
        added.fire(new OutboxMessageAdded(id));
        return id;
    }

    public static <T> T read(String payload, Class<T> type) {
        return JSON.fromJson(payload, type);
    }

    /** Fired inside the enqueuing transaction; observed after commit to publish without waiting for the timer. */
    public record OutboxMessageAdded(UUID id) {
    }
}
