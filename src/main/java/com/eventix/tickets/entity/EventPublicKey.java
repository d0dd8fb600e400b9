package com.eventix.tickets.entity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An event's Ed25519 public key. Scanners get the raw 32 bytes (RFC 8032); the database and the JDK use the
 * X.509 SubjectPublicKeyInfo DER form, which for Ed25519 is a fixed 12-byte header followed by those bytes.
 */
public final class EventPublicKey {
    public static final int RAW_LENGTH = 32;
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) } (RFC 8410). */
    private static final byte[] SPKI_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] raw;

    private EventPublicKey(byte[] raw) {
        this.raw = raw;
    }

    public static EventPublicKey ofRaw(byte[] raw) {
        if (raw == null || raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 public key has " + RAW_LENGTH + " bytes");
        }
        return new EventPublicKey(raw.clone());
    }

    public static EventPublicKey ofSpki(byte[] der) {
        if (der == null || der.length != SPKI_HEADER.length + RAW_LENGTH
                || !Arrays.equals(der, 0, SPKI_HEADER.length, SPKI_HEADER, 0, SPKI_HEADER.length)) {
            throw new IllegalArgumentException("Not an Ed25519 public key in X.509 SubjectPublicKeyInfo form");
        }
        return new EventPublicKey(Arrays.copyOfRange(der, SPKI_HEADER.length, der.length));
    }

    public static EventPublicKey of(PublicKey key) {
        return ofSpki(key.getEncoded());
    }

    public byte[] raw() {
        return raw.clone();
    }

    public byte[] spki() {
        byte[] der = Arrays.copyOf(SPKI_HEADER, SPKI_HEADER.length + RAW_LENGTH);
        System.arraycopy(raw, 0, der, SPKI_HEADER.length, RAW_LENGTH);
        return der;
    }

    public PublicKey toPublicKey() {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki()));
        } catch (GeneralSecurityException e) {
            // Any 32 bytes decode (the point is checked when verifying), so this is a JDK without Ed25519.
            throw new IllegalStateException(e);
        }
    }

    /** The raw key as unpadded base64url, the form scanners download. */
    public String base64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** 16 hex digits of the SHA-256 of the raw key: names the key in logs and scanner caches. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventPublicKey key && Arrays.equals(raw, key.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519:" + keyId();
    }
}
