package com.eventix.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** A verified organizer signed in with the ORGANIZER role, and helpers to put events on sale. */
public final class Organizer {
    public final Api api;
    public final String userId;
    public final String organizerId;

    private Organizer(Api api, String userId, String organizerId) {
        this.api = api;
        this.userId = userId;
        this.organizerId = organizerId;
    }

    /** Registers, applies, gets verified by the admin and signs in again to carry the new role. */
    public static Organizer verified(Api anonymous, Api admin, String name) {
        String email = TestUsers.uniqueEmail(name);
        Map<String, Object> tokens = anonymous.registerAndLogin(email, "organizer passphrase");
        Api attendee = anonymous.as((String) tokens.get("accessToken"));
        String organizerId = attendee.post("/api/v1/organizers", Map.of("organizationName", name + " Productions",
                        "contactEmail", email)).then().statusCode(201).extract().jsonPath().getString("data.id");
        admin.post("/api/v1/admin/organizers/" + organizerId + "/verify", Map.of()).then().statusCode(200);
        Map<String, Object> again = anonymous.login(email, "organizer passphrase");
        assertThat(((Map<?, ?>) again.get("user")).get("role")).isEqualTo("ORGANIZER");
        return new Organizer(anonymous.as((String) again.get("accessToken")),
                (String) ((Map<?, ?>) again.get("user")).get("id"), organizerId);
    }

    public static Map<String, Object> eventBody(String title, String category, String description, Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", category);
        body.put("description", description);
        body.put("location", "Accra International Conference Centre");
        body.put("startTime", start.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("endTime", start.plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("timezone", "Africa/Accra");
        body.put("currency", "USD");
        return body;
    }

    public static Map<String, Object> tierBody(String name, String price, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("tierName", name);
        body.put("price", new BigDecimal(price));
        body.put("totalQuantity", quantity);
        return body;
    }

    /** Creates a draft; answers its id. */
    public String draft(Map<String, Object> body) {
        return api.post("/api/v1/events", body).then().statusCode(201).extract().jsonPath().getString("data.id");
    }

    public String addTier(String eventId, Map<String, Object> tier) {
        return api.post("/api/v1/events/" + eventId + "/tiers", tier).then().statusCode(201)
                .extract().jsonPath().getString("data.id");
    }

    /** A published event with one tier per price given; answers its id. */
    public String published(Api admin, Map<String, Object> body, String... prices) {
        String id = draft(body);
        for (int i = 0; i < prices.length; i++) {
            addTier(id, tierBody("Tier " + (i + 1), prices[i], 100));
        }
        api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + id + "/approve", Map.of()).then().statusCode(200);
        return id;
    }

    public JsonPath event(String id) {
        return api.get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath();
    }
}
