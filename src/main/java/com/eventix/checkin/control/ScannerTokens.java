package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScannerDevice;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Access tokens of scanner devices: signed with the same key, issuer and audience as users' access tokens, so
 * MicroProfile JWT verifies them alike; the subject is the device, the one group SCANNER, and the claims
 * {@value #EVENT_CLAIM} and {@value #LISTS_CLAIM} scope it. The device row is read again on every scan, so a
 * revoked device is refused at once whatever its token's lifetime.
 */
@ApplicationScoped
public class ScannerTokens {
    public static final String ROLE = "SCANNER";
    public static final String EVENT_CLAIM = "eventId";
    public static final String LISTS_CLAIM = "listIds";

    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "JWT_ISSUER")
    String issuer;
    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE")
    String audience;
    @Inject
    @ConfigProperty(name = "SCANNER_TOKEN_TTL")
    Duration lifetime;

    /** A device's access token. */
    @Schema(name = "ScannerToken")
    public record ScannerToken(@Schema(description = "Send as 'Authorization: Bearer <token>'") String accessToken,
                               @Schema(example = "600") long expiresIn,
                               UUID deviceId,
                               UUID eventId,
                               @Schema(description = "The lists it scans for (empty: every list of the event)")
                               List<UUID> listIds) {
    }

    public ScannerToken issue(ScannerDevice device) {
        SigningKeys keys = SigningKeys.get();
        Instant now = clock.instant();
        List<String> lists = device.listIds().stream().map(UUID::toString).sorted().toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(device.id().toString())
                .claim("upn", "scanner:" + device.id())
                .claim("groups", List.of(ROLE))
                .claim(EVENT_CLAIM, device.eventId().toString())
                .claim(LISTS_CLAIM, lists)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(keys.keyId()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.keyPair().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a scanner token", e);
        }
        return new ScannerToken(jwt.serialize(), lifetime.toSeconds(), device.id(), device.eventId(),
                device.listIds().stream().sorted().toList());
    }
}
