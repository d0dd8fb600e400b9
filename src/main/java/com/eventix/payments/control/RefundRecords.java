package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.RefundPolicy;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.Notifications;
import com.eventix.organizers.control.Organizers;
import com.eventix.payments.entity.OrderRefund;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database side of buyers' refunds, each step its own short transaction (no provider is called while one is
 * open). Every step that touches an order's refunds locks the order first, so two requests for the same tickets
 * (a double click) are decided one after the other and the second finds the tickets taken.
 */
@ApplicationScoped
public class RefundRecords {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Orders orders;
    @Inject
    PaymentRecords payments;
    @Inject
    Tickets tickets;
    @Inject
    Organizers organizers;
    @Inject
    Users users;
    @Inject
    Notifications notifications;
    @Inject
    Ledger ledger;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "REFUND_REFUSAL_RETRIES")
    int refusalRetries;
    @Inject
    @ConfigProperty(name = "REFUND_REFUSAL_BACKOFF")
    Duration refusalBackoff;

    /**
     * The buyer asks for the money of some tickets of their order (all not yet refunded or asked for, when none are
     * named): one refund per event, priced by that event's policy; an automatic policy approves it at once and voids
     * its tickets. Refused with REFUND_NOT_ALLOWED when the order or a policy does not allow it,
     * TICKET_NOT_REFUNDABLE for tickets checked in or transferred, REFUND_ALREADY_REQUESTED for tickets already
     * refunded or asked for; 404 for an order that is not the buyer's.
     */
    @Transactional
    public List<OrderRefund> request(UUID buyerId, UUID orderId, List<UUID> ticketIds, String reason,
                                     RequestOrigin origin) {
        Order order = lockedOrder(orders.visible(orderId, buyerId, false).id());
        Instant now = clock.instant();
        if (!order.isPaid()) {
            throw notAllowed("This order is " + order.status() + ", not paid", "ORDER_NOT_PAID");
        }
        Payment payment = payments.ofOrder(orderId).stream().filter(p -> p.status() == Payment.Status.COMPLETED)
                .findFirst().orElseThrow(() -> notAllowed("This order's payment is not refundable", "PAYMENT_NOT_REFUNDABLE"));
        List<Ticket> ofOrder = tickets.ofOrders(List.of(orderId));
        Set<UUID> taken = takenTickets(orderId);
        List<Ticket> chosen = choose(ofOrder, ticketIds, taken);
        Map<UUID, String> refusals = new TreeMap<>();
        chosen.forEach(t -> t.refundRefusal(buyerId).ifPresent(why -> refusals.put(t.id(), why)));
        if (!refusals.isEmpty()) {
            throw new ApiException(ErrorCode.TICKET_NOT_REFUNDABLE, "Some tickets cannot be refunded",
                    Map.of("tickets", refusals.entrySet().stream().collect(Collectors.toMap(
                            e -> e.getKey().toString(), Map.Entry::getValue))));
        }
        Map<UUID, List<Ticket>> byEvent = chosen.stream().collect(Collectors.groupingBy(Ticket::eventId, TreeMap::new,
                Collectors.toList()));
        byEvent.keySet().forEach(eventId -> em.find(Event.class, eventId).checkRefundRequest(now));
        Map<UUID, BigDecimal> prices = pricesByTier(orderId);
        List<OrderRefund> created = new ArrayList<>();
        byEvent.forEach((eventId, eventTickets) -> {
            Event event = em.find(Event.class, eventId);
            RefundPolicy policy = event.refundPolicy();
            List<OrderRefund.Line> lines = eventTickets.stream().map(t -> {
                BigDecimal price = prices.get(t.tierId());
                BigDecimal fee = policy.feeFor(price, event.currencyUnit());
                return new OrderRefund.Line(t.id(), price.subtract(fee), fee);
            }).toList();
            OrderRefund refund = OrderRefund.request(orderId, payment.id(), eventId, buyerId, order.currency(), lines,
                    reason, policy.isAutomatic(), now);
            em.persist(refund);
            audit.success(buyerId, "REFUND_REQUESTED", "refund", refund.id(), origin,
                    "order " + orderId + ", " + lines.size() + " tickets, " + refund.amount() + " " + refund.currency());
            if (refund.status() == OrderRefund.Status.APPROVED) {
                tickets.refund(refund.ticketIds(), buyerId);
                audit.success(null, "REFUND_APPROVED", "refund", refund.id(), RequestOrigin.INTERNAL, "automatic policy");
            }
            created.add(refund);
        });
        em.flush();
        refundsChanged(order);
        created.forEach(refund -> tell(refund, refund.status() == OrderRefund.Status.APPROVED
                ? "is on its way" : "was received", refund.status() == OrderRefund.Status.APPROVED
                ? "It has been approved and is being paid back to the way you paid."
                : "The organizer will decide on it; we will write to you then."));
        return created;
    }

    /** The tickets named (each must be of the order), or all those not yet taken when none are. */
    private static List<Ticket> choose(List<Ticket> ofOrder, List<UUID> ticketIds, Set<UUID> taken) {
        if (ticketIds == null || ticketIds.isEmpty()) {
            List<Ticket> rest = ofOrder.stream().filter(t -> !taken.contains(t.id())).toList();
            if (rest.isEmpty()) {
                throw new ApiException(ErrorCode.REFUND_ALREADY_REQUESTED,
                        "Every ticket of this order is already refunded or asked for");
            }
            return rest;
        }
        Map<UUID, Ticket> byId = ofOrder.stream().collect(Collectors.toMap(Ticket::id, t -> t));
        List<Ticket> chosen = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ticketIds)) {
            Ticket ticket = byId.get(id);
            if (ticket == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "Ticket " + id + " is not part of this order",
                        Map.of("ticketId", id.toString()));
            }
            chosen.add(ticket);
        }
        List<String> twice = chosen.stream().map(Ticket::id).filter(taken::contains).map(UUID::toString).toList();
        if (!twice.isEmpty()) {
            throw new ApiException(ErrorCode.REFUND_ALREADY_REQUESTED,
                    "Some tickets are already refunded or asked for", Map.of("ticketIds", twice));
        }
        return chosen;
    }

    /** The organizer of the refund's event approves it: its tickets are void from now on. */
    @Transactional
    public OrderRefund approve(UUID organizerUserId, UUID refundId, RequestOrigin origin) {
        OrderRefund refund = forOrganizer(organizerUserId, refundId);
        Order order = lockedOrder(refund.orderId());
        refund = lockedRefund(refundId);
        refund.approve(organizerUserId, clock.instant());
        tickets.refund(refund.ticketIds(), order.userId());
        audit.success(organizerUserId, "REFUND_APPROVED", "refund", refundId, origin, null);
        em.flush();
        refundsChanged(order);
        tell(refund, "was approved", "It is being paid back to the way you paid.");
        return refund;
    }

    /** The organizer of the refund's event rejects it, saying why: its tickets stay valid. */
    @Transactional
    public OrderRefund reject(UUID organizerUserId, UUID refundId, String why, RequestOrigin origin) {
        OrderRefund refund = forOrganizer(organizerUserId, refundId);
        Order order = lockedOrder(refund.orderId());
        refund = lockedRefund(refundId);
        refund.reject(organizerUserId, why, clock.instant());
        audit.success(organizerUserId, "REFUND_REJECTED", "refund", refundId, origin, why);
        em.flush();
        refundsChanged(order);
        tell(refund, "was declined", "The organizer declined it: " + why + "\n\nYour tickets remain valid.");
        return refund;
    }

    /** Claims the refund for one request to its provider (see {@link OrderRefund#attempt}). */
    @Transactional
    public boolean claim(UUID refundId, Instant lastTriedBefore) {
        return lockedRefund(refundId).attempt(lastTriedBefore, clock.instant());
    }

    /**
     * The money went back ({@code providerRefundId} null when there was none to send): the refund succeeds, the
     * ledger records it and the order moves on.
     */
    @Transactional
    public void succeeded(UUID refundId, String providerRefundId) {
        OrderRefund refund = em.find(OrderRefund.class, refundId);
        Order order = lockedOrder(refund.orderId());
        refund = lockedRefund(refundId);
        if (refund.status() != OrderRefund.Status.PROCESSING) {
            return;
        }
        refund.accepted(providerRefundId, true, clock.instant());
        recordSuccess(refund, order);
    }

    /** The provider accepted the refund and finishes it later. */
    @Transactional
    public void accepted(UUID refundId, String providerRefundId) {
        OrderRefund refund = lockedRefund(refundId);
        if (refund.status() == OrderRefund.Status.PROCESSING && refund.providerRefundId() == null) {
            refund.accepted(providerRefundId, false, clock.instant());
        }
    }

    private void recordSuccess(OrderRefund refund, Order order) {
        Payment payment = em.find(Payment.class, refund.paymentId(), LockModeType.PESSIMISTIC_WRITE);
        ledger.refunded(payment, refund.id(), Map.of(refund.eventId(), refund.amount()));
        audit.success(null, "REFUND_SUCCEEDED", "refund", refund.id(), RequestOrigin.INTERNAL,
                refund.amount() + " " + refund.currency());
        em.flush();
        refundsChanged(order);
        tell(refund, "went through", "The money is back on the way you paid; your bank may take a few days to show it.");
    }

    /**
     * The provider refused the refund: it is asked again after a back-off (REFUND_REFUSAL_BACKOFF, doubling) up to
     * REFUND_REFUSAL_RETRIES times, then it is FAILED, for an admin to look at (its tickets stay void).
     */
    @Transactional
    public void failed(UUID refundId, String why) {
        OrderRefund refund = em.find(OrderRefund.class, refundId);
        Order order = lockedOrder(refund.orderId());
        refund = lockedRefund(refundId);
        if (refund.status() != OrderRefund.Status.PROCESSING) {
            return;
        }
        if (refund.refused(why, refusalRetries, refusalBackoff, clock.instant())) {
            audit.failure(null, "REFUND_FAILED", "refund", refundId, RequestOrigin.INTERNAL, why);
        } else {
            audit.failure(null, "REFUND_REFUSED", "refund", refundId, RequestOrigin.INTERNAL,
                    why + "; asked again at " + refund.nextAttemptAt());
        }
        em.flush();
        refundsChanged(order);
    }

    /** An admin has a FAILED refund asked for once more (INVALID_STATE_TRANSITION for any other). */
    @Transactional
    public OrderRefund retry(UUID adminId, UUID refundId, RequestOrigin origin) {
        Order order = lockedOrder(get(refundId).orderId());
        OrderRefund refund = lockedRefund(refundId);
        refund.retry(clock.instant());
        audit.success(adminId, "REFUND_RETRIED", "refund", refundId, origin, refund.failureReason());
        em.flush();
        refundsChanged(order);
        return refund;
    }

    /** Every refund in a status (or all), oldest first: the admins' view. */
    public Page<OrderRefund> all(OrderRefund.Status status, int page, int size) {
        Page.checkRequest(page, size);
        String where = "FROM OrderRefund r" + (status == null ? "" : " WHERE r.status = :status");
        var count = em.createQuery("SELECT COUNT(r) " + where, Long.class);
        var items = em.createQuery("SELECT r " + where + " ORDER BY r.createdAt, r.id", OrderRefund.class);
        if (status != null) {
            count.setParameter("status", status);
            items.setParameter("status", status);
        }
        return new Page<>(items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /**
     * Refunds the order's tickets of a cancelled event that no refund covers yet, in full (the policy's fee is not
     * kept: the event did not happen), and voids them; undecided requests for them are superseded (rejected, their
     * tickets included here). The buyer is told. Answers the refund, or empty when nothing is left to refund (the
     * order or its payment was refunded whole before). Runs in the caller's transaction, which claimed the order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<OrderRefund> refundCancelled(UUID orderId, UUID eventId) {
        Order order = lockedOrder(orderId);
        Instant now = clock.instant();
        Payment payment = payments.ofOrder(orderId).stream().filter(p -> p.status() == Payment.Status.COMPLETED)
                .findFirst().orElse(null);
        List<Ticket> ofEvent = tickets.ofOrders(List.of(orderId)).stream().filter(t -> eventId.equals(t.eventId()))
                .toList();
        if (!order.isPaid() || payment == null || ofEvent.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (OrderRefund pending : ofOrder(orderId)) {
            if (pending.status() == OrderRefund.Status.REQUESTED && pending.eventId().equals(eventId)) {
                lockedRefund(pending.id()).reject(null, "The event was cancelled: refunded in full instead", now);
                audit.success(null, "REFUND_REJECTED", "refund", pending.id(), RequestOrigin.INTERNAL,
                        "superseded by the event's cancellation");
            }
        }
        Set<UUID> taken = takenTickets(orderId);
        tickets.cancel(ofEvent.stream().map(Ticket::id).toList());
        Map<UUID, BigDecimal> prices = pricesByTier(orderId);
        List<OrderRefund.Line> lines = ofEvent.stream().filter(t -> !taken.contains(t.id()))
                .map(t -> new OrderRefund.Line(t.id(), prices.get(t.tierId()), BigDecimal.ZERO)).toList();
        if (lines.isEmpty()) {
            return java.util.Optional.empty();
        }
        OrderRefund refund = OrderRefund.eventCancelled(orderId, payment.id(), eventId, order.userId(),
                order.currency(), lines, now);
        em.persist(refund);
        audit.success(null, "REFUND_APPROVED", "refund", refund.id(), RequestOrigin.INTERNAL,
                "event cancelled: order " + orderId + ", " + lines.size() + " tickets, " + refund.amount() + " "
                        + refund.currency());
        em.flush();
        refundsChanged(order);
        Event event = em.find(Event.class, eventId);
        notifications.email(order.userId(), users.get(order.userId()).email(), "EVENT_CANCELLED_REFUND",
                "\"" + event.title() + "\" was cancelled: your refund is on its way",
                "We are sorry: \"" + event.title() + "\" was cancelled"
                        + (event.cancellationReason() == null ? "" : " (" + event.cancellationReason() + ")")
                        + ".\n\nYour " + lines.size() + " ticket(s) of order " + orderId + " are void, and "
                        + refund.amount().toPlainString() + " " + refund.currency()
                        + " is being paid back in full to the way you paid. We will write again once it went through.\n");
        return java.util.Optional.of(refund);
    }

    public OrderRefund get(UUID refundId) {
        OrderRefund refund = em.find(OrderRefund.class, refundId);
        if (refund == null) {
            throw ApiException.notFound("Refund");
        }
        return refund;
    }

    /** The refunds of the buyer's order, oldest first; 404 for an order that is not theirs. */
    public List<OrderRefund> ofOrder(UUID buyerId, UUID orderId, boolean admin) {
        orders.visible(orderId, buyerId, admin);
        return ofOrder(orderId);
    }

    private List<OrderRefund> ofOrder(UUID orderId) {
        return em.createQuery("SELECT r FROM OrderRefund r WHERE r.orderId = :order ORDER BY r.createdAt, r.id",
                OrderRefund.class).setParameter("order", orderId).getResultList();
    }

    /** Refunds of the organizer's events, in a status (or all), oldest first. */
    public Page<OrderRefund> ofOrganizer(UUID organizerUserId, OrderRefund.Status status, int page, int size) {
        Page.checkRequest(page, size);
        UUID organizerId = organizers.mine(organizerUserId).id();
        String where = "FROM OrderRefund r, Event e WHERE e.id = r.eventId AND e.organizerId = :organizer"
                + (status == null ? "" : " AND r.status = :status");
        var count = em.createQuery("SELECT COUNT(r) " + where, Long.class).setParameter("organizer", organizerId);
        var items = em.createQuery("SELECT r " + where + " ORDER BY r.createdAt, r.id", OrderRefund.class)
                .setParameter("organizer", organizerId);
        if (status != null) {
            count.setParameter("status", status);
            items.setParameter("status", status);
        }
        return new Page<>(items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /**
     * Refunds approved or being processed that their provider never acknowledged, last tried before then, and
     * refused ones whose back-off is over.
     */
    public List<UUID> unsent(Instant lastTriedBefore, Instant now, int limit) {
        return em.createQuery("SELECT r.id FROM OrderRefund r WHERE r.status IN :due AND r.providerRefundId IS NULL "
                        + "AND ((r.nextAttemptAt IS NULL AND r.updatedAt <= :before) OR r.nextAttemptAt <= :now) "
                        + "ORDER BY r.updatedAt, r.id", UUID.class)
                .setParameter("due", List.of(OrderRefund.Status.APPROVED, OrderRefund.Status.PROCESSING))
                .setParameter("before", lastTriedBefore).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /** The refund, if it is of one of the organizer's events; 404 otherwise (another organizer's is not shown). */
    private OrderRefund forOrganizer(UUID organizerUserId, UUID refundId) {
        OrderRefund refund = get(refundId);
        UUID organizerId = organizers.ofUser(organizerUserId).map(o -> o.id()).orElse(null);
        if (organizerId == null || !organizerId.equals(em.find(Event.class, refund.eventId()).organizerId())) {
            throw ApiException.notFound("Refund");
        }
        return refund;
    }

    /** Tickets of the order that a refund holds (pending, or refunded). */
    private Set<UUID> takenTickets(UUID orderId) {
        Set<UUID> taken = new HashSet<>();
        ofOrder(orderId).stream().filter(OrderRefund::holdsTickets).forEach(r -> taken.addAll(r.ticketIds()));
        return taken;
    }

    /**
     * What each tier's tickets of the order cost. Should one tier appear on two lines at different prices (its price
     * changed between two holds), the lower is refunded, so refunds never exceed what was paid.
     */
    private Map<UUID, BigDecimal> pricesByTier(UUID orderId) {
        return orders.itemsOf(orderId).stream().collect(Collectors.toMap(OrderItem::tierId, OrderItem::unitPrice,
                BigDecimal::min));
    }

    /** The order's status after its refunds changed. */
    private void refundsChanged(Order order) {
        List<OrderRefund> refunds = ofOrder(order.id());
        int refunded = refunds.stream().filter(r -> r.status() == OrderRefund.Status.SUCCEEDED)
                .mapToInt(r -> r.ticketIds().size()).sum();
        boolean pending = refunds.stream().anyMatch(OrderRefund::isPending);
        order.refundsChanged(tickets.ofOrders(List.of(order.id())).size(), refunded, pending, clock.instant());
    }

    /** Writes to the buyer about their refund, through the outbox of this transaction. */
    private void tell(OrderRefund refund, String what, String more) {
        notifications.email(refund.requestedBy(), users.get(refund.requestedBy()).email(), "REFUND_" + refund.status(),
                "Your refund for order " + refund.orderId() + " " + what,
                "Your refund of " + refund.ticketIds().size() + " ticket(s) of order " + refund.orderId() + " ("
                        + refund.amount().toPlainString() + " " + refund.currency() + (refund.fee().signum() > 0
                        ? ", after a fee of " + refund.fee().toPlainString() + " " + refund.currency() : "")
                        + ") " + what + ".\n\n" + more + "\n");
    }

    private Order lockedOrder(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order);
        return order;
    }

    private OrderRefund lockedRefund(UUID refundId) {
        OrderRefund refund = em.find(OrderRefund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null) {
            throw ApiException.notFound("Refund");
        }
        em.refresh(refund);
        return refund;
    }

    private static ApiException notAllowed(String message, String reason) {
        return new ApiException(ErrorCode.REFUND_NOT_ALLOWED, message, Map.of("reason", reason));
    }
}
