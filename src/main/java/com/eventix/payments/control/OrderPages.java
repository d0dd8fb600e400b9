package com.eventix.payments.control;

import com.eventix.booking.control.OrderView;
import com.eventix.booking.control.Orders;
import com.eventix.booking.entity.Order;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.Page;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Orders as their owners read them, with their latest payment and tickets. */
@ApplicationScoped
public class OrderPages {
    @Inject
    Orders orders;
    @Inject
    PaymentRecords payments;
    @Inject
    Tickets tickets;

    public OrderView view(UUID orderId, UUID userId, boolean admin) {
        return view(orders.visible(orderId, userId, admin));
    }

    public Page<OrderView> ofUser(UUID userId, int page, int size) {
        Page.checkRequest(page, size);
        return orders.ofUser(userId, page, size).map(this::view);
    }

    private OrderView view(Order order) {
        List<Payment> attempts = payments.ofOrder(order.id());
        Payment latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        return OrderView.of(order, orders.itemsOf(order.id()), latest == null ? null
                        : new OrderView.PaymentSummary(latest.id(), latest.status().name(), latest.provider(),
                        latest.paymentUrl()),
                tickets.ofOrder(order.id()).stream().map(Ticket::id).toList());
    }
}
