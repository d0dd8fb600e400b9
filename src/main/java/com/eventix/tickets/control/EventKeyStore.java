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
 * The event_signing_keys rows, each access in its own short transaction: a key is committed before any code is
 * signed with it, whatever becomes of the caller's transaction, and a concurrent creator waits only for that.
 */
@ApplicationScoped
public class EventKeyStore {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<EventSigningKey> find(UUID eventId) {
        return Optional.ofNullable(em.find(EventSigningKey.class, eventId));
    }

    /**
     * Stores {@code key} unless its event already has one or does not exist (committed). Of two instances
     * creating the first key of an event at once, the second waits for the first to commit and inserts nothing.
     * The table has no foreign key on purpose: its check would lock the event row, and a caller holding that row
     * FOR UPDATE would wait on this nested transaction forever.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertIfAbsent(EventSigningKey key) {
        em.createNativeQuery("""
                        INSERT INTO event_signing_keys (event_id, public_key, private_key_sealed, key_id, created_at)
                        SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM events WHERE id = ?1)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, key.eventId())
                .setParameter(2, key.publicKey().spki())
                .setParameter(3, key.privateKeySealed())
                .setParameter(4, key.keyId())
                .setParameter(5, key.createdAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
