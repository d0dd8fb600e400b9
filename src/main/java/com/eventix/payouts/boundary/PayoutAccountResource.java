package com.eventix.payouts.boundary;

import com.eventix.payouts.control.PayoutAccountView;
import com.eventix.payouts.control.PayoutAccounts;
import com.eventix.payouts.control.PayoutHolds;
import com.eventix.payouts.entity.PayoutAccount;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an organizer's payouts go. (Each path its own class: a class at /organizers/me would hide
 * OrganizersResource's GET /organizers/me.) */
@Path("/organizers/me/payout-account")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payouts")
public class PayoutAccountResource {
    @Inject
    PayoutAccounts accounts;
    @Inject
    PayoutHolds holds;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @PUT
    @Operation(operationId = "setPayoutAccount", summary = "Set where your payouts go",
            description = "Payouts made from now on go to this account; earlier ones keep theirs.")
    @APIResponse(responseCode = "200", description = "Your payout account",
            content = @Content(schema = @Schema(implementation = PayoutAccountView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: unknown provider, or an account id not shaped "
            + "like the provider's (details per field)", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "403", description = "ORGANIZER_NOT_VERIFIED: your organizer profile is not verified",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response setPayoutAccount(@Valid @NotNull PayoutAccountRequest body) {
        PayoutAccount account = accounts.set(currentUser.id(), body.provider, body.accountId, origin.get());
        return Responses.ok(PayoutAccountView.of(account, holds.of(account.organizerId())));
    }

    @GET
    @Operation(operationId = "getPayoutAccount", summary = "Where your payouts go, and whether they are held")
    @APIResponse(responseCode = "200", description = "Your payout account",
            content = @Content(schema = @Schema(implementation = PayoutAccountView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no payout account set yet (or no organizer profile)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getPayoutAccount() {
        PayoutAccount account = accounts.mine(currentUser.id());
        return Responses.ok(PayoutAccountView.of(account, holds.of(account.organizerId())));
    }
}
