package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.booking.entity.OrderItem;
import com.eventix.payments.entity.LedgerEntry;
import com.eventix.payments.entity.LedgerEntry.Kind;
import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the money ledger, in the transaction that moves the money's record (a payment completing, a refund
 * succeeding), so the two never disagree. An order's money is split by event along its lines. Each write names
 * what caused it (its entry key): writing it again changes nothing. Callers hold the payment's row lock, so the
 * platform fee of one payment is never computed by two transactions at once.
 *
 * <p>The platform fee is PLATFORM_FEE_PERCENT of what the organizer keeps of a payment for an event (captured minus
 * refunded, the refund fees a policy kept included), rounded half up to the minor unit: each capture or refund adds
 * the entry that brings the fee to that figure, so rounding never accumulates.
 */
@ApplicationScoped
public class Ledger {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Orders orders;
    @Inject
    @ConfigProperty(name = "PLATFORM_FEE_PERCENT")
    BigDecimal platformFeePercent;

    /** The provider took the payment's money: captured for each event of its order, and the platform's fee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void captured(Payment payment) {
        perEvent(payment).forEach((eventId, amount) -> {
            String cause = "capture:" + payment.id();
            if (append(cause + ":" + eventId, eventId, payment.currency(), Kind.CAPTURED,
                    LedgerEntry.toMinor(amount, payment.currency()), payment.id(), null)) {
                platformFee(payment.id(), eventId, payment.currency(), cause);
            }
        });
    }

    /** The whole payment went back to the payer (money that could not be kept). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentRefunded(Payment payment) {
        perEvent(payment).forEach((eventId, amount) -> refundedFor(payment, "payment-refund:" + payment.id(), null,
                eventId, amount));
    }

    /** A refund of part of a payment succeeded: {@code perEvent} is what went back for each event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(Payment payment, UUID refundId, Map<UUID, BigDecimal> perEvent) {
        perEvent.forEach((eventId, amount) -> refundedFor(payment, "refund:" + refundId, refundId, eventId, amount));
    }

    private void refundedFor(Payment payment, String cause, UUID refundId, UUID eventId, BigDecimal amount) {
        if (amount.signum() > 0 && append(cause + ":" + eventId, eventId, payment.currency(), Kind.REFUNDED,
                -LedgerEntry.toMinor(amount, payment.currency()), payment.id(), refundId)) {
            platformFee(payment.id(), eventId, payment.currency(), cause);
        }
    }

    /**
     * A refund made at the provider, not asked for by Eventix ({@code key} names it once however often it is told):
     * {@code perEvent} went back for each event, and the platform's fee follows what is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundedAtProvider(Payment payment, String key, Map<UUID, BigDecimal> perEvent) {
        perEvent.forEach((eventId, amount) -> refundedFor(payment, "provider-refund:" + key, null, eventId, amount));
    }

    /** The provider kept {@code fee} of the payment: each event bears its share (entered once per payment). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void providerFee(Payment payment, BigDecimal fee) {
        shares(payment, fee).forEach((eventId, amount) -> append("provider-fee:" + payment.id() + ":" + eventId,
                eventId, payment.currency(), Kind.PROVIDER_FEE, -LedgerEntry.toMinor(amount, payment.currency()),
                payment.id(), null));
    }

    /** A chargeback took {@code perEvent} back from each event's balance (the platform's fee stays as it was). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disputeWithdrawn(Payment payment, UUID disputeId, Map<UUID, BigDecimal> perEvent) {
        perEvent.forEach((eventId, amount) -> append("dispute:" + disputeId + ":" + eventId, eventId,
                payment.currency(), Kind.DISPUTED, -LedgerEntry.toMinor(amount, payment.currency()), payment.id(), null));
    }

    /** A chargeback was won: what it took comes back to each event's balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disputeReinstated(Payment payment, UUID disputeId, Map<UUID, BigDecimal> perEvent) {
        perEvent.forEach((eventId, amount) -> append("dispute-reversed:" + disputeId + ":" + eventId, eventId,
                payment.currency(), Kind.DISPUTE_REVERSED, LedgerEntry.toMinor(amount, payment.currency()),
                payment.id(), null));
    }

    /**
     * {@code amount} of the payment split over its order's events in proportion to what each was paid, exact in the
     * currency's minor units: the rounding remainder goes to the event paid most, so the shares add up to it.
     */
    public Map<UUID, BigDecimal> shares(Payment payment, BigDecimal amount) {
        Map<UUID, Long> paid = new TreeMap<>();
        perEvent(payment).forEach((eventId, part) -> paid.put(eventId, LedgerEntry.toMinor(part, payment.currency())));
        Map<UUID, BigDecimal> shares = new TreeMap<>();
        split(paid, LedgerEntry.toMinor(amount, payment.currency()))
                .forEach((eventId, share) -> shares.put(eventId, LedgerEntry.fromMinor(share, payment.currency())));
        return shares;
    }

    /**
     * {@code amount} split over {@code paid} (minor units per event) in proportion, rounded down, the remainder to
     * the event paid most (the first of equals in key order); events whose share is nothing are left out.
     */
    static Map<UUID, Long> split(Map<UUID, Long> paid, long amount) {
        Map<UUID, Long> shares = new TreeMap<>();
        long whole = paid.values().stream().mapToLong(Long::longValue).sum();
        if (whole == 0 || amount == 0) {
            return shares;
        }
        UUID largest = null;
        long given = 0;
        for (Map.Entry<UUID, Long> e : new TreeMap<>(paid).entrySet()) {
            long share = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(e.getValue()))
                    .divide(BigDecimal.valueOf(whole), 0, RoundingMode.DOWN).longValueExact();
            shares.put(e.getKey(), share);
            given += share;
            if (largest == null || e.getValue() > paid.get(largest)) {
                largest = e.getKey();
            }
        }
        shares.merge(largest, amount - given, Long::sum);
        shares.values().removeIf(share -> share == 0);
        return shares;
    }

    /** A payout of {@code amountMinor} for the event was made (in the payout's creating transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paidOut(UUID payoutId, UUID eventId, String currency, long amountMinor) {
        appendPayout("payout:" + payoutId, eventId, currency, Kind.PAYOUT, -amountMinor, payoutId);
    }

    /** A payout that was given up: its amount is owed to the organizer again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void payoutReturned(UUID payoutId, UUID eventId, String currency, long amountMinor) {
        appendPayout("payout-returned:" + payoutId, eventId, currency, Kind.PAYOUT_RETURNED, amountMinor, payoutId);
    }

    private void appendPayout(String key, UUID eventId, String currency, Kind kind, long amountMinor, UUID payoutId) {
        em.createNativeQuery("INSERT INTO ledger_entries (id, entry_key, event_id, currency, kind, amount_minor, "
                        + "payout_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (entry_key) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, eventId)
                .setParameter(4, currency).setParameter(5, kind.name()).setParameter(6, amountMinor)
                .setParameter(7, payoutId).executeUpdate();
    }

    /** Brings the platform's fee on this payment for this event to its share of what is kept now. */
    private void platformFee(UUID paymentId, UUID eventId, String currency, String cause) {
        Object[] sums = (Object[]) em.createNativeQuery("SELECT "
                        + "COALESCE(SUM(amount_minor) FILTER (WHERE kind IN ('CAPTURED', 'REFUNDED')), 0), "
                        + "COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'PLATFORM_FEE'), 0) "
                        + "FROM ledger_entries WHERE payment_id = ?1 AND event_id = ?2")
                .setParameter(1, paymentId).setParameter(2, eventId).getSingleResult();
        long kept = ((Number) sums[0]).longValue();
        long feeSoFar = ((Number) sums[1]).longValue();
        long delta = -platformFeeOn(kept) - feeSoFar;
        if (delta != 0) {
            append("platform-fee:" + cause + ":" + eventId, eventId, currency, Kind.PLATFORM_FEE, delta, paymentId,
                    null);
        }
    }

    /** The platform's fee on {@code keptMinor} minor units kept by the organizer. */
    long platformFeeOn(long keptMinor) {
        return BigDecimal.valueOf(keptMinor).multiply(platformFeePercent).divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The events an order's lines are for, in id order. */
    public java.util.Set<UUID> eventsOf(UUID orderId) {
        java.util.Set<UUID> events = new java.util.TreeSet<>();
        orders.itemsOf(orderId).forEach(item -> events.add(item.eventId()));
        return events;
    }

    /** The payment's amount split by event along its order's lines (the lines add up to the order's total). */
    private Map<UUID, BigDecimal> perEvent(Payment payment) {
        Map<UUID, BigDecimal> amounts = new TreeMap<>();
        if (payment.amount().signum() == 0) {
            return amounts;
        }
        for (OrderItem item : orders.itemsOf(payment.orderId())) {
            amounts.merge(item.eventId(), item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())),
                    BigDecimal::add);
        }
        return amounts;
    }

    /** Adds an entry unless one with this key exists; answers whether it was added. */
    private boolean append(String key, UUID eventId, String currency, Kind kind, long amountMinor, UUID paymentId,
                           UUID refundId) {
        if (amountMinor == 0) {
            return false;
        }
        return em.createNativeQuery("INSERT INTO ledger_entries (id, entry_key, event_id, currency, kind, amount_minor, "
                        + "payment_id, refund_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (entry_key) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, eventId)
                .setParameter(4, currency).setParameter(5, kind.name()).setParameter(6, amountMinor)
                .setParameter(7, paymentId).setParameter(8, refundId).executeUpdate() == 1;
    }

    /** One event's money in one currency: the ledger's sums by kind, in minor units. */
    public record Balance(UUID eventId, String currency, Map<Kind, Long> byKind) {
        public long of(Kind kind) {
            return byKind.getOrDefault(kind, 0L);
        }

        /** Paid by buyers (+). */
        public long captured() {
            return of(Kind.CAPTURED);
        }

        /** Given back to buyers (-). */
        public long refunded() {
            return of(Kind.REFUNDED);
        }

        /** The platform's fee (-). */
        public long platformFees() {
            return of(Kind.PLATFORM_FEE);
        }

        /** The providers' processing fees (-). */
        public long providerFees() {
            return of(Kind.PROVIDER_FEE);
        }

        /** Every fee: the platform's and the providers'. */
        public long fees() {
            return platformFees() + providerFees();
        }

        /** Chargebacks and their reversals. */
        public long disputes() {
            return of(Kind.DISPUTED) + of(Kind.DISPUTE_REVERSED);
        }

        /** Paid out or being paid out (-), less the payouts given up. */
        public long paidOut() {
            return of(Kind.PAYOUT) + of(Kind.PAYOUT_RETURNED);
        }

        /** What the organizer is owed now: the sum of every entry. */
        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The ledger's balances of these events, per event and currency. */
    public List<Balance> balances(java.util.Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, currency, kind, SUM(amount_minor) "
                        + "FROM ledger_entries WHERE event_id = ANY (CAST(?1 AS uuid[])) "
                        + "GROUP BY event_id, currency, kind ORDER BY event_id, currency, kind")
                .setParameter(1, eventIds.stream().map(UUID::toString).collect(java.util.stream.Collectors
                        .joining(",", "{", "}"))).getResultList();
        return balancesOf(rows);
    }

    /** The ledger's balances of these events (all events when null), per event and currency. */
    public List<Balance> balances(UUID eventId) {
        jakarta.persistence.Query query = em.createNativeQuery("SELECT event_id, currency, kind, SUM(amount_minor) "
                + "FROM ledger_entries " + (eventId == null ? "" : "WHERE event_id = ?1 ")
                + "GROUP BY event_id, currency, kind ORDER BY event_id, currency, kind");
        if (eventId != null) {
            query.setParameter(1, eventId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return balancesOf(rows);
    }

    private static List<Balance> balancesOf(List<Object[]> rows) {
        Map<String, Balance> balances = new TreeMap<>();
        for (Object[] row : rows) {
            UUID event = UUID.fromString(row[0].toString());
            String currency = ((String) row[1]).trim();
            balances.computeIfAbsent(event + ":" + currency, k -> new Balance(event, currency, new TreeMap<>()))
                    .byKind().put(Kind.valueOf((String) row[2]), ((Number) row[3]).longValue());
        }
        return List.copyOf(balances.values());
    }
}
