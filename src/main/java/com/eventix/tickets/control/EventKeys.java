package com.eventix.tickets.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.security.SigningKeys;
import com.eventix.tickets.entity.EventPublicKey;
import com.eventix.tickets.entity.EventSigningKey;
import com.eventix.events.control.EventPublished;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Each event's Ed25519 key pair, created when the event is published (or on first use, for an event that has none
 * yet) and kept in memory once committed. Private keys are stored sealed under a key-encryption key
 * derived from the token-signing key, so operators keep one secret. Replacing JWT_PRIVATE_KEY therefore makes
 * the stored event keys unopenable: they would have to be resealed under the new key first.
 */
@ApplicationScoped
public class EventKeys {
    /** HKDF salt: public and fixed (RFC 5869 allows that); separates this use of the token key by name. */
    static final byte[] KEK_SALT = "eventix/event-signing-keys".getBytes(StandardCharsets.US_ASCII);
    /** HKDF info: what the derived key is for; a new sealing scheme takes a new info, hence a new key. */
    static final byte[] KEK_INFO = "eventix event private key sealing, AES-256-GCM, v1"
            .getBytes(StandardCharsets.US_ASCII);

    /** What scanners download to verify an event's codes offline. */
    @Schema(name = "TicketKey", description = "The public key that verifies an event's ticket codes")
    public record ScannerKey(UUID eventId,
                             @Schema(example = "9f86d081884c7d65") String keyId,
                             @Schema(example = "Ed25519") String algorithm,
                             @Schema(description = "The raw 32-byte public key, unpadded base64url",
                                     example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo") String publicKey) {
    }

    @Inject
    EventKeyStore store;
    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Committed rows never change, so each instance may keep what it has read. */
    private final Map<UUID, KeyPair> opened = new ConcurrentHashMap<>();
    private KeySealer sealer;

    @PostConstruct
    void deriveKek() {
        sealer = sealerFor(SigningKeys.get().keyPair().getPrivate().getEncoded());
    }

    /**
     * The published event's key is stored in the publishing transaction, so that its first sales only read it.
     * It is not kept in memory yet: that happens on first use, once the row is surely committed.
     */
    void onPublished(@Observes EventPublished published) {
        if (store.find(published.eventId()).isEmpty()) {
            store.insertIfAbsent(generate(published.eventId(), sealer, clock));
        }
    }

    /**
     * The event's key pair, created when the event has none yet; 404 when there is no such event. Read and created
     * in the caller's transaction, if any (see {@link EventKeyStore}). A pair is kept only once its row is known to
     * be committed: one created by a transaction that then rolls back must never sign a code.
     */
    public KeyPair keyPair(UUID eventId) {
        KeyPair pair = opened.get(eventId);
        if (pair != null) {
            return pair;
        }
        Object pendingKey = "eventix.event-key." + eventId;
        boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && transactions.getResource(pendingKey) instanceof KeyPair pending) {
            return pending;
        }
        Optional<EventSigningKey> stored = store.find(eventId);
        if (stored.isPresent()) {
            pair = open(stored.get(), sealer);
            opened.putIfAbsent(eventId, pair);
            return opened.get(eventId);
        }
        // Generated before knowing whether another transaction wins the insert; the loser's pair is just dropped.
        EventSigningKey created = generate(eventId, sealer, clock);
        boolean inserted = store.insertIfAbsent(created);
        EventSigningKey row = inserted ? created : store.find(eventId).orElseThrow(() -> ApiException.notFound("Event"));
        pair = open(row, sealer);
        if (inserted && inTransaction) {
            KeyPair mine = pair;
            transactions.putResource(pendingKey, mine);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        opened.putIfAbsent(eventId, mine);
                    }
                }
            });
            return pair;
        }
        opened.putIfAbsent(eventId, pair);
        return opened.get(eventId);
    }

    public EventPublicKey publicKey(UUID eventId) {
        return EventPublicKey.of(keyPair(eventId).getPublic());
    }

    public ScannerKey scannerKey(UUID eventId) {
        EventPublicKey key = publicKey(eventId);
        return new ScannerKey(eventId, key.keyId(), "Ed25519", key.base64Url());
    }

    /** The sealer keyed by HKDF of {@code serverSecret}, which is wiped afterwards. */
    static KeySealer sealerFor(byte[] serverSecret) {
        byte[] kek = Hkdf.sha256(serverSecret, KEK_SALT, KEK_INFO, 32);
        Arrays.fill(serverSecret, (byte) 0);
        try {
            return new KeySealer(kek);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    static EventSigningKey generate(UUID eventId, KeySealer sealer, Clock clock) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] sealed = sealer.seal(pair.getPrivate().getEncoded(), context(eventId));
        return new EventSigningKey(eventId, EventPublicKey.of(pair.getPublic()), sealed, clock.instant());
    }

    static KeyPair open(EventSigningKey row, KeySealer sealer) {
        byte[] pkcs8;
        try {
            pkcs8 = sealer.open(row.privateKeySealed(), context(row.eventId()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The signing key of event " + row.eventId() + " cannot be unsealed:"
                    + " was the token-signing key (JWT_PRIVATE_KEY) replaced since it was sealed?", e);
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            KeyPair pair = new KeyPair(row.publicKey().toPublicKey(), privateKey);
            requireMatching(pair, row.eventId());
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key of event " + row.eventId() + " is not Ed25519", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A private key that does not match the stored public key would sign codes no scanner accepts. */
    private static void requireMatching(KeyPair pair, UUID eventId) throws GeneralSecurityException {
        byte[] probe = context(eventId);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("The stored keys of event " + eventId + " do not form a pair");
        }
    }

    /** Binds a sealed private key to its event's row. */
    private static byte[] context(UUID eventId) {
        return ByteBuffer.allocate(16)
                .putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits())
                .array();
    }
}
