package com.eventix.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way the providers do, for tests that post webhooks. Written from the providers'
 * documentation, independently of the production code it checks.
 */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    /** Stripe's {@code Stripe-Signature} value: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static String stripeSignature(String webhookSecret, Instant signedAt, byte[] body) {
        long t = signedAt.getEpochSecond();
        return "t=" + t + ",v1=" + stripeV1(webhookSecret, t, body);
    }

    /** The v1 part alone, for building headers with several signatures. */
    public static String stripeV1(String webhookSecret, long timestamp, byte[] body) {
        return hmacHex("HmacSHA256", webhookSecret, concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    public static Map<String, String> stripeHeaders(String webhookSecret, Instant signedAt, byte[] body) {
        return Map.of("Stripe-Signature", stripeSignature(webhookSecret, signedAt, body),
                "Content-Type", "application/json; charset=utf-8");
    }

    /** Paystack's {@code x-paystack-signature} value: hex HMAC-SHA512 of the body keyed with the secret key. */
    public static String paystackSignature(String secretKey, byte[] body) {
        return hmacHex("HmacSHA512", secretKey, body);
    }

    public static Map<String, String> paystackHeaders(String secretKey, byte[] body) {
        return Map.of("x-paystack-signature", paystackSignature(secretKey, body), "Content-Type", "application/json");
    }

    private static String hmacHex(String algorithm, String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
