package com.eventix.payouts.control;

import com.eventix.payouts.entity.PayoutAccount;
import com.eventix.payouts.entity.PayoutHold;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the organizer's payouts go, and whether an admin holds them. */
@Schema(name = "PayoutAccount")
public record PayoutAccountView(@Schema(description = "STRIPE, PAYSTACK or SANDBOX") String provider,
                                @Schema(description = "The Stripe Connect account id or Paystack recipient code",
                                        example = "acct_1Nv0FGQ9RKHgCVdK") String accountId,
                                @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt,
                                @Schema(description = "Payouts are held by an admin: none is made or sent")
                                boolean held,
                                @Schema(description = "Why they are held") String heldReason) {

    public static PayoutAccountView of(PayoutAccount account, Optional<PayoutHold> hold) {
        return new PayoutAccountView(account.provider().toUpperCase(Locale.ROOT), account.destination(),
                account.updatedAt(), hold.isPresent(), hold.map(PayoutHold::reason).orElse(null));
    }
}
