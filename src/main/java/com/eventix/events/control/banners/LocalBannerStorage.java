package com.eventix.events.control.banners;

import com.eventix.platform.api.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Banners as files under BANNER_LOCAL_DIR ({@code {eventId}/{random}.{ext}}), served by the application under
 * {@code PUBLIC_BASE_URL/media/{key}}. For one instance, or several sharing the directory on a network volume.
 */
public class LocalBannerStorage implements BannerStorage {
    private static final String PREFIX = "banners/";

    private final Path root;
    private final String publicBaseUrl;

    public LocalBannerStorage(Path root, String publicBaseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Override
    public StoredBanner store(UUID eventId, BannerImage image) {
        String key = BannerStorage.newKey(eventId, image.extension());
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            // Written beside the target, then renamed: a reader sees no file or the whole file, never a part.
            // Not createTempFile: its owner-only permissions would keep a web server in front from serving it.
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try {
                Files.write(tmp, image.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store banner " + key + " in " + root, e);
        }
        return new StoredBanner(key, publicBaseUrl + "/media/" + key);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete banner " + key + " from " + root, e);
        }
    }

    @Override
    public Optional<StoredObject> read(String key) {
        Path file = pathOf(key);
        try {
            return Optional.of(new StoredObject(Files.readAllBytes(file), BannerStorage.contentTypeOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read banner " + key + " from " + root, e);
        }
    }

    /** The file of a key: the directory already means "banners", so the key's prefix is dropped. */
    Path pathOf(String key) {
        BannerStorage.checkKey(key);
        Path file = root.resolve(key.substring(PREFIX.length())).normalize();
        // The key pattern already excludes "..", absolute paths and separators; this guards the file system
        // itself should the pattern ever be loosened.
        if (!file.startsWith(root) || file.equals(root)) {
            throw ApiException.notFound("Banner");
        }
        return file;
    }
}
