package com.eventix.checkin.control;

import static com.eventix.platform.persistence.NativeRows.uuid;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.tickets.control.EventKeys;
import com.eventix.tickets.control.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offline scanning: the bundle a device takes with it, and the scans it brings back.
 *
 * <p>The cursor is the server time the bundle was made. A change is stamped when its transaction runs and may
 * commit up to TX_TIMEOUT_SECONDS later, so a delta reads from that much before the cursor: entries are absolute,
 * and one seen twice does no harm, while one committed late is still seen. Size, for 50,000 tickets: a whole bundle
 * carries about 110 bytes of JSON per admitted ticket and list, 75 per transferred ticket and 40 per void one, so
 * about 6 MB with everyone inside and a tenth of them transferred (roughly 1 MB gzipped); deltas a few kB.
 *
 * <p>Synced scans are decided in the order they were made (scannedAt), under the same rules and locks as online
 * scans, judged as of when they were made: a batch in one transaction, or, if it cannot be settled together, each
 * in its own. The admission on record stays the one that reached the server first; a later one is kept as a
 * DUPLICATE conflict, never overwriting it.
 */
@ApplicationScoped
public class OfflineSync {
    public static final int MAX_BATCH = 1000;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    ScanDesk desk;
    @Inject
    CheckinLists lists;
    @Inject
    Tickets tickets;
    @Inject
    EventKeys keys;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "TX_TIMEOUT_SECONDS", defaultValue = "60")
    int txTimeoutSeconds;

    public OfflineBundleView bundle(UUID eventId, String since) {
        Instant now = clock.instant();
        Instant from = since == null || since.isBlank() ? null : parse(since).minus(Duration.ofSeconds(txTimeoutSeconds));
        List<CheckinListView> eventLists = lists.all(eventId).stream().map(CheckinListView::of).toList();
        List<OfflineBundleView.Revocation> revocations = tickets.revocationsSince(eventId, from == null ? Instant.EPOCH : from)
                .stream().map(r -> new OfflineBundleView.Revocation(r.ticketId(), r.minValidVersion())).toList();
        List<UUID> refunded = new ArrayList<>();
        List<UUID> cancelled = new ArrayList<>();
        rows("SELECT id, status FROM tickets WHERE event_id = ?1 AND status IN ('REFUNDED', 'CANCELLED') ORDER BY id",
                eventId, null).forEach(r -> ("REFUNDED".equals(r[1]) ? refunded : cancelled).add(uuid(r[0])));
        String changed = from == null ? "" : " AND (ticket_id, list_id) IN (SELECT ticket_id, list_id FROM checkin_scans "
                + "WHERE event_id = ?1 AND received_at >= ?2 AND result IN ('ADMITTED', 'EXITED'))";
        List<OfflineBundleView.CheckedIn> checkedIn = rows("SELECT ticket_id, list_id, bool_or(exited_at IS NULL) FROM "
                + "checkin_admissions WHERE event_id = ?1" + changed + " GROUP BY ticket_id, list_id "
                + "ORDER BY ticket_id, list_id", eventId, from).stream()
                .map(r -> new OfflineBundleView.CheckedIn(uuid(r[0]), uuid(r[1]), Boolean.TRUE.equals(r[2]))).toList();
        return new OfflineBundleView(eventId, Long.toString(now.toEpochMilli()), from == null, now,
                List.of(keys.scannerKey(eventId)), eventLists, revocations, refunded, cancelled, checkedIn);
    }

    /** The verdicts on a device's offline scans, in the order given. */
    public List<OfflineVerdict> sync(ScanActor actor, List<ScanInput> scans) {
        if (scans.size() > MAX_BATCH) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "At most " + MAX_BATCH + " scans a batch",
                    Map.of("scans", "at most " + MAX_BATCH));
        }
        List<ScanInput> byTime = scans.stream()
                .sorted(Comparator.comparing(ScanInput::scannedAt).thenComparing(ScanInput::nonce)).toList();
        Map<String, OfflineVerdict> verdicts = new HashMap<>();
        // Each list asked for is resolved once: a scan for a list it may not scan for, or of another event, is told
        // (not recorded); the others are decided together.
        Map<UUID, Object> lists = new HashMap<>();
        Map<ScanInput, UUID> listOf = new IdentityHashMap<>();
        List<ScanInput> taken = new ArrayList<>();
        for (ScanInput scan : byTime) {
            Object list = lists.computeIfAbsent(scan.listId(), asked -> {
                try {
                    return desk.listFor(actor, scan).id();
                } catch (ApiException e) {
                    return e.code().name();
                }
            });
            if (list instanceof UUID listId) {
                listOf.put(scan, listId);
                taken.add(scan);
            } else {
                verdicts.put(scan.nonce(), OfflineVerdict.untaken(scan.nonce(), (String) list));
            }
        }
        try {
            verdicts.putAll(desk.syncAll(actor, taken, listOf));
        } catch (RuntimeException batchFailed) {
            // Something the batch could not settle together (the unique index refusing a stay, a lock timeout): each
            // scan on its own, as online.
            for (ScanInput scan : taken) {
                try {
                    verdicts.put(scan.nonce(), desk.sync(actor, scan));
                } catch (ApiException e) {
                    verdicts.put(scan.nonce(), OfflineVerdict.untaken(scan.nonce(), e.code().name()));
                }
            }
        }
        return scans.stream().map(s -> verdicts.get(s.nonce())).toList();
    }

    private static Instant parse(String cursor) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(cursor.trim()));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Not a cursor of an offline bundle",
                    Map.of("since", "must be the cursor of an earlier bundle"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID eventId, Instant from) {
        var query = em.createNativeQuery(sql).setParameter(1, eventId);
        if (from != null) {
            query.setParameter(2, from.atOffset(ZoneOffset.UTC));
        }
        return query.getResultList();
    }
}
