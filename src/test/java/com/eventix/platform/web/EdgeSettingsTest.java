package com.eventix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeSettingsTest {
    @Test
    void corsOriginsCompareWithoutCaseOrTrailingSlash() {
        assertThat(Cors.parse(" https://App.example/ ,http://localhost:3000,,"))
                .containsExactlyInAnyOrder("https://app.example", "http://localhost:3000");
        assertThat(Cors.parse("")).isEmpty();
        assertThat(Cors.normalize("HTTPS://APP.EXAMPLE")).isEqualTo("https://app.example");
    }

    @Test
    void hstsOnlyWhenThePublicAddressIsHttps() {
        assertThat(SecurityHeaders.httpsOnly("https://tickets.example")).isTrue();
        assertThat(SecurityHeaders.httpsOnly(" HTTPS://tickets.example")).isTrue();
        assertThat(SecurityHeaders.httpsOnly("http://localhost:8080")).isFalse();
        assertThat(SecurityHeaders.httpsOnly("")).isFalse();
    }
}
