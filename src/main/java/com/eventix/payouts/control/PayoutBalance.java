package com.eventix.payouts.control;

import com.eventix.events.entity.Event;
import com.eventix.payments.control.Ledger;
import com.eventix.payments.entity.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's money in one currency as its organizer sees it: every figure a sum over the ledger. */
@Schema(name = "PayoutBalance")
public record PayoutBalance(@Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                            String eventTitle,
                            @Schema(description = "The event's status; payouts follow COMPLETED") Event.Status eventStatus,
                            String currency,
                            @Schema(description = "Paid by buyers") BigDecimal captured,
                            @Schema(description = "Given back to buyers (negative)") BigDecimal refunded,
                            @Schema(description = "The platform's and the providers' fees (negative)") BigDecimal fees,
                            @Schema(description = "Chargebacks and their reversals") BigDecimal disputes,
                            @Schema(description = "Paid out or being paid out (negative)") BigDecimal paidOut,
                            @Schema(description = "Owed to you now: the sum of all of the above") BigDecimal balance,
                            @Schema(description = "Kept back for late refunds until reserveReleasedAt")
                            BigDecimal reserved,
                            @Schema(description = "The balance less the reserve: the next payout, once it is due")
                            BigDecimal available,
                            @Schema(type = SchemaType.STRING, format = "date-time",
                                    description = "When the event's first payout is due (once it is COMPLETED)")
                            Instant payoutDueAt,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant reserveReleasedAt) {

    static PayoutBalance of(Event event, Ledger.Balance b, PayoutSettings settings, Instant now) {
        String c = b.currency();
        long reserved = Math.min(Math.max(b.total(), 0), settings.reserveOn(b.captured(), event.endTime(), now));
        return new PayoutBalance(event.id(), event.title(), event.status(), c, money(b.captured(), c),
                money(b.refunded(), c), money(b.fees(), c), money(b.disputes(), c), money(b.paidOut(), c),
                money(b.total(), c), money(reserved, c), money(Math.max(b.total() - reserved, 0), c),
                settings.firstPayoutAt(event.endTime()),
                settings.reserveReleasedAt(event.endTime()));
    }

    private static BigDecimal money(long minor, String currency) {
        return LedgerEntry.fromMinor(minor, currency);
    }
}
