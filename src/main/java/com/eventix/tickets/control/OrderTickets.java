package com.eventix.tickets.control;

import com.eventix.booking.control.OrderPaid;
import com.eventix.booking.control.OrderRefused;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.Notifications;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a paid order becomes: its tickets, issued in the payment's own transaction (so they exist exactly when the
 * order is PAID), and the buyer's email with their QR codes, put in the outbox of that transaction so it is sent
 * even if the server stops right after. A paid order turned down gets the refund notice the same way.
 */
@ApplicationScoped
public class OrderTickets {
    @Inject
    Tickets tickets;
    @Inject
    QrImages qrImages;
    @Inject
    Users users;
    @Inject
    Notifications notifications;

    void onPaid(@Observes(during = TransactionPhase.IN_PROGRESS) OrderPaid paid) {
        List<Ticket> issued = new ArrayList<>();
        for (OrderPaid.Item item : paid.items()) {
            issued.addAll(tickets.issue(paid.orderId(), paid.userId(), item.eventId(), item.tierId(), item.quantity()));
        }
        StringBuilder body = new StringBuilder("Thank you for your order " + paid.orderId() + " ("
                + paid.totalAmount().toPlainString() + " " + paid.currency() + ").\n\nYour tickets:\n");
        List<Notifications.Attachment> attachments = new ArrayList<>();
        issued.stream().sorted(Comparator.comparing(Ticket::id)).forEach(ticket -> {
            body.append("- Ticket ").append(ticket.id()).append(" (QR code attached)\n");
            attachments.add(new Notifications.Attachment("ticket-" + ticket.id() + ".png", "image/png",
                    qrImages.png(ticket.qrCode())));
        });
        body.append("\nShow the QR code at the entrance. Your tickets are also in the app under My tickets.\n");
        notifications.email(paid.userId(), users.get(paid.userId()).email(), "ORDER_CONFIRMED",
                "Your tickets for order " + paid.orderId(), body.toString(), attachments);
    }

    void onRefused(@Observes(during = TransactionPhase.IN_PROGRESS) OrderRefused refused) {
        notifications.email(refused.userId(), users.get(refused.userId()).email(), "ORDER_REFUNDED",
                "Your payment for order " + refused.orderId() + " is being refunded",
                "We could not issue the tickets of order " + refused.orderId() + ": " + refused.why()
                        + ".\n\nYour payment of " + refused.totalAmount().toPlainString() + " " + refused.currency()
                        + " is being refunded in full to the way you paid.\n");
    }
}
