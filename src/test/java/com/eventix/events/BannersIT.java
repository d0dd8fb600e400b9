package com.eventix.events;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Banners on the default storage: the server's disk, served at /media/. */
class BannersIT extends IntegrationTest {
    @Test
    void bannersAreUploadedServedReplacedAndChecked() {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "painter");
        Organizer other = Organizer.verified(api(), admin, "critic");
        // bannerUrl carries the configured public base URL; the path is served by this deployment.
        BannerUploads.uploadReplaceAndRefuse(api(), admin, owner, other,
                url -> api().get(URI.create(url).getPath()));
    }
}
