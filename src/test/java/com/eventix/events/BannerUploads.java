package com.eventix.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Organizer;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;

/** The banner upload story, run against either storage adapter. */
final class BannerUploads {
    private BannerUploads() {
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(200, 80, 20));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response upload(Api api, String eventId, String contentType, byte[] bytes) {
        return api.request().contentType(contentType).body(bytes).put("/api/v1/events/" + eventId + "/banner");
    }

    /**
     * Uploads, checks the image is served at the event's bannerUrl, replaces it, checks the old one is gone, and
     * checks refusals. {@code fetch} reads a banner URL over HTTP as a browser would.
     */
    static void uploadReplaceAndRefuse(Api anonymous, Api admin, Organizer owner, Organizer other,
                                       Function<String, Response> fetch) {
        String id = owner.published(admin, Organizer.eventBody("Banner show", "art", "",
                Instant.now().plus(12, ChronoUnit.DAYS)), "10");
        byte[] png = image("png", 640, 320);
        String first = upload(owner.api, id, "image/png", png).then().statusCode(200)
                .extract().jsonPath().getString("data.bannerUrl");
        Response served = fetch.apply(first);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("image/png");
        assertThat(served.asByteArray()).isEqualTo(png);
        assertThat(served.header("Cache-Control")).contains("immutable");
        assertThat(anonymous.get("/api/v1/events/" + id).then().extract().jsonPath().getString("data.bannerUrl"))
                .isEqualTo(first);

        byte[] jpeg = image("jpg", 800, 400);
        String second = upload(owner.api, id, "image/jpeg", jpeg).then().statusCode(200)
                .extract().jsonPath().getString("data.bannerUrl");
        assertThat(second).isNotEqualTo(first);
        assertThat(fetch.apply(second).asByteArray()).isEqualTo(jpeg);
        assertThat(fetch.apply(first).statusCode()).as("the replaced banner is deleted").isIn(403, 404);

        upload(owner.api, id, "image/gif", image("gif", 10, 10)).then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_IMAGE_TYPE"));
        upload(owner.api, id, "image/jpeg", png).then().statusCode(400).body("error.code", equalTo("INVALID_IMAGE"));
        upload(owner.api, id, "image/png", "not an image at all".getBytes()).then().statusCode(400)
                .body("error.code", equalTo("INVALID_IMAGE"));
        upload(owner.api, id, "image/png", new byte[6 * 1024 * 1024]).then().statusCode(413)
                .body("error.code", equalTo("IMAGE_TOO_LARGE"));
        upload(other.api, id, "image/png", png).then().statusCode(403);
        upload(anonymous, id, "image/png", png).then().statusCode(401);
        assertThat(anonymous.get("/api/v1/events/" + id).then().extract().jsonPath().getString("data.bannerUrl"))
                .as("refused uploads change nothing").isEqualTo(second);
    }
}
