package com.eventix.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What attendees find: listings with filters and sorting, ranked prefix search, and the cache in front of them
 * (invalidated by every change; bypassed when Redis is down: RedisOutageIT).
 */
// It counts the servers' cache hits; the cache's generation moves on with any change to any event, so another
// class's events would turn its hits into misses.
@ResourceLock(SharedServices.SERVERS)
class DiscoveryIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(20, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;
    /** A word no other test uses, so searches see only this test's events. */
    private String tag;

    @BeforeEach
    void organizer() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "discovery");
        tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private JsonPath list(Map<String, Object> query) {
        var request = api().request().queryParam("organizerId", organizer.organizerId);
        if (!query.containsKey("size")) {
            request.queryParam("size", 50);
        }
        query.forEach(request::queryParam);
        return request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath search(String q, Map<String, Object> query) {
        var request = api().request().queryParam("q", q).queryParam("size", 50);
        query.forEach(request::queryParam);
        return request.get("/api/v1/events/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void searchFindsWordsByPrefixAndRanksTitleOverCategoryOverDescription() {
        String inDescription = organizer.published(admin, Organizer.eventBody("Sunday Brunch " + tag, "food",
                "Brunch with a little jazz trio in the corner", SOON), "20");
        String inTitle = organizer.published(admin, Organizer.eventBody("Jazz at the Lighthouse " + tag, "music",
                "An evening of standards", SOON.plus(1, ChronoUnit.DAYS)), "35");
        String inCategory = organizer.published(admin, Organizer.eventBody("Late Session " + tag, "jazz",
                "Improvised music", SOON.plus(2, ChronoUnit.DAYS)), "25");
        String draft = organizer.draft(Organizer.eventBody("Jazz draft " + tag, "jazz", "jazz jazz", SOON));

        JsonPath found = search("jaz " + tag, Map.of());
        assertThat(found.getList("data.items.id", String.class)).containsExactly(inTitle, inCategory, inDescription);
        assertThat(found.getInt("data.total")).isEqualTo(3);
        assertThat(found.getList("data.items.id", String.class)).doesNotContain(draft);
        assertThat(search("JAZZ lighthouse " + tag, Map.of()).getList("data.items.id", String.class))
                .containsExactly(inTitle);
        assertThat(search("jazz " + tag, Map.of("sort", "price")).getList("data.items.id", String.class))
                .containsExactly(inDescription, inCategory, inTitle);
        assertThat(search("nothingmatches " + tag, Map.of()).getInt("data.total")).isZero();
        api().request().queryParam("q", "  !!  ").get("/api/v1/events/search").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
        api().request().queryParam("q", "jazz").queryParam("sort", "random").get("/api/v1/events/search")
                .then().statusCode(400).body("error.details.sort", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void listingsFilterSortAndPage() {
        Map<String, Object> accra = Organizer.eventBody("Highlife " + tag, "music", "", SOON);
        String cheap = organizer.published(admin, accra, "10", "60");
        Map<String, Object> kumasi = Organizer.eventBody("Derby " + tag, "sports", "", SOON.plus(5, ChronoUnit.DAYS));
        kumasi.put("location", "Baba Yara Stadium, Kumasi");
        String sports = organizer.published(admin, kumasi, "45");
        String later = organizer.published(admin, Organizer.eventBody("Symphony " + tag, "Music", "",
                SOON.plus(10, ChronoUnit.DAYS)), "80", "120");
        String unlisted = organizer.draft(Organizer.eventBody("Hidden " + tag, "music", "", SOON));

        assertThat(list(Map.of()).getList("data.items.id", String.class)).containsExactly(cheap, sports, later);
        assertThat(list(Map.of("category", "MUSIC")).getList("data.items.id", String.class)).containsExactly(cheap, later);
        assertThat(list(Map.of("location", "kumasi")).getList("data.items.id", String.class)).containsExactly(sports);
        assertThat(list(Map.of("minPrice", "50", "maxPrice", "70")).getList("data.items.id", String.class))
                .as("a tier priced inside the range").containsExactly(cheap);
        assertThat(list(Map.of("from", SOON.plus(1, ChronoUnit.DAYS).toString(), "to", SOON.plus(6, ChronoUnit.DAYS).toString()))
                .getList("data.items.id", String.class)).containsExactly(sports);
        assertThat(list(Map.of("sort", "price")).getList("data.items.id", String.class)).containsExactly(cheap, sports, later);
        JsonPath page2 = list(Map.of("size", 2, "page", 2));
        assertThat(page2.getList("data.items.id", String.class)).containsExactly(later);
        assertThat(page2.getInt("data.total")).isEqualTo(3);
        JsonPath first = list(Map.of());
        assertThat(first.getString("data.items[0].minPrice")).isEqualTo("10.0");
        assertThat(first.getInt("data.items[0].availableTickets")).isEqualTo(200);
        assertThat(first.getString("data.items[0].organizerName")).contains("discovery");
        assertThat(first.getList("data.items.id", String.class)).doesNotContain(unlisted);

        api().request().queryParam("from", "yesterday").get("/api/v1/events").then().statusCode(400)
                .body("error.details.from", org.hamcrest.Matchers.notNullValue());
        api().request().queryParam("size", 500).get("/api/v1/events").then().statusCode(400)
                .body("error.details.size", org.hamcrest.Matchers.notNullValue());
        api().request().queryParam("minPrice", "ten").get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void everyChangeShowsOnTheNextReadThoughPagesAreCached() {
        String id = organizer.published(admin, Organizer.eventBody("Cached " + tag, "film", "", SOON), "12");
        double hitsBefore = cacheHits("detail");
        organizer.event(id);
        organizer.event(id);
        assertThat(cacheHits("detail")).as("the second read is a cache hit").isGreaterThan(hitsBefore);
        // A hit is written as stored text inside the envelope (Responses.okJson): the same envelope as any answer.
        JsonPath plain = api().get("/api/v1/events/" + id + "/tiers").then().statusCode(200).extract().jsonPath();
        JsonPath hit = api().get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(hit.getMap("$").keySet()).isEqualTo(plain.getMap("$").keySet());
        assertThat(hit.getString("message")).isEqualTo(plain.getString("message"));
        assertThat(Instant.parse(hit.getString("timestamp"))).isBeforeOrEqualTo(Instant.now());
        assertThat(list(Map.of()).getString("data.items[0].title")).isEqualTo("Cached " + tag);
        list(Map.of());

        organizer.api.put("/api/v1/events/" + id, Organizer.eventBody("Recut " + tag, "film", "", SOON)).then().statusCode(200);
        assertThat(organizer.event(id).getString("data.title")).isEqualTo("Recut " + tag);
        assertThat(list(Map.of()).getString("data.items[0].title")).isEqualTo("Recut " + tag);
        assertThat(search("recut " + tag, Map.of()).getList("data.items.id", String.class)).containsExactly(id);

        String tierId = organizer.event(id).getString("data.tiers[0].id");
        organizer.api.put("/api/v1/events/" + id + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "9.50", 40))
                .then().statusCode(200);
        assertThat(organizer.event(id).getString("data.tiers[0].price")).isEqualTo("9.5");
        assertThat(list(Map.of()).getInt("data.items[0].availableTickets")).isEqualTo(40);
        assertThat(list(Map.of()).getString("data.items[0].minPrice")).isEqualTo("9.5");

        organizer.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "Projector broke")).then().statusCode(200);
        assertThat(organizer.event(id).getString("data.status")).isEqualTo("CANCELLED");
        assertThat(list(Map.of()).getList("data.items.id", String.class)).doesNotContain(id);
    }

    @Test
    void theTextNullIsAFilterValueNotAnAbsentFilterSoItCannotEmptyTheListing() {
        String id = organizer.published(admin, Organizer.eventBody("Open air " + tag, "Music", "", SOON), "15");
        // Pages no other test asks for, so both orders start on a cold cache.
        assertThat(list(Map.of("category", "null", "size", 37)).getList("data.items.id", String.class))
                .as("no event has the category \"null\"").isEmpty();
        assertThat(list(Map.of("size", 37)).getList("data.items.id", String.class))
                .as("the listing without a category, right after").containsExactly(id);
        assertThat(list(Map.of("size", 38)).getList("data.items.id", String.class)).containsExactly(id);
        assertThat(list(Map.of("category", "null", "size", 38)).getList("data.items.id", String.class)).isEmpty();
        assertThat(list(Map.of("category", "", "size", 38)).getList("data.items.id", String.class))
                .as("a blank filter is no filter").containsExactly(id);
        // Category matches regardless of case and surrounding blanks: one canonical request, one answer.
        assertThat(list(Map.of("category", " MUSIC ", "size", 39)).getList("data.items.id", String.class))
                .containsExactly(id);
        assertThat(list(Map.of("category", "music", "size", 39)).getList("data.items.id", String.class))
                .containsExactly(id);
        assertThat(list(Map.of("category", "music|null", "size", 39)).getList("data.items.id", String.class))
                .isEmpty();
    }

    @Test
    void ticketCountsOnCachedPagesCatchUpWithHoldsWithinASecondWithoutEmptyingTheCache() throws Exception {
        String id = organizer.published(admin, Organizer.eventBody("Drop " + tag, "music", "", SOON), "20");
        String tierId = organizer.event(id).getString("data.tiers[0].id");
        List<Api> buyers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api client = api();
            buyers.add(client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("drop"), "drop passphrase")
                    .get("accessToken")));
        }
        assertThat(list(Map.of()).getInt("data.items[0].availableTickets")).isEqualTo(100);
        double hitsBefore = cacheHits("list");

        for (Api buyer : buyers) {
            buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 2)).then().statusCode(201);
            list(Map.of());
        }
        assertThat(cacheHits("list") - hitsBefore).as("a burst of holds does not empty the cache hold by hold")
                .isGreaterThanOrEqualTo(2);
        Instant deadline = Instant.now().plusSeconds(5);
        while (list(Map.of()).getInt("data.items[0].availableTickets") != 94) {
            assertThat(Instant.now()).as("the listing shows the holds within about a second").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(organizer.event(id).getInt("data.tiers[0].availableQuantity")).isEqualTo(94);
    }

    private double cacheHits(String cache) {
        String metrics = api().get("/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("eventix_cache_requests_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"hit\"[^}]*} ([0-9.E+]+)")
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
