package com.eventix.events.control.banners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBannerStorageTest {
    @TempDir
    Path temp;

    private Path root;
    private LocalBannerStorage storage;
    private final UUID eventId = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        root = temp.resolve("data/banners");
        storage = new LocalBannerStorage(root, "https://tickets.example.com/");
    }

    @Test
    void storesReadsBackAndDeletes() throws IOException {
        BannerImage image = BannerImagesTest.banner("image/png", 40, 20);

        StoredBanner stored = storage.store(eventId, image);

        assertThat(stored.key()).matches("banners/" + eventId + "/[0-9a-f-]{36}\\.png");
        assertThat(stored.url()).isEqualTo("https://tickets.example.com/media/" + stored.key());
        Path file = root.resolve(stored.key().substring("banners/".length()));
        assertThat(file).exists().hasBinaryContent(image.bytes());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }

        StoredObject read = storage.read(stored.key()).orElseThrow();
        assertThat(read.bytes()).isEqualTo(image.bytes());
        assertThat(read.contentType()).isEqualTo("image/png");

        storage.delete(stored.key());
        assertThat(file).doesNotExist();
        assertThat(storage.read(stored.key())).isEmpty();
        storage.delete(stored.key()); // already gone: no error
    }

    @Test
    void everyUploadGetsItsOwnKey() {
        BannerImage image = BannerImagesTest.banner("image/png", 40, 20);

        StoredBanner first = storage.store(eventId, image);
        StoredBanner second = storage.store(eventId, image);

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(storage.read(first.key())).isPresent();
        assertThat(storage.read(second.key())).isPresent();
    }

    @Test
    void aMissingBannerReadsAsEmpty() {
        assertThat(storage.read("banners/" + eventId + "/" + UUID.randomUUID() + ".jpg")).isEmpty();
    }

    @Test
    void refusesKeysThatEscapeTheDirectory() throws IOException {
        Files.createDirectories(root);
        Path secret = Files.writeString(temp.resolve("data/secret.txt"), "do not serve", StandardCharsets.UTF_8);
        Path outside = Files.writeString(temp.resolve("outside.png"), "x", StandardCharsets.UTF_8);

        for (String key : new String[] {"banners/../secret.txt", "../secret.txt", "banners/../../outside.png",
                "banners/" + eventId + "/../../../outside.png", "/etc/passwd", temp.resolve("outside.png").toString(),
                "banners/..", "banners/" + eventId + "/..%2F..%2Fsecret.txt", "", null}) {
            assertThatThrownBy(() -> storage.read(key)).as(String.valueOf(key))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> storage.delete(key)).as(String.valueOf(key))
                    .isInstanceOf(ApiException.class);
        }
        assertThat(secret).exists();
        assertThat(outside).exists();
    }
}
