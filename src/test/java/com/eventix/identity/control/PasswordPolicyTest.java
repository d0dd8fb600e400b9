package com.eventix.identity.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
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
}
