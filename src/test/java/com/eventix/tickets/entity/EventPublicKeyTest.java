package com.eventix.tickets.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EventPublicKeyTest {
    private final PublicKey jdkKey = generate("Ed25519");

    @Test
    void rawAndSpkiFormsDescribeTheSameKey() {
        EventPublicKey key = EventPublicKey.of(jdkKey);

        assertThat(key.raw()).hasSize(32);
        assertThat(key.spki()).isEqualTo(jdkKey.getEncoded());
        assertThat(EventPublicKey.ofRaw(key.raw())).isEqualTo(key);
        assertThat(EventPublicKey.ofSpki(key.spki())).isEqualTo(key);
        assertThat(key.toPublicKey().getEncoded()).isEqualTo(jdkKey.getEncoded());
    }

    @Test
    void scannersGetTheRawKeyAsBase64UrlAndAStableId() {
        EventPublicKey key = EventPublicKey.of(jdkKey);

        assertThat(key.base64Url()).hasSize(43).doesNotContain("=");
        assertThat(Base64.getUrlDecoder().decode(key.base64Url())).isEqualTo(key.raw());
        assertThat(key.keyId()).matches("[0-9a-f]{16}").isEqualTo(EventPublicKey.ofRaw(key.raw()).keyId());
        assertThat(key.keyId()).isNotEqualTo(EventPublicKey.of(generate("Ed25519")).keyId());
    }

    @Test
    void onlyEd25519KeysAreAccepted() {
        assertThatThrownBy(() -> EventPublicKey.of(generate("RSA"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventPublicKey.of(generate("Ed448"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventPublicKey.ofRaw(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawBytesCannotBeChangedFromOutside() {
        EventPublicKey key = EventPublicKey.of(jdkKey);
        byte[] raw = key.raw();
        raw[0] ^= 1;

        assertThat(key.raw()).isNotEqualTo(raw);
    }

    private static PublicKey generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
