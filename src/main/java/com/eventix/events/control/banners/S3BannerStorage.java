package com.eventix.events.control.banners;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Banners as objects in an S3 bucket (AWS, or an S3-compatible server at S3_ENDPOINT), loaded by clients straight
 * from the bucket or a CDN in front of it. Making the objects readable is the bucket's policy (or a CDN's origin
 * access); S3_OBJECT_ACL serves the S3-compatible servers that only grant public reads per object.
 */
public class S3BannerStorage implements BannerStorage, AutoCloseable {
    // Keys are never reused, so an object may be cached for a year everywhere.

    private final S3Client client;
    private final String bucket;
    private final Optional<String> publicBaseUrl;
    private final Optional<ObjectCannedACL> objectAcl;

    /**
     * @param accessKey with secretKey, the credentials; both empty: the SDK's default chain (environment,
     *                  instance or task role)
     * @param endpoint an S3-compatible server; addressed path-style, since such servers rarely have per-bucket
     *                 host names
     * @param publicBaseUrl where clients load objects from (a CDN, a public bucket host); empty: the bucket's
     *                      own URL
     * @param objectAcl a canned ACL for each object, for servers that grant public reads only that way (e.g.
     *                  "public-read"); empty on AWS, whose buckets have ACLs disabled by default
     */
    public record Settings(String bucket, String region, Optional<String> accessKey, Optional<String> secretKey,
            Optional<URI> endpoint, Optional<String> publicBaseUrl, Optional<String> objectAcl) {
    }

    public S3BannerStorage(Settings settings) {
        if (settings.accessKey().isPresent() != settings.secretKey().isPresent()) {
            throw new IllegalArgumentException("S3_ACCESS_KEY and S3_SECRET_KEY must be set together");
        }
        this.objectAcl = settings.objectAcl().map(acl -> {
            ObjectCannedACL canned = ObjectCannedACL.fromValue(acl);
            if (canned == ObjectCannedACL.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException("S3_OBJECT_ACL=" + acl + " is not a canned ACL such as public-read");
            }
            return canned;
        });
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                // The JDK's HTTP client: the SDK's Netty and Apache clients are not shipped (see pom.xml).
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials);
        settings.endpoint().ifPresent(uri -> builder
                .endpointOverride(uri)
                .forcePathStyle(true)
                // The SDK's default checksum trailers (since 2.30) are refused by many S3-compatible servers;
                // send checksums only where an operation requires one.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        this.client = builder.build();
        this.bucket = settings.bucket();
        this.publicBaseUrl = settings.publicBaseUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public StoredBanner store(UUID eventId, BannerImage image) {
        String key = BannerStorage.newKey(eventId, image.extension());
        client.putObject(b -> {
            b.bucket(bucket).key(key).contentType(image.contentType()).cacheControl(CACHE_CONTROL);
            objectAcl.ifPresent(b::acl);
        }, RequestBody.fromBytes(image.bytes()));
        return new StoredBanner(key, urlOf(key));
    }

    @Override
    public void delete(String key) {
        BannerStorage.checkKey(key);
        client.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public Optional<StoredObject> read(String key) {
        BannerStorage.checkKey(key);
        try {
            ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            String contentType = object.response().contentType();
            return Optional.of(new StoredObject(object.asByteArray(),
                    contentType == null ? BannerStorage.contentTypeOf(key) : contentType));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    String urlOf(String key) {
        return publicBaseUrl.map(base -> base + "/" + key)
                // The SDK knows the addressing: endpoint/bucket/key, or https://bucket.s3.region.amazonaws.com/key.
                .orElseGet(() -> client.utilities().getUrl(b -> b.bucket(bucket).key(key)).toExternalForm());
    }

    @Override
    public void close() {
        client.close();
    }
}
