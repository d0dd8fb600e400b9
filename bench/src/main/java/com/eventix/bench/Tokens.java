package com.eventix.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as the server issues them (identity/control/AccessTokens): RS256, issuer, audience, sub = user
 * id, upn = email, groups = [role], jti, iat, exp. The benchmark generates the RSA key and hands it to the server
 * as JWT_PRIVATE_KEY, so the server verifies these tokens as its own; no login round trips (argon2) are needed.
 */
final class Tokens {
    private final KeyPair keys;
    private final String issuer;
    private final String audience;

    Tokens(String issuer, String audience) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The private key in PKCS#8 PEM form, on one line (the server's reader ignores whitespace). */
    String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----" + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "-----END PRIVATE KEY-----";
    }

    String mint(UUID userId, String email, String role, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + userId
                + "\",\"upn\":\"" + email + "\",\"groups\":[\"" + role + "\"],\"jti\":\"" + UUID.randomUUID()
                + "\",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
