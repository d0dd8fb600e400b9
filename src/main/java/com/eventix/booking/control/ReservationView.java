package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hold as its owner sees it. */
@Schema(name = "Reservation")
public record ReservationView(UUID reservationId,
                              UUID eventId,
                              UUID tierId,
                              @Schema(example = "2") int quantity,
                              @Schema(example = "25.50") BigDecimal unitPrice,
                              @Schema(description = "quantity × unitPrice, exact", example = "51.00") BigDecimal total,
                              @Schema(example = "USD") String currency,
                              Reservation.Status status,
                              @Schema(description = "When the hold ends unless ordered", example = "2026-04-01T12:15:00Z")
                              Instant expiresAt) {
    public static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.eventId(), r.tierId(), r.quantity(), r.unitPrice(), r.total(),
                r.currency(), r.status(), r.expiresAt());
    }
}
