package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.RefundPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event's refund policy as buyers read it before paying. */
@Schema(name = "RefundPolicy")
public record RefundPolicyView(
        @Schema(description = "NONE: no refunds on request; AUTOMATIC: refunded at once; APPROVAL: the organizer decides")
        RefundPolicy.Mode mode,
        @Schema(description = "Requests are taken until this many hours before the start") int deadlineHoursBeforeStart,
        @Schema(type = SchemaType.STRING, format = "date-time",
                description = "The last moment a request is taken; absent when refunds are not offered")
        Instant refundableUntil,
        @Schema(description = "Percentage of a ticket's price kept per refunded ticket") BigDecimal feePercent,
        @Schema(description = "Fixed amount kept per refunded ticket, in the event's currency") BigDecimal feeFixed,
        String currency) {

    public static RefundPolicyView of(Event event) {
        RefundPolicy p = event.refundPolicy();
        return new RefundPolicyView(p.mode(), p.deadlineHours(), p.deadline(event.startTime()), p.feePercent(),
                p.feeFixed(), event.currency());
    }
}
