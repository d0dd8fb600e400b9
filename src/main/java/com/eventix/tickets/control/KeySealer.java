package com.eventix.tickets.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM under a key-encryption key. Sealed form:
 * {@code [format 1 byte = 1 | nonce 12 random bytes | ciphertext | tag 16 bytes]}. The caller's context (e.g.
 * the owning row's id) is authenticated, not stored, so a sealed value copied to another row does not open.
 */
public final class KeySealer {
    private static final byte FORMAT = 1;
    private static final int KEK_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey kek;

    public KeySealer(byte[] kek) {
        if (kek == null || kek.length != KEK_LENGTH) {
            throw new IllegalArgumentException("The key-encryption key must have " + KEK_LENGTH + " bytes");
        }
        this.kek = new SecretKeySpec(kek, "AES");
    }

    public byte[] seal(byte[] plaintext, byte[] context) {
        // Random 96-bit nonces are safe far beyond the number of values one server seals (one per event).
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length));
            out.put(FORMAT).put(nonce).put(cipher.doFinal(plaintext));
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext; fails when the sealed value was altered, or sealed under another key or context. */
    public byte[] open(byte[] sealed, byte[] context) {
        if (sealed == null || sealed.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalStateException("Not a sealed value of a known format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, context)
                    .doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "The sealed value does not open: another key-encryption key or context, or altered data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(new byte[] {FORMAT});
        cipher.updateAAD(context);
        return cipher;
    }
}
