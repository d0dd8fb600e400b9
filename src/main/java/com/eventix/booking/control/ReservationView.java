package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hold as its owner sees it. */
@Schema(name = "Reservation")
public record ReservationView(@Schema(type = SchemaType.STRING, format = "uuid") UUID reservationId,
                              @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                              @Schema(type = SchemaType.STRING, format = "uuid") UUID tierId,
                              int quantity, BigDecimal unitPrice, BigDecimal total, String currency,
                              Reservation.Status status,
                              @Schema(type = SchemaType.STRING, format = "date-time") Instant expiresAt) {
    public static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.eventId(), r.tierId(), r.quantity(), r.unitPrice(), r.total(),
                r.currency(), r.status(), r.expiresAt());
    }
}
