package com.eventix.events.control.banners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerStorageProducerTest {
    @TempDir
    Path temp;

    private final BannerStorageProducer producer = new BannerStorageProducer();

    @BeforeEach
    void defaults() {
        producer.localDir = temp.resolve("banners").toString();
        producer.publicBaseUrl = "http://localhost:8080";
        producer.s3Bucket = Optional.empty();
        producer.s3Region = Optional.empty();
        producer.s3AccessKey = Optional.empty();
        producer.s3SecretKey = Optional.empty();
        producer.s3Endpoint = Optional.empty();
        producer.s3PublicBaseUrl = Optional.empty();
        producer.s3ObjectAcl = Optional.empty();
    }

    @Test
    void localIsTheFileSystemAdapter() {
        producer.kind = "local";
        producer.init();
        assertThat(producer.storage()).isInstanceOf(LocalBannerStorage.class);
    }

    @Test
    void s3IsTheS3AdapterOnceBucketAndRegionAreSet() {
        producer.kind = " S3 ";
        assertThatThrownBy(producer::init).hasMessageContaining("S3_BUCKET");

        producer.s3Bucket = Optional.of("banners");
        assertThatThrownBy(producer::init).hasMessageContaining("S3_REGION");

        producer.s3Region = Optional.of("eu-central-1");
        producer.s3AccessKey = Optional.of("key");
        producer.s3SecretKey = Optional.of("secret");
        producer.init();
        assertThat(producer.storage()).isInstanceOf(S3BannerStorage.class);
        producer.close();
    }

    @Test
    void lifecycleMethodsDeclareNoCheckedException() {
        // Payara refuses to deploy a @PostConstruct or @PreDestroy method that declares one.
        for (Method method : BannerStorageProducer.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(PostConstruct.class) || method.isAnnotationPresent(PreDestroy.class)) {
                assertThat(method.getExceptionTypes()).as(method.getName()).isEmpty();
            }
        }
    }

    @Test
    void anUnknownAdapterFailsWithAClearMessage() {
        producer.kind = "ftp";
        assertThatThrownBy(producer::init)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("BANNER_STORAGE=ftp is not a banner storage; use \"local\" or \"s3\"");
    }
}
