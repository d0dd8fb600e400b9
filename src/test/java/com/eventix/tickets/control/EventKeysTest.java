package com.eventix.tickets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.tickets.entity.EventPublicKey;
import com.eventix.tickets.entity.EventSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What EventKeys does without a database: deriving the KEK, sealing new key pairs and opening stored ones. */
class EventKeysTest {
    private static final Instant NOW = Instant.parse("2026-05-01T19:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final UUID eventId = UUID.randomUUID();

    @Test
    void aStoredKeyOpensAfterARestartWithTheSameServerSecret() {
        EventSigningKey row = EventKeys.generate(eventId, EventKeys.sealerFor(secret("server key")), CLOCK);

        // A new derivation from the same secret, as after a restart or on another instance.
        KeyPair pair = EventKeys.open(row, EventKeys.sealerFor(secret("server key")));

        assertThat(row.eventId()).isEqualTo(eventId);
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.keyId()).isEqualTo(EventPublicKey.of(pair.getPublic()).keyId());
        String code = TicketCodes.issue(UUID.randomUUID(), eventId, UUID.randomUUID(), 1, pair.getPrivate());
        assertThat(TicketCodes.verifyOffline(code, eventId, row.publicKey().raw()).eventId()).isEqualTo(eventId);
    }

    @Test
    void anotherServerSecretCannotOpenTheKey() {
        EventSigningKey row = EventKeys.generate(eventId, EventKeys.sealerFor(secret("server key")), CLOCK);

        assertThatThrownBy(() -> EventKeys.open(row, EventKeys.sealerFor(secret("replaced server key"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_PRIVATE_KEY");
    }

    @Test
    void aSealedKeyMovedToAnotherEventDoesNotOpen() {
        KeySealer sealer = EventKeys.sealerFor(secret("server key"));
        EventSigningKey row = EventKeys.generate(eventId, sealer, CLOCK);
        EventSigningKey moved = new EventSigningKey(UUID.randomUUID(), row.publicKey(), row.privateKeySealed(), NOW);

        assertThatThrownBy(() -> EventKeys.open(moved, sealer)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPublicKeyNotMatchingThePrivateKeyIsRefused() {
        KeySealer sealer = EventKeys.sealerFor(secret("server key"));
        EventSigningKey row = EventKeys.generate(eventId, sealer, CLOCK);
        EventPublicKey otherPublic = EventKeys.generate(eventId, sealer, CLOCK).publicKey();
        EventSigningKey mismatched = new EventSigningKey(eventId, otherPublic, row.privateKeySealed(), NOW);

        assertThatThrownBy(() -> EventKeys.open(mismatched, sealer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not form a pair");
    }

    @Test
    void everyEventGetsItsOwnKey() {
        KeySealer sealer = EventKeys.sealerFor(secret("server key"));

        assertThat(EventKeys.generate(eventId, sealer, CLOCK).publicKey())
                .isNotEqualTo(EventKeys.generate(eventId, sealer, CLOCK).publicKey());
    }

    private static byte[] secret(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
