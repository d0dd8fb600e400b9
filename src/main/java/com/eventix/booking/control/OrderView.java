package com.eventix.booking.control;

import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as its owner sees it: lines, the latest payment and the tickets it bought. */
@Schema(name = "Order")
public record OrderView(@Schema(example = "8a7b6c5d-4e3f-4a1b-9c2d-0e1f2a3b4c5d") UUID orderId,
                        Order.Status status,
                        @Schema(description = "Exact amount in the currency beside it", example = "51.00")
                        BigDecimal totalAmount,
                        @Schema(example = "USD") String currency,
                        List<Line> items,
                        @Schema(description = "The latest payment attempt") UUID paymentId,
                        @Schema(ref = "PaymentStatus") String paymentStatus,
                        @Schema(example = "sandbox") String paymentProvider,
                        @Schema(description = "Where the buyer pays, while the payment is open") String paymentUrl,
                        @Schema(description = "The tickets bought, once PAID") List<UUID> ticketIds,
                        Instant createdAt) {

    /** One line of an order. */
    @Schema(name = "OrderLine")
    public record Line(UUID reservationId,
                       UUID eventId,
                       UUID tierId,
                       @Schema(example = "2") int quantity,
                       @Schema(example = "25.50") BigDecimal unitPrice) {
        static Line of(OrderItem i) {
            return new Line(i.reservationId(), i.eventId(), i.tierId(), i.quantity(), i.unitPrice());
        }
    }

    /** The latest payment attempt of an order, as far as the order page needs it. */
    public record PaymentSummary(UUID id, String status, String provider, String url) {
    }

    public static OrderView of(Order o, List<OrderItem> items, PaymentSummary payment, List<UUID> tickets) {
        return new OrderView(o.id(), o.status(), o.totalAmount(), o.currency(), items.stream().map(Line::of).toList(),
                payment == null ? null : payment.id(), payment == null ? null : payment.status(),
                payment == null ? null : payment.provider(), payment == null ? null : payment.url(), tickets,
                o.createdAt());
    }
}
