package com.eventix.payments.control.providers;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC plumbing of webhook signature schemes. */
final class Signatures {
    private Signatures() {
    }

    /** Lower-case hex HMAC of the parts, in order, as one message. */
    static String hmacHex(String algorithm, String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Compares in constant time, so response timing tells an attacker nothing about how much of a guess matched. */
    static boolean sameHex(String expectedHex, String givenHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** A header by name, ignoring case as HTTP does; empty when absent or blank. */
    static Optional<String> header(Map<String, String> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
    }

    static ApiException rejected(String why) {
        return new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, "Webhook rejected: " + why);
    }
}
