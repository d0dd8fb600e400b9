package com.eventix.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Organizer;
import com.eventix.testing.S3IntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Banners on S3 storage: a server configured with BANNER_STORAGE=s3 against a real S3-compatible server. */
class BannersS3IT extends S3IntegrationTest {
    @Test
    void bannersGoToTheBucketAndAreServedFromIt() {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "sculptor");
        Organizer other = Organizer.verified(api(), admin, "collector");
        BannerUploads.uploadReplaceAndRefuse(api(), admin, owner, other, url -> {
            assertThat(url).startsWith(services().s3.endpoint.toString());
            return RestAssured.given().urlEncodingEnabled(false).get(url);
        });
    }
}
