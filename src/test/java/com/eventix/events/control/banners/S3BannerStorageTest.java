package com.eventix.events.control.banners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Against a real S3 server: S3Proxy with its in-memory store, started in this JVM on a free port, checking
 * request signatures with the credentials below.
 */
class S3BannerStorageTest {
    private static final String ACCESS_KEY = "banner-test-access";
    private static final String SECRET_KEY = "banner-test-secret-0123456789";
    private static final String BUCKET = "eventix-banners";
    private static final String REGION = "us-east-1";

    private static S3Proxy server;
    private static URI endpoint;
    private static S3Client admin;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(server.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + server.getState());
            }
            Thread.sleep(20);
        }
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        admin = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        admin.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void storesABannerThatIsServedOverHttpAndDeletesIt() throws Exception {
        UUID eventId = UUID.randomUUID();
        BannerImage image = BannerImagesTest.banner("image/jpeg", 120, 60);
        // S3Proxy, like S3 without a bucket policy, serves an object anonymously only if its ACL allows it.
        try (S3BannerStorage storage = storage(Optional.empty(), Optional.of("public-read"))) {
            StoredBanner stored = storage.store(eventId, image);

            assertThat(stored.key()).matches("banners/" + eventId + "/[0-9a-f-]{36}\\.jpg");
            assertThat(stored.url()).isEqualTo(endpoint + "/" + BUCKET + "/" + stored.key());

            HttpResponse<byte[]> response = get(stored.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue(S3BannerStorage.CACHE_CONTROL);
            assertThat(response.body()).isEqualTo(image.bytes());

            HeadObjectResponse head = admin.headObject(b -> b.bucket(BUCKET).key(stored.key()));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.cacheControl()).isEqualTo(S3BannerStorage.CACHE_CONTROL);

            StoredObject read = storage.read(stored.key()).orElseThrow();
            assertThat(read.bytes()).isEqualTo(image.bytes());
            assertThat(read.contentType()).isEqualTo("image/jpeg");

            storage.delete(stored.key());

            assertThat(get(stored.url()).statusCode()).isEqualTo(404);
            assertThatThrownBy(() -> admin.headObject(b -> b.bucket(BUCKET).key(stored.key())))
                    .isInstanceOf(NoSuchKeyException.class);
            assertThat(storage.read(stored.key())).isEmpty();
            storage.delete(stored.key()); // already gone: no error
        }
    }

    @Test
    void withoutAnObjectAclTheObjectIsPrivateButStillReadableWithCredentials() throws Exception {
        BannerImage image = BannerImagesTest.banner("image/png", 30, 30);
        try (S3BannerStorage storage = storage(Optional.empty(), Optional.empty())) {
            StoredBanner stored = storage.store(UUID.randomUUID(), image);

            assertThat(get(stored.url()).statusCode()).isEqualTo(403);
            StoredObject read = storage.read(stored.key()).orElseThrow();
            assertThat(read.bytes()).isEqualTo(image.bytes());
            assertThat(read.contentType()).isEqualTo("image/png");
            storage.delete(stored.key());
        }
    }

    @Test
    void everyUploadGetsItsOwnKeyAndThePublicBaseUrlIsUsedWhenSet() {
        BannerImage image = BannerImagesTest.banner("image/png", 30, 30);
        UUID eventId = UUID.randomUUID();
        try (S3BannerStorage storage = storage(Optional.of("https://cdn.example.com/"), Optional.empty())) {
            StoredBanner first = storage.store(eventId, image);
            StoredBanner second = storage.store(eventId, image);

            assertThat(second.key()).isNotEqualTo(first.key());
            assertThat(first.url()).isEqualTo("https://cdn.example.com/" + first.key());
            assertThat(storage.read(first.key())).isPresent();
            assertThat(storage.read(second.key())).isPresent();
            storage.delete(first.key());
            storage.delete(second.key());
        }
    }

    @Test
    void wrongCredentialsAreRefusedByTheServer() {
        BannerImage image = BannerImagesTest.banner("image/png", 10, 10);
        try (S3BannerStorage storage = new S3BannerStorage(new S3BannerStorage.Settings(BUCKET, REGION,
                Optional.of(ACCESS_KEY), Optional.of("not-the-secret"), Optional.of(endpoint), Optional.empty(),
                Optional.empty()))) {
            assertThatThrownBy(() -> storage.store(UUID.randomUUID(), image))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void refusesKeysOutsideTheBanners() {
        try (S3BannerStorage storage = storage(Optional.empty(), Optional.empty())) {
            assertThatThrownBy(() -> storage.read("private/report.csv")).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> storage.delete("banners/../private/report.csv")).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void refusesAnUnknownObjectAcl() {
        assertThatThrownBy(() -> storage(Optional.empty(), Optional.of("everyone-may-read")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3_OBJECT_ACL");
    }

    @Test
    void theDefaultUrlOnAwsIsTheBucketsVirtualHost() {
        try (S3BannerStorage storage = new S3BannerStorage(new S3BannerStorage.Settings(BUCKET, "eu-west-1",
                Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), Optional.empty(), Optional.empty(),
                Optional.empty()))) {
            // No request is made: only the URL is computed.
            String key = "banners/" + UUID.randomUUID() + "/" + UUID.randomUUID() + ".png";
            assertThat(storage.urlOf(key)).isEqualTo("https://" + BUCKET + ".s3.eu-west-1.amazonaws.com/" + key);
        }
    }

    private static S3BannerStorage storage(Optional<String> publicBaseUrl, Optional<String> objectAcl) {
        return new S3BannerStorage(new S3BannerStorage.Settings(BUCKET, REGION, Optional.of(ACCESS_KEY),
                Optional.of(SECRET_KEY), Optional.of(endpoint), publicBaseUrl, objectAcl));
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
