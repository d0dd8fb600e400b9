package com.eventix.tickets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ErrorCode;
import com.eventix.tickets.control.InvalidTicketCodeException.Reason;
import com.eventix.tickets.control.TicketCodes.Verified;
import com.eventix.tickets.entity.EventPublicKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TicketCodesTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final KeyPair eventKeys = ed25519();
    private final KeyPair otherEventKeys = ed25519();
    private final UUID ticketId = UUID.randomUUID();
    private final UUID eventId = UUID.randomUUID();
    private final UUID otherEventId = UUID.randomUUID();
    private final UUID tierId = UUID.randomUUID();

    @Test
    void anIssuedCodeVerifiesToItsFields() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 3, eventKeys.getPrivate());

        Verified verified = TicketCodes.verify(code, eventId, eventKeys.getPublic());

        assertThat(verified).isEqualTo(new Verified(ticketId, eventId, tierId, 3));
        assertThat(TicketCodes.verify(code, eventKeys.getPublic())).isEqualTo(verified);
    }

    @Test
    void theCodeIsCompactAndFollowsTheDocumentedLayout() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 0x01020304, eventKeys.getPrivate());

        assertThat(code).startsWith("EVX1.").hasSize(TicketCodes.CODE_LENGTH).hasSizeLessThan(200)
                .matches("EVX1\\.[A-Za-z0-9_-]{80}\\.[A-Za-z0-9_-]{86}");
        ByteBuffer payload = ByteBuffer.wrap(B64D.decode(code.split("\\.")[1]));
        assertThat(payload.remaining()).isEqualTo(60);
        assertThat(new UUID(payload.getLong(), payload.getLong())).isEqualTo(ticketId);
        assertThat(new UUID(payload.getLong(), payload.getLong())).isEqualTo(eventId);
        assertThat(new UUID(payload.getLong(), payload.getLong())).isEqualTo(tierId);
        payload.position(payload.position() + 8);
        assertThat(payload.get(56)).isEqualTo((byte) 1);
        assertThat(payload.getInt()).isEqualTo(0x01020304);
    }

    @Test
    void everyIssueYieldsAnotherCode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            codes.add(TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate()));
        }
        assertThat(codes).hasSize(500);
    }

    @Test
    void aReissuedCodeCarriesTheNextVersion() {
        String first = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());
        String reissued = TicketCodes.issue(ticketId, eventId, tierId, 2, eventKeys.getPrivate());

        assertThat(TicketCodes.verify(first, eventId, eventKeys.getPublic()).codeVersion()).isEqualTo(1);
        assertThat(TicketCodes.verify(reissued, eventId, eventKeys.getPublic()).codeVersion()).isEqualTo(2);
    }

    @Test
    void aChangedPayloadByteBreaksTheSignature() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());

        assertRefused(() -> TicketCodes.verify(alterPayload(code, 50), eventId, eventKeys.getPublic()),
                Reason.BAD_SIGNATURE);
        // Raising the version without the key would revive a transferred-away ticket: it must not verify.
        assertRefused(() -> TicketCodes.verify(alterPayload(code, 59), eventId, eventKeys.getPublic()),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void aChangedSignatureIsRefused() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());
        String[] parts = code.split("\\.");
        byte[] signature = B64D.decode(parts[2]);
        signature[10] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);

        assertRefused(() -> TicketCodes.verify(tampered, eventId, eventKeys.getPublic()), Reason.BAD_SIGNATURE);
    }

    @Test
    void aTicketOfAnotherEventIsReportedAsSuch() {
        String otherEventsCode = TicketCodes.issue(ticketId, otherEventId, tierId, 1, otherEventKeys.getPrivate());

        InvalidTicketCodeException refused = assertRefused(
                () -> TicketCodes.verify(otherEventsCode, eventId, eventKeys.getPublic()), Reason.WRONG_EVENT);
        assertThat(refused.code()).isEqualTo(ErrorCode.TICKET_WRONG_EVENT);
        // Without the expected event only the signature can tell, and it does.
        assertRefused(() -> TicketCodes.verify(otherEventsCode, eventKeys.getPublic()), Reason.BAD_SIGNATURE);
    }

    @Test
    void aCodeNamingThisEventButSignedWithAnotherKeyIsForged() {
        String forged = TicketCodes.issue(ticketId, eventId, tierId, 1, otherEventKeys.getPrivate());

        assertRefused(() -> TicketCodes.verify(forged, eventId, eventKeys.getPublic()), Reason.BAD_SIGNATURE);
    }

    @Test
    void truncatedOrGarbledCodesAreMalformed() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());

        for (String broken : new String[] {
                code.substring(0, code.length() - 1),
                code + "A",
                "EVX1.",
                "EVX1." + "!".repeat(80) + "." + "A".repeat(86),
                code.replace('.', '~').replaceFirst("EVX1~", "EVX1."),
                code.substring(0, 40) + "=" + code.substring(41),
                nonCanonicalSignature(code)}) {
            InvalidTicketCodeException refused = assertRefused(
                    () -> TicketCodes.verify(broken, eventId, eventKeys.getPublic()), Reason.MALFORMED);
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_TICKET_CODE);
            assertThat(refused.details()).containsEntry("reason", "MALFORMED");
        }
    }

    @Test
    void anythingWithoutTheVersionPrefixIsOfUnknownFormat() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());

        for (String other : new String[] {"EVX2." + code.substring(5), code.substring(5), "hello", "", null}) {
            assertRefused(() -> TicketCodes.verify(other, eventId, eventKeys.getPublic()), Reason.UNKNOWN_FORMAT);
        }
    }

    @Test
    void anOfflineScannerVerifiesWithTheRawPublicKeyOnly() {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 7, eventKeys.getPrivate());
        byte[] raw = EventPublicKey.of(eventKeys.getPublic()).raw();
        byte[] otherRaw = EventPublicKey.of(otherEventKeys.getPublic()).raw();

        assertThat(raw).hasSize(32);
        assertThat(TicketCodes.verifyOffline(code, eventId, raw)).isEqualTo(new Verified(ticketId, eventId, tierId, 7));
        assertRefused(() -> TicketCodes.verifyOffline(code, eventId, otherRaw), Reason.BAD_SIGNATURE);
        assertRefused(() -> TicketCodes.verifyOffline(code, otherEventId, otherRaw), Reason.WRONG_EVENT);
    }

    /** Scanners verify with whatever Ed25519 they have (WebCrypto, the JDK): the signatures must be plain RFC 8032. */
    @Test
    void signaturesAreTheJdksOwnInBothDirections() throws Exception {
        String code = TicketCodes.issue(ticketId, eventId, tierId, 1, eventKeys.getPrivate());
        int dot = code.lastIndexOf('.');
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(eventKeys.getPublic());
        jdk.update(code.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(jdk.verify(B64D.decode(code.substring(dot + 1)))).as("the JDK accepts the code's signature").isTrue();

        jdk.initSign(eventKeys.getPrivate());
        jdk.update(code.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String jdkSigned = code.substring(0, dot + 1) + B64.encodeToString(jdk.sign());
        assertThat(jdkSigned).as("Ed25519 is deterministic: the same signature").isEqualTo(code);
        assertThat(TicketCodes.verify(jdkSigned, eventId, eventKeys.getPublic()).ticketId()).isEqualTo(ticketId);
    }

    /**
     * The vectors the door scanner page's tests read too (src/test/js): every code reads to the same fields, or is
     * refused for the same reason, here as in the browser.
     */
    @Test
    void theSharedVectorsVerifyAsTheScannerPageVerifiesThem() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/ticket-codes/vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        UUID event = UUID.fromString(vectors.get("eventId").asText());
        byte[] key = B64D.decode(vectors.get("publicKey").asText());
        assertThat(vectors.get("codes")).hasSizeGreaterThan(10);
        for (JsonNode vector : vectors.get("codes")) {
            String code = vector.get("code").asText();
            String name = vector.get("name").asText();
            if (vector.has("verified")) {
                JsonNode fields = vector.get("verified");
                assertThat(TicketCodes.verifyOffline(code, event, key)).as(name).isEqualTo(new Verified(
                        UUID.fromString(fields.get("ticketId").asText()), UUID.fromString(fields.get("eventId").asText()),
                        UUID.fromString(fields.get("tierId").asText()), fields.get("codeVersion").asInt()));
            } else {
                Reason reason = Reason.valueOf(vector.get("reason").asText());
                assertThatThrownBy(() -> TicketCodes.verifyOffline(code, event, key)).as(name)
                        .isInstanceOfSatisfying(InvalidTicketCodeException.class, e -> assertThat(e.reason()).as(name)
                                .isEqualTo(reason));
            }
        }
        UUID otherEvent = UUID.fromString(vectors.get("otherEventId").asText());
        byte[] otherKey = B64D.decode(vectors.get("otherPublicKey").asText());
        String foreign = vectors.get("codes").findParents("name").stream()
                .filter(v -> v.get("name").asText().equals("otherEvent")).findFirst().orElseThrow().get("code").asText();
        assertThat(TicketCodes.verifyOffline(foreign, otherEvent, otherKey).eventId()).isEqualTo(otherEvent);
    }

    @Test
    void aNegativeVersionIsNeverIssued() {
        assertThatThrownBy(() -> TicketCodes.issue(ticketId, eventId, tierId, -1, eventKeys.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InvalidTicketCodeException assertRefused(ThrowingCallable verification, Reason reason) {
        InvalidTicketCodeException[] caught = new InvalidTicketCodeException[1];
        assertThatThrownBy(verification).isInstanceOfSatisfying(InvalidTicketCodeException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            caught[0] = e;
        });
        return caught[0];
    }

    private static String alterPayload(String code, int index) {
        String[] parts = code.split("\\.");
        byte[] payload = B64D.decode(parts[1]);
        payload[index] ^= 0x01;
        return parts[0] + "." + B64.encodeToString(payload) + "." + parts[2];
    }

    /** Same signature bytes, but the last character's unused low bits set. */
    private static String nonCanonicalSignature(String code) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = code.charAt(code.length() - 1);
        int index = alphabet.indexOf(last);
        assertThat(index & 0x0f).isZero();
        return code.substring(0, code.length() - 1) + alphabet.charAt(index + 1);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
