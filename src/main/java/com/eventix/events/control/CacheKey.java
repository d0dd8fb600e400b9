package com.eventix.events.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cache key of a request given in its canonical form: each field present as name=value (both percent-encoded,
 * so no value can pass for a separator), an absent field left out (never the text "null"), in the order added;
 * then digested, so that keys stay short whatever the query.
 */
public final class CacheKey {
    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a field; a null value is an absent field. */
    public CacheKey with(String name, Object value) {
        if (fields.containsKey(name)) {
            throw new IllegalArgumentException("field given twice: " + name);
        }
        fields.put(name, value == null ? null : value.toString());
        return this;
    }

    /** SHA-256 of the canonical text, in hex. */
    public String digest() {
        StringBuilder canonical = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                canonical.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
