package com.eventix.booking.control;

import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import com.eventix.booking.entity.Reservation;
import com.eventix.events.control.EventChanged;
import com.eventix.events.entity.TicketTier;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.Notifications;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.tickets.control.QrImages;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Orders: placing one for a user's holds, and fulfilling it when its payment completes: holds become tickets,
 * the order is PAID and the tickets are emailed, all in the payment's transaction.
 */
@ApplicationScoped
public class Orders {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Tickets tickets;
    @Inject
    QrImages qrImages;
    @Inject
    Users users;
    @Inject
    Notifications notifications;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;

    /** What became of an order whose payment completed. */
    public enum Fulfilment { FULFILLED, ALREADY_FULFILLED, SOLD_OUT }

    @Transactional(Transactional.TxType.MANDATORY)
    public Order place(UUID userId, List<UUID> reservationIds) {
        List<Reservation> holds = new ArrayList<>();
        for (UUID id : reservationIds.stream().distinct().sorted().toList()) {
            Reservation hold = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (hold == null || !hold.userId().equals(userId)) {
                throw ApiException.notFound("Reservation");
            }
            holds.add(hold);
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
        Map<UUID, Reservation> holds = new TreeMap<>();
        Map<UUID, Integer> lateByTier = new TreeMap<>();
        for (OrderItem item : items) {
            Reservation hold = em.find(Reservation.class, item.reservationId(), LockModeType.PESSIMISTIC_WRITE);
            holds.put(item.id(), hold);
            if (!hold.isActive()) {
                lateByTier.merge(item.tierId(), item.quantity(), Integer::sum);
            }
        }
        // Tiers in id order, so two late payments never lock the same tiers in opposite orders.
        Map<UUID, TicketTier> tiers = new TreeMap<>();
        for (UUID tierId : lateByTier.keySet()) {
            TicketTier tier = em.find(TicketTier.class, tierId, LockModeType.PESSIMISTIC_WRITE);
            if (tier.availableQuantity() < lateByTier.get(tierId)) {
                if (order.isOpen()) {
                    order.expire(now);
                }
                return Fulfilment.SOLD_OUT;
            }
            tiers.put(tierId, tier);
        }
        lateByTier.forEach((tierId, quantity) -> tiers.get(tierId).hold(quantity, now));
        List<Ticket> issued = new ArrayList<>();
        for (OrderItem item : items) {
            Reservation hold = holds.get(item.id());
            if (hold.isActive()) {
                hold.consume(now);
            }
            issued.addAll(tickets.issue(orderId, order.userId(), item.eventId(), item.tierId(), item.quantity()));
        }
        order.paid(now);
        emailTickets(order, issued);
        items.stream().map(OrderItem::eventId).distinct().forEach(id -> changed.fire(EventChanged.inventory(id)));
        return Fulfilment.FULFILLED;
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
        Instant now = clock.instant();
        order.cancel(now);
        for (OrderItem item : itemsOf(orderId)) {
            Reservation hold = em.find(Reservation.class, item.reservationId(), LockModeType.PESSIMISTIC_WRITE);
            if (hold.isActive()) {
                int quantity = hold.release(now);
                em.find(TicketTier.class, item.tierId(), LockModeType.PESSIMISTIC_WRITE).giveBack(quantity, now);
                changed.fire(EventChanged.inventory(item.eventId()));
            }
        }
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

    public Page<Order> ofUser(UUID userId, int page, int size) {
        long total = em.createQuery("SELECT COUNT(o) FROM Order o WHERE o.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
        List<Order> items = em.createQuery("SELECT o FROM Order o WHERE o.userId = :user "
                        + "ORDER BY o.createdAt DESC, o.id", Order.class)
                .setParameter("user", userId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }

    private void emailTickets(Order order, List<Ticket> issued) {
        String to = users.get(order.userId()).email();
        StringBuilder body = new StringBuilder("Thank you for your order " + order.id() + " ("
                + order.totalAmount().toPlainString() + " " + order.currency() + ").\n\nYour tickets:\n");
        List<Notifications.Attachment> attachments = new ArrayList<>();
        issued.stream().sorted(Comparator.comparing(Ticket::id)).forEach(ticket -> {
            body.append("- Ticket ").append(ticket.id()).append(" (QR code attached)\n");
            attachments.add(new Notifications.Attachment("ticket-" + ticket.id() + ".png", "image/png",
                    qrImages.png(ticket.qrCode())));
        });
        body.append("\nShow the QR code at the entrance. Your tickets are also in the app under My tickets.\n");
        notifications.email(order.userId(), to, "ORDER_CONFIRMED", "Your tickets for order " + order.id(),
                body.toString(), attachments);
    }
}
