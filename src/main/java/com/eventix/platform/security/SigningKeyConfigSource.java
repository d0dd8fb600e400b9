package com.eventix.platform.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands MicroProfile JWT the public half of the signing key ({@code mp.jwt.verify.publickey}), so that the
 * verifier always matches the issuer, including when the key was generated at first start.
 */
public class SigningKeyConfigSource implements ConfigSource {
    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, SigningKeys.get().publicKeyPem());
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? SigningKeys.get().publicKeyPem() : null;
    }

    @Override
    public String getName() {
        return "eventix-signing-key";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
