package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScannerDevice;
import com.eventix.events.control.Events;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Scanner devices of an organizer's event: issued with a key shown once (256 random bits; only its SHA-256 is
 * stored), listed, revoked; a device exchanges its key for a short SCANNER token.
 */
@ApplicationScoped
public class ScannerDevices {
    static final String RESOURCE = "scanner_device";
    /** Keys carry a prefix so that a leaked one is recognisable in logs and secret scanners. */
    static final String KEY_PREFIX = "evxd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;
    @Inject
    CheckinLists lists;
    @Inject
    ScannerTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** A new device and its key, which is not kept and cannot be shown again. */
    public record Issued(ScannerDevice device, String deviceKey) {
    }

    @Transactional
    public Issued create(Events.Actor actor, UUID eventId, String name, String gate, Collection<UUID> listIds) {
        CheckinLists.requireAtTheDoor(events.owned(actor, eventId));
        if (listIds != null) {
            listIds.forEach(listId -> lists.find(eventId, listId));
        }
        String key = newKey();
        ScannerDevice device = new ScannerDevice(eventId, name, gate, listIds, hash(key), actor.userId(),
                clock.instant());
        em.persist(device);
        audit.success(actor.userId(), "SCANNER_DEVICE_CREATED", RESOURCE, device.id(), actor.origin(), name);
        return new Issued(device, key);
    }

    public List<ScannerDevice> of(Events.Actor actor, UUID eventId) {
        events.owned(actor, eventId);
        return em.createQuery("SELECT d FROM ScannerDevice d WHERE d.eventId = :event ORDER BY d.createdAt, d.id",
                ScannerDevice.class).setParameter("event", eventId).getResultList();
    }

    /** Revokes a device: its key no longer buys tokens and its tokens no longer scan. */
    @Transactional
    public ScannerDevice revoke(Events.Actor actor, UUID eventId, UUID deviceId) {
        events.owned(actor, eventId);
        ScannerDevice device = em.find(ScannerDevice.class, deviceId);
        if (device == null || !device.eventId().equals(eventId)) {
            throw ApiException.notFound("Scanner device");
        }
        device.revoke(clock.instant());
        audit.success(actor.userId(), "SCANNER_DEVICE_REVOKED", RESOURCE, deviceId, actor.origin(), device.name());
        return device;
    }

    /** A device's key for a token; INVALID_DEVICE_KEY for an unknown or revoked key. */
    public ScannerTokens.ScannerToken exchange(String deviceKey, RequestOrigin origin) {
        List<ScannerDevice> found = deviceKey == null ? List.of() : em.createQuery(
                        "SELECT d FROM ScannerDevice d WHERE d.keyHash = :hash", ScannerDevice.class)
                .setParameter("hash", hash(deviceKey)).getResultList();
        if (found.isEmpty() || !found.get(0).isActive()) {
            throw new ApiException(ErrorCode.INVALID_DEVICE_KEY, "Unknown or revoked scanner device key");
        }
        return tokens.issue(found.get(0));
    }

    /** The device of a scanner token, if it is still active; SCANNER_REVOKED otherwise. */
    public ScannerDevice active(UUID deviceId) {
        ScannerDevice device = em.find(ScannerDevice.class, deviceId);
        if (device == null || !device.isActive()) {
            throw new ApiException(ErrorCode.SCANNER_REVOKED, "This scanner device was revoked");
        }
        return device;
    }

    /** A device key of the event made for demos, with the key given (development data only). */
    @Transactional
    public ScannerDevice createWithKey(Events.Actor actor, UUID eventId, String name, String gate, String key) {
        CheckinLists.requireAtTheDoor(events.owned(actor, eventId));
        List<ScannerDevice> existing = em.createQuery("SELECT d FROM ScannerDevice d WHERE d.keyHash = :hash",
                ScannerDevice.class).setParameter("hash", hash(key)).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        ScannerDevice device = new ScannerDevice(eventId, name, gate, List.of(), hash(key), actor.userId(),
                clock.instant());
        em.persist(device);
        return device;
    }

    static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
