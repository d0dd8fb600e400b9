package com.eventix.events.control.banners;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link BannerStorage} adapter named by BANNER_STORAGE ({@code local} or {@code s3}). It is built when the
 * application starts, so an unknown adapter or an incomplete S3 setting fails the deployment, not the first
 * upload.
 */
@ApplicationScoped
public class BannerStorageProducer {
    private static final Logger LOG = Logger.getLogger(BannerStorageProducer.class.getName());

    @Inject
    @ConfigProperty(name = "BANNER_STORAGE")
    String kind;
    @Inject
    @ConfigProperty(name = "BANNER_LOCAL_DIR")
    String localDir;
    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    String publicBaseUrl;
    // Optional even though s3 needs them: the local adapter must deploy without any S3 setting.
    @Inject
    @ConfigProperty(name = "S3_BUCKET")
    Optional<String> s3Bucket;
    @Inject
    @ConfigProperty(name = "S3_REGION")
    Optional<String> s3Region;
    @Inject
    @ConfigProperty(name = "S3_ACCESS_KEY")
    Optional<String> s3AccessKey;
    @Inject
    @ConfigProperty(name = "S3_SECRET_KEY")
    Optional<String> s3SecretKey;
    @Inject
    @ConfigProperty(name = "S3_ENDPOINT")
    Optional<String> s3Endpoint;
    @Inject
    @ConfigProperty(name = "S3_PUBLIC_BASE_URL")
    Optional<String> s3PublicBaseUrl;
    @Inject
    @ConfigProperty(name = "S3_OBJECT_ACL")
    Optional<String> s3ObjectAcl;

    private BannerStorage storage;
    private AutoCloseable resources = () -> { };

    @PostConstruct
    void init() {
        storage = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "local" -> {
                Path dir = Path.of(localDir).toAbsolutePath().normalize();
                LOG.info(() -> "Banner images are stored in " + dir);
                yield new LocalBannerStorage(dir, publicBaseUrl);
            }
            case "s3" -> {
                String bucket = required(s3Bucket, "S3_BUCKET");
                String region = required(s3Region, "S3_REGION");
                Optional<URI> endpoint = s3Endpoint.map(URI::create);
                LOG.info(() -> "Banner images are stored in S3 bucket " + bucket
                        + endpoint.map(uri -> " at " + uri).orElse(" in " + region));
                S3BannerStorage s3 = new S3BannerStorage(new S3BannerStorage.Settings(bucket, region, s3AccessKey,
                        s3SecretKey, endpoint, s3PublicBaseUrl, s3ObjectAcl));
                resources = s3;
                yield s3;
            }
            default -> throw new IllegalStateException(
                    "BANNER_STORAGE=" + kind + " is not a banner storage; use \"local\" or \"s3\"");
        };
    }

    /** Builds the adapter at deployment, so that a wrong setting stops it. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Banner storage: " + storage.getClass().getSimpleName());
    }

    @Produces
    @ApplicationScoped
    BannerStorage storage() {
        return storage;
    }

    // Declares no checked exception (a lifecycle method that does is refused at deployment), and loads no
    // class of its own: at undeployment the application's class loader may already be closed.
    @PreDestroy
    void close() {
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warning(() -> "Closing the banner storage failed: " + e);
        }
    }

    private static String required(Optional<String> value, String name) {
        return value.orElseThrow(() -> new IllegalStateException(name + " must be set when BANNER_STORAGE=s3"));
    }
}
