package com.eventix.payouts.control;

import com.eventix.payouts.entity.PayoutHold;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an organizer's payouts are held, and why. */
@Schema(name = "PayoutHold")
public record PayoutHoldView(@Schema(type = SchemaType.STRING, format = "uuid") UUID organizerId,
                             boolean held,
                             String reason,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant heldAt) {

    public static PayoutHoldView of(UUID organizerId, Optional<PayoutHold> hold) {
        return new PayoutHoldView(organizerId, hold.isPresent(), hold.map(PayoutHold::reason).orElse(null),
                hold.map(PayoutHold::heldAt).orElse(null));
    }
}
