package com.eventix.tickets.control;

import com.eventix.tickets.entity.EventSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The event_signing_keys rows, read and written in the caller's transaction when there is one. Never in a
 * transaction of their own: a caller that holds a pooled connection (a webhook issuing tickets) would then wait for
 * a second one, and a burst of such callers holds every connection while waiting for one more.
 */
@ApplicationScoped
public class EventKeyStore {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    @Transactional
    public Optional<EventSigningKey> find(UUID eventId) {
        return Optional.ofNullable(em.find(EventSigningKey.class, eventId));
    }

    /**
     * Stores {@code key} unless its event already has one or does not exist; answers whether it did. Of two
     * transactions creating the first key of an event at once, the second waits for the first to end and, if it
     * committed, inserts nothing. The table has no foreign key: its check would take a share lock on the event row.
     */
    @Transactional
    public boolean insertIfAbsent(EventSigningKey key) {
        return em.createNativeQuery("""
                        INSERT INTO event_signing_keys (event_id, public_key, private_key_sealed, key_id, created_at)
                        SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM events WHERE id = ?1)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, key.eventId())
                .setParameter(2, key.publicKey().spki())
                .setParameter(3, key.privateKeySealed())
                .setParameter(4, key.keyId())
                .setParameter(5, key.createdAt().atOffset(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }
}
