package com.eventix.payments.control;

import com.eventix.payments.entity.OrderRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refund as its buyer and the event's organizer read it. */
@Schema(name = "Refund")
public record RefundView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                         OrderRefund.Status status,
                         @Schema(description = "What goes back: the tickets' prices less the fee") BigDecimal amount,
                         @Schema(description = "What the event's refund policy kept") BigDecimal fee,
                         String currency,
                         @Schema(type = SchemaType.ARRAY, implementation = UUID.class) List<UUID> ticketIds,
                         @Schema(description = "The buyer's reason") String reason,
                         @Schema(description = "Approved at once by the event's automatic policy") boolean automatic,
                         @Schema(description = "Why the organizer rejected it") String decisionReason,
                         @Schema(description = "Why the provider refused it, last time it did") String failureReason,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant decidedAt,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {

    public static RefundView of(OrderRefund r) {
        return new RefundView(r.id(), r.orderId(), r.eventId(), r.status(), r.amount(), r.fee(), r.currency(),
                r.ticketIds(), r.reason(), r.automatic(), r.decisionReason(), r.failureReason(), r.decidedAt(), r.createdAt());
    }
}
