package com.eventix.payouts.control;

import com.eventix.payments.entity.LedgerEntry;
import com.eventix.payouts.entity.Payout;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payout as its organizer and admins read it. */
@Schema(name = "Payout")
public record PayoutView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID organizerId,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                         @Schema(description = "What is paid out, exact, in currency") BigDecimal amount,
                         String currency,
                         @Schema(description = "SCHEDULED, SENDING (being sent, or retried after a failed attempt), "
                                 + "PAID, FAILED (given up: the money is owed again)") Payout.Status status,
                         @Schema(description = "stripe, paystack or sandbox") String provider,
                         @Schema(description = "The provider's id of the transfer") String providerTransferId,
                         int attempts,
                         @Schema(description = "Why the last attempt failed") String lastError,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant nextAttemptAt,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant paidAt) {

    public static PayoutView of(Payout p) {
        return new PayoutView(p.id(), p.organizerId(), p.eventId(), LedgerEntry.fromMinor(p.amountMinor(), p.currency()),
                p.currency(), p.status(), p.provider(), p.providerTransferId(), p.attempts(), p.lastError(),
                p.status() == Payout.Status.PAID || p.status() == Payout.Status.FAILED ? null : p.nextAttemptAt(),
                p.createdAt(), p.paidAt());
    }
}
