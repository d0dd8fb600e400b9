package com.eventix.booking.control;

import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import com.eventix.booking.entity.Reservation;
import com.eventix.events.entity.Event;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Orders: placing one for a user's holds, and fulfilling it when its payment completes: its holds are consumed,
 * the order is PAID and {@link OrderPaid} announced, on which tickets are issued and emailed, all in the payment's
 * transaction. An order that cannot be honoured announces {@link OrderRefused} instead.
 */
@ApplicationScoped
public class Orders {
    private static final Comparator<UUID> IN_DATABASE_ORDER = Inventory.IN_DATABASE_ORDER;
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Inventory inventory;
    @Inject
    jakarta.enterprise.event.Event<OrderPaid> paid;
    @Inject
    jakarta.enterprise.event.Event<OrderRefused> refused;

    /** What became of an order whose payment completed. */
    public enum Fulfilment {
        FULFILLED, ALREADY_FULFILLED,
        /** Its holds had run out and their tickets were sold meanwhile: the payment goes back. */
        SOLD_OUT,
        /** Its event is no longer on sale (cancelled, or over): the payment goes back. */
        EVENT_CLOSED;

        public boolean refundsPayment() {
            return this == SOLD_OUT || this == EVENT_CLOSED;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Order place(UUID userId, List<UUID> reservationIds) {
        List<Reservation> holds = new ArrayList<>();
        for (UUID id : reservationIds.stream().distinct().sorted(IN_DATABASE_ORDER).toList()) {
            Reservation hold = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (hold == null || !hold.userId().equals(userId)) {
                throw ApiException.notFound("Reservation");
            }
            holds.add(hold);
        }
        for (UUID eventId : holds.stream().map(Reservation::eventId).distinct().toList()) {
            Event event = em.find(Event.class, eventId);
            if (!event.isListed()) {
                throw new ApiException(ErrorCode.SALES_CLOSED, "Tickets of this event are not on sale any more",
                        Map.of("eventId", eventId.toString(), "eventStatus", event.status().name()));
            }
        }
        long alreadyOrdered = em.createQuery("SELECT COUNT(i) FROM OrderItem i WHERE i.reservationId IN :ids", Long.class)
                .setParameter("ids", reservationIds).getSingleResult();
        if (alreadyOrdered > 0) {
            throw new ApiException(ErrorCode.RESERVATION_ALREADY_ORDERED, "A reservation is already part of an order");
        }
        Order order = Order.place(userId, holds, clock.instant());
        em.persist(order);
        em.flush();
        holds.forEach(hold -> em.persist(new OrderItem(order, hold)));
        em.flush();
        return order;
    }

    /**
     * Turns the order's holds into tickets. A hold that ran out before the money arrived is taken again from
     * the tier if enough tickets remain; if not, nothing changes and the caller refunds the payment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Fulfilment fulfil(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order.status() == Order.Status.PAID) {
            return Fulfilment.ALREADY_FULFILLED;
        }
        Instant now = clock.instant();
        List<OrderItem> items = itemsOf(orderId);
        if (items.stream().map(OrderItem::eventId).distinct().anyMatch(id -> !em.find(Event.class, id).isListed())) {
            return refused(order, items, Fulfilment.EVENT_CLOSED, "its event is no longer on sale");
        }
        Map<UUID, Reservation> holds = new TreeMap<>();
        Map<UUID, Integer> lateByTier = new TreeMap<>(IN_DATABASE_ORDER);
        for (OrderItem item : inLockOrder(items)) {
            Reservation hold = em.find(Reservation.class, item.reservationId(), LockModeType.PESSIMISTIC_WRITE);
            holds.put(item.id(), hold);
            if (!hold.isActive()) {
                lateByTier.merge(item.tierId(), item.quantity(), Integer::sum);
            }
        }
        if (!inventory.tryTake(lateByTier)) {
            return refused(order, items, Fulfilment.SOLD_OUT,
                    "its reservation ran out before the payment arrived and the tickets have been sold since");
        }
        for (OrderItem item : items) {
            Reservation hold = holds.get(item.id());
            if (hold.isActive()) {
                hold.consume(now);
            }
        }
        order.paid(now);
        paid.fire(new OrderPaid(orderId, order.userId(), order.totalAmount(), order.currency(), items.stream()
                .map(item -> new OrderPaid.Item(item.eventId(), item.tierId(), item.quantity())).toList()));
        return Fulfilment.FULFILLED;
    }

    /**
     * A paid order that cannot be honoured: it ends, the holds it still has go back on sale, and the buyer is told
     * that the payment is being refunded (the caller refunds it).
     */
    private Fulfilment refused(Order order, List<OrderItem> items, Fulfilment outcome, String why) {
        if (order.isOpen()) {
            order.expire(clock.instant());
        }
        releaseActiveHolds(items);
        refused.fire(new OrderRefused(order.id(), order.userId(), order.totalAmount(), order.currency(), why));
        return outcome;
    }

    /**
     * The order's payment was declined: the order is cancelled and its holds released, their tickets back on
     * sale at once. Nothing happens to an order that is no longer pending (a late decline after a success).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!order.isOpen()) {
            return;
        }
        order.cancel(clock.instant());
        releaseActiveHolds(itemsOf(orderId));
    }

    /**
     * Releases the items' holds that are still active. Holds are locked first, in the database's order, then
     * {@link Inventory} locks their tiers, so two of these (or one and the expiry sweep) never wait on each other.
     */
    private void releaseActiveHolds(List<OrderItem> items) {
        Instant now = clock.instant();
        Map<UUID, Integer> released = new TreeMap<>(IN_DATABASE_ORDER);
        inLockOrder(items).forEach(item -> {
            Reservation hold = em.find(Reservation.class, item.reservationId(), LockModeType.PESSIMISTIC_WRITE);
            if (hold.isActive()) {
                released.merge(item.tierId(), hold.release(now), Integer::sum);
            }
        });
        inventory.giveBack(released);
    }

    /**
     * The order's holds have all run out unpaid: it ends as EXPIRED (a payment that still arrives may yet turn it
     * into PAID, stock permitting). Answers false for an order that is no longer pending.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean expire(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!order.isOpen()) {
            return false;
        }
        order.expire(clock.instant());
        return true;
    }

    /**
     * A payment for the order is in flight: its active holds are kept until {@code grace} past their own expiry,
     * since the provider may still confirm it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void protectHolds(UUID orderId, Duration grace) {
        Instant now = clock.instant();
        activeHolds(orderId).forEach(hold -> hold.protectFor(grace, now));
    }

    /** The order's payment in flight ended without paying: its holds run out at their own expiry again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unprotectHolds(UUID orderId) {
        Instant now = clock.instant();
        activeHolds(orderId).forEach(hold -> hold.unprotect(now));
    }

    private List<Reservation> activeHolds(UUID orderId) {
        return inLockOrder(itemsOf(orderId)).stream()
                .map(item -> em.find(Reservation.class, item.reservationId(), LockModeType.PESSIMISTIC_WRITE))
                .filter(Reservation::isActive).toList();
    }

    /**
     * Of these orders, those with a hold still active, each with the earliest expiry among its active holds.
     */
    public Map<UUID, Instant> activeHoldExpiries(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant> earliest = new HashMap<>();
        em.createQuery("SELECT i.orderId, r FROM OrderItem i, Reservation r WHERE i.orderId IN :orders "
                        + "AND r.id = i.reservationId AND r.status = :active", Object[].class)
                .setParameter("orders", orderIds).setParameter("active", Reservation.Status.ACTIVE)
                .getResultList()
                .forEach(row -> earliest.merge((UUID) row[0], ((Reservation) row[1]).expiresAt(),
                        (a, b) -> a.isBefore(b) ? a : b));
        return earliest;
    }

    /** Up to {@code limit} PENDING orders with no active hold left, oldest first: their checkouts are abandoned. */
    public List<UUID> pendingWithoutActiveHolds(int limit) {
        return em.createQuery("SELECT o.id FROM Order o WHERE o.status = :pending AND NOT EXISTS ("
                        + "SELECT i FROM OrderItem i, Reservation r WHERE i.orderId = o.id AND r.id = i.reservationId "
                        + "AND r.status = :active) ORDER BY o.createdAt, o.id", UUID.class)
                .setParameter("pending", Order.Status.PENDING).setParameter("active", Reservation.Status.ACTIVE)
                .setMaxResults(limit).getResultList();
    }

    /** Whether every hold of the order is still active. */
    public boolean holdsAllActive(UUID orderId) {
        return itemsOf(orderId).stream().allMatch(item -> em.find(Reservation.class, item.reservationId()).isActive());
    }

    /** The order the user placed for this hold, if they placed one. */
    public Optional<UUID> placedFor(UUID userId, UUID reservationId) {
        return em.createQuery("SELECT o.id FROM OrderItem i, Order o WHERE i.reservationId = :hold "
                        + "AND o.id = i.orderId AND o.userId = :user", UUID.class)
                .setParameter("hold", reservationId).setParameter("user", userId).getResultStream().findFirst();
    }

    private static List<OrderItem> inLockOrder(List<OrderItem> items) {
        return items.stream().sorted(Comparator.comparing(OrderItem::reservationId, IN_DATABASE_ORDER)).toList();
    }

    /** The owner's order (an admin may read any); anyone else's is "not found". */
    public Order visible(UUID orderId, UUID userId, boolean admin) {
        Order order = em.find(Order.class, orderId);
        if (order == null || !(admin || order.userId().equals(userId))) {
            throw ApiException.notFound("Order");
        }
        return order;
    }

    public Order get(UUID orderId) {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw ApiException.notFound("Order");
        }
        return order;
    }

    public List<OrderItem> itemsOf(UUID orderId) {
        return em.createQuery("SELECT i FROM OrderItem i WHERE i.orderId = :order ORDER BY i.id", OrderItem.class)
                .setParameter("order", orderId).getResultList();
    }

    /** The items of these orders, in one query. */
    public List<OrderItem> itemsOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT i FROM OrderItem i WHERE i.orderId IN :orders ORDER BY i.id", OrderItem.class)
                .setParameter("orders", orderIds).getResultList();
    }

    /** The ids of the paid orders (refunds of some tickets included) with tickets of the event, in id order. */
    public List<UUID> paidOfEvent(UUID eventId) {
        return em.createQuery("SELECT DISTINCT o.id FROM Order o, OrderItem i WHERE i.orderId = o.id "
                        + "AND i.eventId = :event AND o.status IN :paid ORDER BY o.id", UUID.class)
                .setParameter("event", eventId)
                .setParameter("paid", List.of(Order.Status.PAID, Order.Status.REFUND_REQUESTED,
                        Order.Status.PARTIALLY_REFUNDED))
                .getResultList();
    }

    public Page<Order> ofUser(UUID userId, int page, int size) {
        long total = em.createQuery("SELECT COUNT(o) FROM Order o WHERE o.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
        List<Order> items = em.createQuery("SELECT o FROM Order o WHERE o.userId = :user "
                        + "ORDER BY o.createdAt DESC, o.id", Order.class)
                .setParameter("user", userId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }
}
