package com.eventix.tickets.control;

import com.eventix.tickets.control.InvalidTicketCodeException.Reason;
import com.eventix.tickets.entity.EventPublicKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ticket codes, the text a ticket's QR image carries:
 * {@code EVX1.<base64url(payload)>.<base64url(Ed25519 signature)>}, unpadded, 172 characters. The payload is
 * {@code [ticket id 16 | event id 16 | tier id 16 | nonce 8 | code version int32]}, big-endian, and the signature
 * covers the ASCII text before the second dot (prefix included, so the format cannot be swapped under it).
 *
 * <p>The event's public key alone verifies a code, which is what offline scanners do. A re-issued code (after a
 * transfer) carries the ticket's next code version; refusing older versions needs the ticket's current version
 * and is left to the server-side check-in.
 *
 * <p>Signatures are made and checked with Bouncy Castle's RFC 8032 code on the raw keys rather than the JDK's
 * {@code Signature}: the same bytes either way (Ed25519 is deterministic), at about a tenth of the JDK's CPU per
 * verification, which every door scan and every offline scan synced pays.
 */
@ApplicationScoped
public class TicketCodes {
    public static final String PREFIX = "EVX1.";
    static final int PAYLOAD_LENGTH = 16 + 16 + 16 + 8 + 4;
    static final int SIGNATURE_LENGTH = 64;
    private static final int NONCE_LENGTH = 8;
    private static final int PAYLOAD_CHARS = 80;
    private static final int SIGNATURE_CHARS = 86;
    public static final int CODE_LENGTH = PREFIX.length() + PAYLOAD_CHARS + 1 + SIGNATURE_CHARS;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a verified code says. */
    public record Verified(UUID ticketId, UUID eventId, UUID tierId, int codeVersion) {
    }

    @Inject
    EventKeys eventKeys;

    /** A new code for the ticket, signed with its event's key (created if the event has none yet). */
    public String issue(UUID ticketId, UUID eventId, UUID tierId, int codeVersion) {
        return issue(ticketId, eventId, tierId, codeVersion, eventKeys.keyPair(eventId).getPrivate());
    }

    /** Verifies a code scanned at {@code eventId} against that event's key. */
    public Verified verify(String code, UUID eventId) {
        return verify(code, eventId, eventKeys.keyPair(eventId).getPublic());
    }

    /** Every call yields another code (random nonce), so a leaked image can be replaced by re-issuing. */
    public static String issue(UUID ticketId, UUID eventId, UUID tierId, int codeVersion, PrivateKey eventKey) {
        if (codeVersion < 0) {
            throw new IllegalArgumentException("A code version is never negative");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_LENGTH)
                .putLong(ticketId.getMostSignificantBits()).putLong(ticketId.getLeastSignificantBits())
                .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits())
                .putLong(tierId.getMostSignificantBits()).putLong(tierId.getLeastSignificantBits())
                .put(nonce)
                .putInt(codeVersion)
                .array();
        String signed = PREFIX + B64.encodeToString(payload);
        return signed + "." + B64.encodeToString(sign(signed, Objects.requireNonNull(eventKey)));
    }

    /**
     * Checks the format and the signature only. A code of another event fails as {@link Reason#BAD_SIGNATURE};
     * when the expected event is known, {@link #verify(String, UUID, PublicKey)} tells it apart.
     */
    public static Verified verify(String code, PublicKey eventKey) {
        Parsed parsed = parse(code);
        requireSignature(parsed, rawOf(eventKey));
        return parsed.fields();
    }

    /**
     * Checks the format, that the code is for {@code eventId}, and the signature. The event is compared first,
     * so a ticket of another event is reported as such (it would fail the signature anyway): refused either way.
     */
    public static Verified verify(String code, UUID eventId, PublicKey eventKey) {
        return verifyRaw(code, eventId, rawOf(eventKey));
    }

    /** What an offline scanner does: it holds only the event id and its raw 32-byte public key. */
    public static Verified verifyOffline(String code, UUID eventId, byte[] rawPublicKey) {
        return verifyRaw(code, eventId, EventPublicKey.ofRaw(rawPublicKey).raw());
    }

    private static Verified verifyRaw(String code, UUID eventId, byte[] rawKey) {
        Parsed parsed = parse(code);
        if (!parsed.fields().eventId().equals(eventId)) {
            throw new InvalidTicketCodeException(Reason.WRONG_EVENT, "This ticket is for another event");
        }
        requireSignature(parsed, rawKey);
        return parsed.fields();
    }

    private static byte[] rawOf(PublicKey key) {
        try {
            return EventPublicKey.of(key).raw();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    private record Parsed(byte[] signedText, byte[] signature, Verified fields) {
    }

    private static Parsed parse(String code) {
        if (code == null || !code.startsWith(PREFIX)) {
            throw new InvalidTicketCodeException(Reason.UNKNOWN_FORMAT, "Not an Eventix ticket code");
        }
        int dot = PREFIX.length() + PAYLOAD_CHARS;
        if (code.length() != CODE_LENGTH || code.charAt(dot) != '.') {
            throw malformed();
        }
        ByteBuffer payload = ByteBuffer.wrap(decode(code.substring(PREFIX.length(), dot), PAYLOAD_LENGTH));
        byte[] signature = decode(code.substring(dot + 1), SIGNATURE_LENGTH);
        UUID ticketId = new UUID(payload.getLong(), payload.getLong());
        UUID eventId = new UUID(payload.getLong(), payload.getLong());
        UUID tierId = new UUID(payload.getLong(), payload.getLong());
        payload.position(payload.position() + NONCE_LENGTH);
        int codeVersion = payload.getInt();
        return new Parsed(code.substring(0, dot).getBytes(StandardCharsets.US_ASCII), signature,
                new Verified(ticketId, eventId, tierId, codeVersion));
    }

    /**
     * Only the canonical encoding is accepted: the last character of the signature has unused low bits, and a
     * decoder that ignored them would let one ticket have several valid spellings.
     */
    private static byte[] decode(String text, int length) {
        byte[] bytes;
        try {
            bytes = B64D.decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (bytes.length != length || !B64.encodeToString(bytes).equals(text)) {
            throw malformed();
        }
        return bytes;
    }

    private static InvalidTicketCodeException malformed() {
        return new InvalidTicketCodeException(Reason.MALFORMED, "The ticket code is damaged or incomplete");
    }

    private static void requireSignature(Parsed parsed, byte[] rawKey) {
        byte[] text = parsed.signedText();
        if (!Ed25519.verify(parsed.signature(), 0, rawKey, 0, text, 0, text.length)) {
            throw new InvalidTicketCodeException(Reason.BAD_SIGNATURE, "The ticket code is not genuine");
        }
    }

    private static byte[] sign(String text, PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new IllegalArgumentException("Not an Ed25519 private key");
        }
        byte[] message = text.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[SIGNATURE_LENGTH];
        Ed25519.sign(edKey.getBytes().get(), 0, message, 0, message.length, signature, 0);
        return signature;
    }
}
