package com.eventix.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtOwaspParametersAndVerifies() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password twice")).isNotEqualTo(hasher.hash("same password twice"));
    }

    @Test
    void anAccountWithoutPasswordNeverMatches() {
        assertThat(hasher.verify("anything at all", null)).isFalse();
        assertThat(hasher.verify("anything at all", "$2a$12$not-an-argon2-hash")).isFalse();
    }

    @Test
    void honoursTheParametersStoredInTheHash() {
        // A hash made with other (older) parameters still verifies: the stored ones are used.
        String stored = hasher.hash("parameter change");
        String reencoded = stored.replace("m=19456,t=2,p=1", "m=19456,t=2,p=1");
        assertThat(hasher.verify("parameter change", reencoded)).isTrue();
        String tampered = stored.replace("t=2", "t=3");
        assertThat(hasher.verify("parameter change", tampered)).isFalse();
    }

    @Test
    void aConfiguredCostAppliesToNewHashesWhileOlderOnesStillVerify() {
        String older = hasher.hash("cost change");
        PasswordHasher cheaper = new PasswordHasher();
        cheaper.configure(4_096, 1, 2, java.time.Duration.ofSeconds(1));
        String newer = cheaper.hash("cost change");
        assertThat(newer).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");
        assertThat(cheaper.verify("cost change", newer)).isTrue();
        assertThat(cheaper.verify("cost change", older)).isTrue();
        assertThat(hasher.verify("cost change", newer)).isTrue();
        assertThat(cheaper.verify("cost changed", older)).isFalse();
    }

    @Test
    void theShippedDefaultIsOwaspsMinimum() throws Exception {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertThat(defaults).containsEntry("PASSWORD_HASH_MEMORY_KIB", "19456").containsEntry("PASSWORD_HASH_ITERATIONS", "2");
    }
}
