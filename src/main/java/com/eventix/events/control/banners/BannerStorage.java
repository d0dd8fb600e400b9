package com.eventix.events.control.banners;

import com.eventix.platform.api.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where banner images are kept: a port with two adapters, {@link LocalBannerStorage} (one instance, or a shared
 * volume) and {@link S3BannerStorage}; {@link BannerStorageProducer} picks one from BANNER_STORAGE.
 *
 * <p>Every upload gets a new key, {@code banners/{eventId}/{random}.{ext}}, so a stored object never changes and
 * may be cached forever; replacing a banner is storing the new one, then deleting the old key.
 */
public interface BannerStorage {
    Pattern KEY = Pattern.compile(
            "banners/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.(png|jpg)");

    /** Stores the image under a new key; returns that key and the public URL to show it from. */
    StoredBanner store(UUID eventId, BannerImage image);

    /** Removes the object; a key that is already gone is no error. */
    void delete(String key);

    /** The stored object, empty when there is none under that key. */
    Optional<StoredObject> read(String key);

    /** Keys are never reused, so a stored banner may be cached for good. */
    String CACHE_CONTROL = "public, max-age=31536000, immutable";

    static String newKey(UUID eventId, String extension) {
        return "banners/" + eventId + "/" + UUID.randomUUID() + "." + extension;
    }

    /**
     * Refuses anything but a key {@link #newKey} could have made: keys reach read and delete from URLs and the
     * database, and must never name a file or object outside the banners.
     */
    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.notFound("Banner");
        }
        return key;
    }

    static String contentTypeOf(String key) {
        return key.endsWith(".png") ? BannerImages.PNG : BannerImages.JPEG;
    }
}
