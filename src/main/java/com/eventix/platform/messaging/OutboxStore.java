package com.eventix.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** The outbox table's queries, each batch in its own short transaction. */
@ApplicationScoped
public class OutboxStore {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;

    /** Claims up to {@code limit} unpublished rows, hands each to {@code sender}, marks them published. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publishBatch(int limit, Consumer<OutboxMessage> sender) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = em.createNativeQuery("""
                        SELECT * FROM outbox_messages WHERE published_at IS NULL
                        ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", OutboxMessage.class)
                .setParameter(1, limit)
                .getResultList();
        for (OutboxMessage message : batch) {
            message.attempted();
            sender.accept(message);
            message.published(clock.instant());
        }
        return batch.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }
}
