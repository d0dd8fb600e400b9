package com.eventix.admin.boundary;

import com.eventix.payments.control.PaymentOversight;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins oversee payments across the platform: find them, see the stuck ones and have their provider asked again. */
@Path("/admin/payments")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminPaymentsResource {
    @Inject
    PaymentOversight oversight;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listAdminPayments", summary = "Payments, newest first, found by status, provider, "
            + "event, organizer and time", description = "Every filter is optional; times bound when the payment "
            + "was created (from inclusive, to exclusive).")
    @APIResponse(responseCode = "200", description = "A page of payments",
            content = @Content(schema = @Schema(ref = "AdminPaymentPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad status, id or time, from not before "
            + "to, or bad paging", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listAdminPayments(@QueryParam("status") Payment.Status status,
                                      @Parameter(description = "stripe, paystack, sandbox or free")
                                      @QueryParam("provider") String provider,
                                      @Parameter(description = "Only payments of orders with tickets of this event")
                                      @QueryParam("eventId") UUID eventId,
                                      @Parameter(description = "Only payments for this organizer's events")
                                      @QueryParam("organizerId") UUID organizerId,
                                      @Parameter(description = "Created at or after", schema = @Schema(format = "date-time"))
                                      @QueryParam("from") String from,
                                      @Parameter(description = "Created before", schema = @Schema(format = "date-time"))
                                      @QueryParam("to") String to,
                                      @QueryParam("page") @DefaultValue("1") int page,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        PaymentOversight.Filter filter = PaymentOversight.Filter.of(status, provider, eventId, organizerId, from, to);
        return Responses.ok(oversight.list(filter, page, size));
    }

    @GET
    @Path("/stuck")
    @Operation(operationId = "listStuckPayments", summary = "Payments in flight or being refunded for too long",
            description = "AUTHORIZED, PROCESSING or REFUNDING with no change for olderThanMinutes (30 by default), "
                    + "oldest first: checkouts and refunds the sweeps could not settle.")
    @APIResponse(responseCode = "200", description = "A page of payments",
            content = @Content(schema = @Schema(ref = "AdminPaymentPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: olderThanMinutes not from 1 to 10080, or "
            + "bad paging", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listStuckPayments(@Parameter(description = "How long without a change makes a payment stuck",
                                              schema = @Schema(minimum = "1", maximum = "10080"))
                                      @QueryParam("olderThanMinutes") @DefaultValue("30") int olderThanMinutes,
                                      @QueryParam("page") @DefaultValue("1") int page,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        if (olderThanMinutes < 1 || olderThanMinutes > PaymentOversight.MAX_MINUTES) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid threshold",
                    Map.of("olderThanMinutes", "must be from 1 to " + PaymentOversight.MAX_MINUTES));
        }
        return Responses.ok(oversight.stuck(Duration.ofMinutes(olderThanMinutes), page, size));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryPayment", summary = "Have a stuck payment's provider asked now",
            description = "One in flight is settled as the provider says (paid: its order is fulfilled; failed; or "
                    + "still open); a refund that never reached the provider is asked for again. Audited.")
    @APIResponse(responseCode = "200", description = "The payment afterwards",
            content = @Content(schema = @Schema(implementation = PaymentOversight.View.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such payment",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the payment is neither in flight nor "
            + "being refunded", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response retryPayment(@PathParam("id") UUID id) {
        return Responses.ok(oversight.retry(currentUser.id(), id, origin.get()));
    }
}
