package com.eventix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.platform.web.RateLimits.Family;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    @Test
    void requestsFallIntoTheirFamilies() {
        assertThat(RateLimits.familyOf("POST", "auth/login")).isEqualTo(Family.AUTH);
        assertThat(RateLimits.familyOf("GET", "/auth/oauth/google")).isEqualTo(Family.AUTH);
        assertThat(RateLimits.familyOf("GET", "events")).isEqualTo(Family.READ);
        assertThat(RateLimits.familyOf("HEAD", "/events/1")).isEqualTo(Family.READ);
        assertThat(RateLimits.familyOf("POST", "tickets/reserve")).isEqualTo(Family.WRITE);
        assertThat(RateLimits.familyOf("DELETE", "/tickets/reservations/1")).isEqualTo(Family.WRITE);
        assertThat(RateLimits.familyOf("PUT", "events/1/banner")).isEqualTo(Family.WRITE);
        assertThat(RateLimits.familyOf("POST", "payments/webhooks/stripe")).isEqualTo(Family.EXEMPT);
        assertThat(RateLimits.familyOf("GET", "authors")).as("only the auth path itself").isEqualTo(Family.READ);
    }
}
