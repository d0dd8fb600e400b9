package com.eventix.tickets.control;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): turns one secret into independent keys, one per salt and info. */
public final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** Extract-then-expand; an empty salt stands for HashLen zero bytes, as RFC 5869 section 2.2 says. */
    public static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 yields 1 to " + 255 * HASH_LENGTH + " bytes");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            // SecretKeySpec refuses an empty key, hence the zeros spelled out.
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, HMAC));
            Arrays.fill(prk, (byte) 0);
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, done = 0; done < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            Arrays.fill(block, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
