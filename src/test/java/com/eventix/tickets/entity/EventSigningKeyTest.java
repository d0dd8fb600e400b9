package com.eventix.tickets.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSigningKeyTest {
    private static final Instant NOW = Instant.parse("2026-05-01T19:00:00Z");

    private final EventPublicKey publicKey = ed25519();

    @Test
    void theKeyIdIsDerivedFromThePublicKey() {
        EventSigningKey key = new EventSigningKey(UUID.randomUUID(), publicKey, new byte[] {1, 2, 3}, NOW);

        assertThat(key.keyId()).isEqualTo(publicKey.keyId());
        assertThat(key.publicKey()).isEqualTo(publicKey);
    }

    @Test
    void theSealedPrivateKeyIsRequiredAndCopied() {
        byte[] sealed = {1, 2, 3};
        EventSigningKey key = new EventSigningKey(UUID.randomUUID(), publicKey, sealed, NOW);
        sealed[0] = 9;

        assertThat(key.privateKeySealed()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new EventSigningKey(UUID.randomUUID(), publicKey, new byte[0], NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventPublicKey ed25519() {
        try {
            return EventPublicKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
