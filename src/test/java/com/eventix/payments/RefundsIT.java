package com.eventix.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refund policies, buyers' refund requests and the organizer's decisions, and the ledger that adds them up. */
class RefundsIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(30, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "refunds");
    }

    private static Map<String, Object> policy(String mode, int hours, String percent, String fixed) {
        return Map.of("mode", mode, "deadlineHoursBeforeStart", hours, "feePercent", new java.math.BigDecimal(percent),
                "feeFixed", new java.math.BigDecimal(fixed));
    }

    @Test
    void theOrganizerSetsARefundPolicyThatBuyersSeeBeforePaying() {
        String eventId = organizer.published(admin, Organizer.eventBody("Policy night", "music", "", SOON), "25.50");
        JsonPath before = api().get("/api/v1/events/" + eventId).then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("data.refundPolicy.mode")).isEqualTo("NONE");
        assertThat(before.getString("data.refundPolicy.refundableUntil")).isNull();

        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("APPROVAL", 48, "10", "1.50"))
                .then().statusCode(200).body("data.refundPolicy.mode", equalTo("APPROVAL"));
        JsonPath after = api().get("/api/v1/events/" + eventId).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("data.refundPolicy.mode")).isEqualTo("APPROVAL");
        assertThat(after.getInt("data.refundPolicy.deadlineHoursBeforeStart")).isEqualTo(48);
        assertThat(after.getString("data.refundPolicy.feePercent")).isEqualTo("10");
        assertThat(after.getString("data.refundPolicy.feeFixed")).isEqualTo("1.5");
        assertThat(after.getString("data.refundPolicy.currency")).isEqualTo("USD");
        assertThat(Instant.parse(after.getString("data.refundPolicy.refundableUntil")))
                .isEqualTo(Instant.parse(after.getString("data.startTime")).minus(48, ChronoUnit.HOURS));

        Organizer other = Organizer.verified(api(), admin, "other-refunds");
        other.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0"))
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0.001"))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("mode", "SOMETIMES"))
                .then().statusCode(400);
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("feePercent", 5))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        api().put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0"))
                .then().statusCode(401);
    }
}
