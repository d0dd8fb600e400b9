package com.eventix.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The RSA key pair access tokens are signed with. Taken from JWT_PRIVATE_KEY (PKCS#8 PEM, the public key is
 * derived) when configured; otherwise generated once and kept in EVENTIX_DATA_DIR/jwt-private.pem, so restarts
 * keep tokens valid. Several instances must share the configured key (or the data directory).
 *
 * <p>Read both by the token issuer and, through {@link SigningKeyConfigSource}, by MicroProfile JWT; it is
 * therefore plain Java, loaded before CDI and configuration exist.
 */
public final class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static volatile SigningKeys instance;

    private final KeyPair keyPair;
    private final String keyId;

    private SigningKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.keyId = thumbprint((RSAPublicKey) keyPair.getPublic());
    }

    public static SigningKeys get() {
        SigningKeys keys = instance;
        if (keys == null) {
            synchronized (SigningKeys.class) {
                keys = instance;
                if (keys == null) {
                    keys = new SigningKeys(load());
                    instance = keys;
                }
            }
        }
        return keys;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keyPair.getPublic().getEncoded());
    }

    private static KeyPair load() {
        String configured = setting("JWT_PRIVATE_KEY");
        if (configured != null) {
            return fromPem(configured);
        }
        return fromDirectory(Path.of(setting("EVENTIX_DATA_DIR") == null ? ".eventix" : setting("EVENTIX_DATA_DIR")));
    }

    /** The key kept in {@code dir}, generated there first when it has none. */
    static KeyPair fromDirectory(Path dir) {
        Path file = dir.resolve("jwt-private.pem");
        try {
            if (!Files.exists(file)) {
                generateInto(dir, file);
            }
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key in " + dir.toAbsolutePath(), e);
        }
    }

    private static void generateInto(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Path tmp = Files.createTempFile(dir, "jwt-private", ".tmp");
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        // Several instances starting together on one data directory: the first to publish its key wins and the
        // others read that one. A link fails when the name exists (a rename would silently replace a key another
        // instance already signs with, and its event keys could not be unsealed after a restart).
        try {
            Files.createLink(file, tmp);
            LOG.info(() -> "Generated a new token signing key in " + file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // Another instance was first.
        } catch (FileSystemException e) {
            // A file system that refuses hard links (FAT, some network mounts answer EPERM): a move that refuses an
            // existing target, nearly as safe.
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException taken) {
                // Another instance was first.
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static KeyPair fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    private static String thumbprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** System properties first, then the environment, as MicroProfile Config orders them. */
    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
