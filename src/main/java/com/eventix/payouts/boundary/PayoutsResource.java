package com.eventix.payouts.boundary;

import com.eventix.payouts.control.PayoutAccountView;
import com.eventix.payouts.control.PayoutAccounts;
import com.eventix.payouts.control.PayoutHolds;
import com.eventix.payouts.control.PayoutQueries;
import com.eventix.payouts.control.PayoutView;
import com.eventix.payouts.entity.PayoutAccount;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organizer's payouts: where they go, what is owed per event, and what was paid. */
@Path("/organizers/me")
@RequestScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payouts")
public class PayoutsResource {
    @Inject
    PayoutAccounts accounts;
    @Inject
    PayoutHolds holds;
    @Inject
    PayoutQueries queries;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @PUT
    @Path("/payout-account")
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
    @Path("/payout-account")
    @Operation(operationId = "getPayoutAccount", summary = "Where your payouts go, and whether they are held")
    @APIResponse(responseCode = "200", description = "Your payout account",
            content = @Content(schema = @Schema(implementation = PayoutAccountView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no payout account set yet (or no organizer profile)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getPayoutAccount() {
        PayoutAccount account = accounts.mine(currentUser.id());
        return Responses.ok(PayoutAccountView.of(account, holds.of(account.organizerId())));
    }

    @GET
    @Path("/balance")
    @Operation(operationId = "getPayoutBalance", summary = "What you are owed, per event and currency",
            description = "Every figure is a sum over the ledger: captured, refunded, fees, disputes, paid out, the "
                    + "reserve kept for late refunds and what the next payout will be.")
    @APIResponse(responseCode = "200", description = "Your events with money on them",
            content = @Content(schema = @Schema(ref = "PayoutBalanceList")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have no organizer profile",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getPayoutBalance() {
        return Responses.ok(queries.balancesOf(currentUser.id()));
    }

    @GET
    @Path("/payouts")
    @Operation(operationId = "listPayouts", summary = "Your payouts, newest first")
    @APIResponse(responseCode = "200", description = "A page of payouts",
            content = @Content(schema = @Schema(ref = "PayoutPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: invalid paging",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have no organizer profile",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listPayouts(@QueryParam("page") @DefaultValue("1") int page,
                                @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(queries.ofOrganizer(currentUser.id(), page, size).map(PayoutView::of));
    }
}
