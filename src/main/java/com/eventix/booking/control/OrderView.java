package com.eventix.booking.control;

import com.eventix.booking.entity.Order;
import com.eventix.booking.entity.OrderItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as its owner sees it: lines, the latest payment and the tickets it bought. */
@Schema(name = "Order")
public record OrderView(@Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                        Order.Status status, BigDecimal totalAmount, String currency, List<Line> items,
                        @Schema(type = SchemaType.STRING, format = "uuid") UUID paymentId, String paymentStatus,
                        String paymentProvider, String paymentUrl,
                        @Schema(type = SchemaType.STRING, format = "uuid") List<UUID> ticketIds,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    /** One line of an order. */
    @Schema(name = "OrderLine")
    public record Line(@Schema(type = SchemaType.STRING, format = "uuid") UUID reservationId,
                       @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                       @Schema(type = SchemaType.STRING, format = "uuid") UUID tierId,
                       int quantity, BigDecimal unitPrice) {
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
