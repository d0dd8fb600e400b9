package com.eventix.identity.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What makes a password acceptable: at least 10 characters, not a well-known one, not the email itself. */
@ApplicationScoped
public class PasswordPolicy {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Set<String> common = load();

    public void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw weak("Password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw weak("Password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw weak("This password is too common; choose another");
        }
        if (email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT))) {
            throw weak("Password must not be the email address");
        }
    }

    private static ApiException weak(String message) {
        return new ApiException(ErrorCode.WEAK_PASSWORD, message, Map.of("password", message));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var stream = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("identity/common-passwords.txt missing from the classpath");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
