package com.eventix.platform.persistence;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import java.util.Collection;

/**
 * PostgreSQL advisory locks held until the transaction ends, named by text keys. Several are taken in one statement
 * in the order of their keys, so two transactions taking overlapping sets never wait on each other in a cycle.
 */
public final class AdvisoryLocks {
    private AdvisoryLocks() {
    }

    public static void lock(EntityManager em, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, key)
                .getSingleResult();
    }

    public static void lockAll(EntityManager em, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.stream().distinct().forEach(array::add);
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM "
                        + "(SELECT k FROM json_array_elements_text(CAST(?1 AS json)) AS k ORDER BY k) AS sorted")
                .setParameter(1, array.build().toString()).getSingleResult();
    }
}
