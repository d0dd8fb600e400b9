package com.eventix.payments.boundary;

import com.eventix.booking.control.OrderView;
import com.eventix.payments.control.OrderPages;
import com.eventix.payments.control.Payments;
import com.eventix.payments.control.RefundRecords;
import com.eventix.payments.control.RefundView;
import com.eventix.payments.control.Refunds;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.idempotency.Idempotency;
import com.eventix.platform.security.CurrentUser;
import com.eventix.platform.observability.Outcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paying for holds, and the buyer's orders. */
@Path("/orders")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class OrdersResource {
    @Inject
    Payments payments;
    @Inject
    OrderPages pages;
    @Inject
    Refunds refunds;
    @Inject
    RefundRecords refundRecords;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    private static final String UNKNOWN_PROVIDER = "UNKNOWN_PAYMENT_PROVIDER: no provider of that name";
    private static final String PROVIDER_REFUSES_AMOUNT = "INVALID_AMOUNT, INVALID_CURRENCY: the provider cannot take "
            + "this amount or currency";
    private static final String PROVIDER_FAILED = "PAYMENT_PROVIDER_ERROR: the provider failed; the order stays "
            + "pending (retryOrderPayment)";
    private static final String PROVIDER_OFF = "PAYMENT_PROVIDER_NOT_CONFIGURED: the provider is not set up here";

    /** The holds to pay for and, optionally, the provider (sandbox, stripe, paystack). */
    @Schema(name = "OrderRequest")
    public static class OrderRequest {
        @NotEmpty @Size(max = 20) @Schema(description = "Your active holds to pay for, all in one currency")
        public List<@NotNull UUID> reservationIds;
        @Size(max = 32) @Schema(description = "sandbox, stripe or paystack; PAYMENT_PROVIDER when absent",
                example = "sandbox")
        public String provider;
    }

    /** What the buyer needs next: where to pay. */
    @Schema(name = "OrderCheckout")
    public record Checkout(UUID orderId, UUID paymentId, Payment.Status status,
                           @Schema(description = "Send the buyer here to pay",
                                   example = "https://eventix.example/api/v1/payments/sandbox/checkout/sbx_3Jd8")
                           String paymentUrl) {
    }

    @POST
    @Outcomes("orders")
    @Operation(operationId = "createOrder", summary = "Order and pay for your holds", description = "Creates the "
            + "order (PENDING) and a payment with the provider; send the buyer to paymentUrl. Tickets are issued when "
            + "the provider confirms the payment: read the order until it is PAID. Send an Idempotency-Key header to "
            + "make retries safe.")
    @APIResponse(responseCode = "201", description = "Where to pay",
            content = @Content(schema = @Schema(implementation = Checkout.class)))
    @APIResponse(responseCode = "400", description = UNKNOWN_PROVIDER)
    @APIResponse(responseCode = "404", description = "NOT_FOUND: a hold that is not yours, or none")
    @APIResponse(responseCode = "409", description = "RESERVATION_NOT_ACTIVE: a hold expired or was released")
    @APIResponse(responseCode = "409", description = "RESERVATION_ALREADY_ORDERED: a hold belongs to another order")
    @APIResponse(responseCode = "409", description = Idempotency.IN_PROGRESS)
    @APIResponse(responseCode = "422", description = "MIXED_CURRENCIES: the holds are in different currencies")
    @APIResponse(responseCode = "422", description = "SALES_CLOSED: a tier is no longer on sale")
    @APIResponse(responseCode = "422", description = PROVIDER_REFUSES_AMOUNT)
    @APIResponse(responseCode = "422", description = Idempotency.REUSED)
    @APIResponse(responseCode = "502", description = PROVIDER_FAILED)
    @APIResponse(responseCode = "503", description = PROVIDER_OFF)
    public Response create(@Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key,
                           @Valid @NotNull OrderRequest body) {
        UUID user = currentUser.id();
        return idempotency.once(user, "order", key, body,
                () -> created(payments.checkout(user, body.reservationIds, body.provider, origin.get())),
                claimedAt -> payments.placed(user, body.reservationIds).map(OrdersResource::created));
    }

    /** Optionally another provider for the new attempt. */
    @Schema(name = "PaymentRetryRequest")
    public static class RetryRequest {
        @Size(max = 32)
        public String provider;
    }

    @POST
    @Path("/{id}/payments")
    @Operation(operationId = "retryOrderPayment", summary = "Try paying a pending order again", description = "When its last payment attempt failed "
            + "before the buyer could pay (e.g. the provider was unreachable) and its holds are still active. An attempt "
            + "still open is first checked with its provider: if it was paid meanwhile, the answer is that payment "
            + "(status COMPLETED) and the order is fulfilled.")
    @APIResponse(responseCode = "201", description = "Where to pay",
            content = @Content(schema = @Schema(implementation = Checkout.class)))
    @APIResponse(responseCode = "400", description = UNKNOWN_PROVIDER)
    @APIResponse(responseCode = "409", description = "PAYMENT_IN_PROGRESS: the last attempt may still be paid")
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the order is not pending")
    @APIResponse(responseCode = "409", description = "RESERVATION_NOT_ACTIVE: a hold expired or was released")
    @APIResponse(responseCode = "409", description = Idempotency.IN_PROGRESS)
    @APIResponse(responseCode = "422", description = PROVIDER_REFUSES_AMOUNT)
    @APIResponse(responseCode = "422", description = Idempotency.REUSED)
    @APIResponse(responseCode = "502", description = PROVIDER_FAILED)
    @APIResponse(responseCode = "503", description = PROVIDER_OFF)
    public Response retry(@PathParam("id") UUID id,
                          @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key,
                          @Valid RetryRequest body) {
        UUID user = currentUser.id();
        RetryRequest request = body == null ? new RetryRequest() : body;
        return idempotency.once(user, "order-payment:" + id, key, request,
                () -> created(payments.retry(user, id, request.provider, origin.get())),
                claimedAt -> payments.retried(user, id, claimedAt).map(OrdersResource::created));
    }

    private static Response created(Payment payment) {
        return Responses.created(URI.create("/api/v1/orders/" + payment.orderId()),
                new Checkout(payment.orderId(), payment.id(), payment.status(), payment.paymentUrl()));
    }

    /** Which tickets of the order (all not yet refunded or asked for, when absent) and why. */
    @Schema(name = "RefundRequest")
    public static class RefundRequest {
        @Size(max = 100)
        @Schema(description = "Tickets of the order to refund; absent or empty: all not yet refunded or asked for")
        public List<@NotNull UUID> ticketIds;
        @jakarta.validation.constraints.NotBlank @Size(max = 2000)
        public String reason;
    }

    /** The order after the request, with the refunds it made (one per event of the tickets). */
    @Schema(name = "RefundRequestResult")
    public record RefundRequestResult(@Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                                      List<RefundView> refunds) {
    }

    @POST
    @Path("/{id}/refund")
    @Outcomes("refund_requests")
    @Operation(operationId = "requestRefund", summary = "Ask for your money back",
            description = "For some or all tickets of your paid order, under each event's refund policy: the fee it "
                    + "keeps is deducted; an automatic policy refunds at once, otherwise the organizer decides. "
                    + "REFUND_NOT_ALLOWED (details.reason: NO_REFUNDS, DEADLINE_PASSED, ORDER_NOT_PAID, "
                    + "PAYMENT_NOT_REFUNDABLE), TICKET_NOT_REFUNDABLE (details.tickets: CHECKED_IN, TRANSFERRED, ...), "
                    + "REFUND_ALREADY_REQUESTED. Send an Idempotency-Key header to make retries safe.")
    @APIResponse(responseCode = "201", description = "The refunds made",
            content = @Content(schema = @Schema(implementation = RefundRequestResult.class)))
    @APIResponse(responseCode = "404", description = "No such order (or ticket of it) of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "TICKET_NOT_REFUNDABLE, REFUND_ALREADY_REQUESTED, "
            + "IDEMPOTENCY_REQUEST_IN_PROGRESS", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "422", description = "REFUND_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response requestRefund(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key,
                                  @Valid @NotNull RefundRequest body) {
        UUID user = currentUser.id();
        return idempotency.once(user, "order-refund:" + id, key, body, () -> {
            List<RefundView> made = refunds.request(user, id, body.ticketIds, body.reason, origin.get()).stream()
                    .map(RefundView::of).toList();
            return Responses.created(URI.create("/api/v1/orders/" + id + "/refunds"), new RefundRequestResult(id, made));
        });
    }

    @GET
    @Path("/{id}/refunds")
    @Operation(operationId = "listOrderRefunds", summary = "The refunds of one of your orders, oldest first",
            description = "Admins may read any order's.")
    @APIResponse(responseCode = "200", description = "The refunds",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "No such order of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listOrderRefunds(@PathParam("id") UUID id) {
        return Responses.ok(refundRecords.ofOrder(currentUser.id(), id, currentUser.isAdmin()).stream()
                .map(RefundView::of).toList());
    }

    @GET
    @Path("/my-orders")
    @Operation(operationId = "listMyOrders", summary = "Your orders, newest first")
    @APIResponse(responseCode = "200", description = "A page of your orders",
            content = @Content(schema = @Schema(ref = "OrderPage")))
    public Response mine(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(pages.ofUser(currentUser.id(), page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "One of your orders", description = "With its latest payment "
            + "and, once PAID, its tickets. Admins may read any order.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("id") UUID id) {
        return Responses.ok(pages.view(id, currentUser.id(), currentUser.isAdmin()));
    }
}
