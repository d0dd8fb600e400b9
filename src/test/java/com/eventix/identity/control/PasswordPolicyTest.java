package com.eventix.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassword() {
        assertThatCode(() -> policy.check("tangerine-kayak-41", "me@example.com")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortCommonAndSelfReferentialPasswords() {
        for (String weak : new String[] {"short1!", "Password123", "QWERTYUIOP", "me@example.com"}) {
            assertThatThrownBy(() -> policy.check(weak, "me@example.com"))
                    .as(weak)
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
        }
        assertThatThrownBy(() -> policy.check("x".repeat(129), "me@example.com")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> policy.check(null, "me@example.com")).isInstanceOf(ApiException.class);
    }

    @Test
    void theShippedListHoldsTheTopTenThousandCommonPasswords() throws Exception {
        List<String> entries;
        try (var in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt"), StandardCharsets.UTF_8))) {
            entries = in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(10_000);
        // Long ones from deep in the frequency list, in any capitalisation, are refused.
        for (String common : new String[] {"1234567890", "qwertyuiop", "1q2w3e4r5t", "Q1W2E3R4T5Y6",
                "QazWsxEdcRfv", "PlayStation", "GhostRider", "1357924680", "administrator"}) {
            assertThatThrownBy(() -> policy.check(common, "me@example.com")).as(common)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
        }
        // Every long entry of the list is refused, whatever its case.
        entries.stream().filter(e -> e.length() >= 10).limit(300).forEach(e ->
                assertThatThrownBy(() -> policy.check(e.toUpperCase(java.util.Locale.ROOT), null)).as(e)
                        .isInstanceOf(ApiException.class));
    }
}
