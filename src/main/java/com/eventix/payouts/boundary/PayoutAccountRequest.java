package com.eventix.payouts.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where payouts should go. */
@Schema(name = "PayoutAccountRequest")
public class PayoutAccountRequest {
    @NotBlank
    @Size(max = 16)
    @Schema(description = "STRIPE or PAYSTACK (SANDBOX where the sandbox is enabled)", example = "STRIPE")
    public String provider;
    @NotBlank
    @Size(max = 100)
    @Schema(description = "A Stripe Connect account id (acct_…) or a Paystack transfer recipient code (RCP_…)",
            example = "acct_1Nv0FGQ9RKHgCVdK")
    public String accountId;
}
