package com.eventix.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens built outside the server, to check what the server refuses. */
public final class ForgedTokens {
    private ForgedTokens() {
    }

    /** A token with the server's real key but chosen claims (the key file the server generated at first start). */
    public static String signedByServer(String subject, List<String> groups, String issuer, Instant expires)
            throws Exception {
        Path pem = Path.of(SuiteServices.get().serverSettings().get("EVENTIX_DATA_DIR"), "jwt-private.pem");
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience("eventix-api").subject(subject).claim("upn", "forged@eventix.test")
                .claim("groups", groups).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The same claims as {@code token}, unsigned, with header {"alg":"none"}. */
    public static String algNone(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        return header + "." + parts[1] + ".";
    }

    /** {@code token} with one claim changed after signing (the role), signature kept. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("ATTENDEE", "ADMIN");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
