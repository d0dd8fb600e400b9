package com.eventix.payments.control;

import com.eventix.booking.control.OrderView;
import com.eventix.booking.control.Orders;
import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.Page;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return views(List.of(orders.visible(orderId, userId, admin))).get(0);
    }

    public Page<OrderView> ofUser(UUID userId, int page, int size) {
        Page.checkRequest(page, size);
        Page<Order> found = orders.ofUser(userId, page, size);
        return new Page<>(views(found.items()), found.page(), found.size(), found.total());
    }

    /** Views of these orders with three queries in all, however many orders. */
    private List<OrderView> views(List<Order> list) {
        List<UUID> ids = list.stream().map(Order::id).toList();
        Map<UUID, List<OrderItem>> items = orders.itemsOf(ids).stream()
                .collect(Collectors.groupingBy(OrderItem::orderId));
        // Attempts come oldest first: the last one per order is its latest.
        Map<UUID, Payment> latest = payments.ofOrders(ids).stream()
                .collect(Collectors.toMap(Payment::orderId, p -> p, (older, newer) -> newer));
        Map<UUID, List<UUID>> ticketIds = tickets.ofOrders(ids).stream()
                .collect(Collectors.groupingBy(Ticket::orderId, Collectors.mapping(Ticket::id, Collectors.toList())));
        return list.stream().map(order -> {
            Payment payment = latest.get(order.id());
            return OrderView.of(order, items.getOrDefault(order.id(), List.of()), payment == null ? null
                            : new OrderView.PaymentSummary(payment.id(), payment.status().name(), payment.provider(),
                            payment.paymentUrl()),
                    ticketIds.getOrDefault(order.id(), List.of()));
        }).toList();
    }
}
