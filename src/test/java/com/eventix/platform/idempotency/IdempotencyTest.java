package com.eventix.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Responses;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a client is told when the steps around an idempotent request fail after its effect was committed. */
class IdempotencyTest {
    private static final UUID USER = UUID.randomUUID();

    /** An idempotency_keys table in memory whose writes can be made to fail. */
    static class Store extends IdempotencyStore {
        Claim next;
        RuntimeException completeFails;
        RuntimeException releaseFails;
        final List<String> calls = new ArrayList<>();

        @Override
        public Claim claim(UUID userId, String scope, String key, String hash, Instant now, Duration lease) {
            calls.add("claim");
            return next != null ? next : new Claim(Outcome.CLAIMED, hash, null, null, now);
        }

        @Override
        public void complete(UUID userId, String scope, String key, int status, String body) {
            calls.add("complete " + status);
            if (completeFails != null) {
                throw completeFails;
            }
        }

        @Override
        public void release(UUID userId, String scope, String key) {
            calls.add("release");
            if (releaseFails != null) {
                throw releaseFails;
            }
        }
    }

    private static Idempotency idempotency(Store store) {
        Idempotency idempotency = new Idempotency();
        idempotency.store = store;
        idempotency.clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        idempotency.lease = Duration.ofMinutes(2);
        return idempotency;
    }

    private static Response created() {
        return Responses.created(URI.create("/api/v1/tickets/reservations/1"), Map.of("reservationId", "1"));
    }

    @Test
    void aCommittedEffectIsAnsweredAsSuchEvenWhenItsAnswerCannotBeStored() {
        Store store = new Store();
        store.completeFails = new IllegalStateException("pool exhausted");
        Response response = idempotency(store).once(USER, "order", "k1", Map.of("a", 1), IdempotencyTest::created);
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(store.calls).containsExactly("claim", "complete 201");
    }

    @Test
    void aFailedRequestReportsItsOwnFailureEvenWhenItsKeyCannotBeFreed() {
        Store store = new Store();
        store.releaseFails = new IllegalStateException("pool exhausted");
        ApiException refused = new ApiException(ErrorCode.TICKET_NOT_AVAILABLE, "Sold out");
        assertThatThrownBy(() -> idempotency(store).once(USER, "order", "k2", Map.of("a", 1), () -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(store.calls).containsExactly("claim", "release");
    }

    @Test
    void anAbandonedRequestIsAnsweredFromWhatItCommitted() {
        Store store = new Store();
        Instant claimedAt = Instant.parse("2026-05-01T09:50:00Z");
        List<Instant> asked = new ArrayList<>();
        Idempotency idempotency = idempotency(store);
        String hash = hashOf(idempotency, Map.of("a", 1));
        store.next = new IdempotencyStore.Claim(IdempotencyStore.Outcome.ABANDONED, hash, null, null, claimedAt);
        Response response = idempotency.once(USER, "order", "k3", Map.of("a", 1), () -> {
            throw new AssertionError("its effect exists: it must not run again");
        }, since -> {
            asked.add(since);
            return Optional.of(created());
        });
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(asked).containsExactly(claimedAt);
        assertThat(store.calls).containsExactly("claim", "complete 201");
    }

    @Test
    void anAbandonedRequestThatCommittedNothingRunsAgain() {
        Store store = new Store();
        Idempotency idempotency = idempotency(store);
        store.next = new IdempotencyStore.Claim(IdempotencyStore.Outcome.ABANDONED, hashOf(idempotency, Map.of("a", 1)),
                null, null, Instant.parse("2026-05-01T09:50:00Z"));
        Response response = idempotency.once(USER, "order", "k4", Map.of("a", 1), IdempotencyTest::created,
                since -> Optional.empty());
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(store.calls).containsExactly("claim", "complete 201");
    }

    /** The hash a claim of {@code request} is made with. */
    private static String hashOf(Idempotency idempotency, Object request) {
        List<String> hashes = new ArrayList<>();
        Idempotency probe = idempotency(new Store() {
            @Override
            public Claim claim(UUID userId, String scope, String key, String hash, Instant now, Duration lease) {
                hashes.add(hash);
                return new Claim(Outcome.DONE, hash, 200, "{}", null);
            }
        });
        probe.once(USER, "probe", "probe", request, IdempotencyTest::created);
        return hashes.get(0);
    }
}
