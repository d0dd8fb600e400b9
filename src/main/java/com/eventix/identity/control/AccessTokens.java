package com.eventix.identity.control;

import com.eventix.identity.entity.User;
import com.eventix.platform.security.SigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the short-lived RS256 access tokens that MicroProfile JWT verifies on every request. */
@ApplicationScoped
public class AccessTokens {
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "JWT_ISSUER")
    String issuer;
    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE")
    String audience;
    @Inject
    @ConfigProperty(name = "JWT_EXPIRY")
    Duration lifetime;

    public record AccessToken(String token, long expiresInSeconds) {
    }

    public AccessToken issue(User user) {
        SigningKeys keys = SigningKeys.get();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id().toString())
                .claim("upn", user.email())
                .claim("groups", List.of(user.role().name()))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.keyId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(keys.keyPair().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return new AccessToken(jwt.serialize(), lifetime.toSeconds());
    }
}
