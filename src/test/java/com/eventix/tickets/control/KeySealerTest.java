package com.eventix.tickets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeySealerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CONTEXT = "event 1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = "an Ed25519 private key in PKCS#8".getBytes(StandardCharsets.US_ASCII);

    private final KeySealer sealer = new KeySealer(randomKek());

    @Test
    void opensWhatItSealed() {
        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo(SECRET);
        // format byte, 12-byte nonce, ciphertext as long as the plaintext, 16-byte tag
        assertThat(sealed).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ed25519");
    }

    @Test
    void eachSealUsesAFreshNonce() {
        byte[] first = sealer.seal(SECRET, CONTEXT);
        byte[] second = sealer.seal(SECRET, CONTEXT);

        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anotherKekCannotOpen() {
        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> new KeySealer(randomKek()).open(sealed, CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void aFlippedBitAnywhereIsDetected() {
        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        for (int i = 1; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x08;
            assertThatThrownBy(() -> sealer.open(altered, CONTEXT))
                    .as("bit flipped in byte %d", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anotherContextCannotOpen() {
        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> sealer.open(sealed, "event 2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesTruncatedOrUnknownFormats() {
        byte[] sealed = sealer.seal(SECRET, CONTEXT);
        byte[] otherFormat = sealed.clone();
        otherFormat[0] = 2;

        assertThatThrownBy(() -> sealer.open(Arrays.copyOf(sealed, 20), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(otherFormat, CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("known format");
    }

    @Test
    void takesOnlyA256BitKek() {
        assertThatThrownBy(() -> new KeySealer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeySealer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKek() {
        byte[] kek = new byte[32];
        RANDOM.nextBytes(kek);
        return kek;
    }
}
