package com.eventix.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3-compatible server (S3Proxy, in-memory) in the test JVM, with one bucket for banners. */
public final class S3Server {
    static final String ACCESS_KEY = "eventix-it-access";
    static final String SECRET_KEY = "eventix-it-secret-0123456789";
    public static final String BUCKET = "eventix-it-banners";
    static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    public final URI endpoint;

    private S3Server(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static S3Server start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new org.gaul.s3proxy.nio2blob.TransientNio2BlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3Client client = client(endpoint)) {
            client.createBucket(b -> b.bucket(BUCKET));
        }
        return new S3Server(proxy, endpoint);
    }

    public S3Client client() {
        return client(endpoint);
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    Map<String, String> serverSettings() {
        return Map.of("BANNER_STORAGE", "s3", "S3_BUCKET", BUCKET, "S3_REGION", REGION, "S3_ACCESS_KEY", ACCESS_KEY,
                "S3_SECRET_KEY", SECRET_KEY, "S3_ENDPOINT", endpoint.toString(), "S3_OBJECT_ACL", "public-read");
    }

    void stop() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // JVM exit
        }
    }
}
