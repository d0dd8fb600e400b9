package com.eventix.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users banned within an access token's lifetime, as this instance last read them (at most {@link #REFRESH}
 * ago; a ban or unban made here counts at once): their tokens are refused before they expire. Only recent bans matter, as older tokens have expired, so the
 * set stays small and a request never waits for the database beyond one short read every few seconds.
 */
@ApplicationScoped
public class RecentBans {
    static final Duration REFRESH = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "JWT_EXPIRY")
    Duration tokenLifetime;

    private volatile Set<UUID> banned = Set.of();
    private volatile Instant readAt = Instant.EPOCH;

    public boolean isBanned(UUID userId) {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(REFRESH))) {
            refresh(now);
        }
        return banned.contains(userId);
    }

    /** Counts a ban made here at once, before the next read. */
    void add(UUID userId) {
        Set<UUID> with = new java.util.HashSet<>(banned);
        with.add(userId);
        banned = Set.copyOf(with);
    }

    /** Forgets a ban lifted here at once; other instances forget it at their next read. */
    void remove(UUID userId) {
        Set<UUID> without = new java.util.HashSet<>(banned);
        without.remove(userId);
        banned = Set.copyOf(without);
    }

    private synchronized void refresh(Instant now) {
        if (!now.isAfter(readAt.plus(REFRESH))) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM users WHERE status = 'BANNED' AND banned_at >= ?1")
                .setParameter(1, now.minus(tokenLifetime).minus(REFRESH).atOffset(ZoneOffset.UTC)).getResultList();
        banned = ids.stream().map(id -> UUID.fromString(id.toString())).collect(Collectors.toUnmodifiableSet());
        readAt = now;
    }
}
