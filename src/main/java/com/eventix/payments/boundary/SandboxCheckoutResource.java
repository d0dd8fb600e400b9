package com.eventix.payments.boundary;

import com.eventix.payments.control.providers.SandboxProvider;
import com.eventix.payments.control.providers.SandboxWebhooks;
import static com.eventix.platform.api.HtmlPage.escape;

import com.eventix.platform.api.HtmlPage;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox provider's hosted checkout page (development and demos; off unless SANDBOX_ENABLED=true). */
@Path("/payments/sandbox/checkout/{reference}")
@RequestScoped
@PermitAll
@Tag(name = "Payments")
public class SandboxCheckoutResource {
    @Inject
    SandboxProvider sandbox;
    @Inject
    SandboxWebhooks webhooks;
    @Context
    UriInfo uri;

    private static final String SANDBOX_OFF = "PAYMENT_PROVIDER_NOT_CONFIGURED: the sandbox is off (SANDBOX_ENABLED)";
    private static final String UNKNOWN = "NOT_FOUND: no checkout with this reference";

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getSandboxCheckout", summary = "The sandbox provider's checkout page (HTML)",
            description = "For people: Pay or Decline; the sandbox then calls the webhook. Only with SANDBOX_ENABLED.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "503", description = SANDBOX_OFF)
    public String page(@PathParam("reference") String reference) {
        SandboxProvider.Page page = sandbox.page(reference);
        String amount = escape(page.amount().toPlainString() + " " + page.currency());
        if (!"OPEN".equals(page.state())) {
            return HtmlPage.of("Checkout closed", "<p>This checkout is " + escape(page.state().toLowerCase()) + ".</p>");
        }
        return HtmlPage.of("Eventix sandbox checkout", "<p>Amount due: <strong>" + amount + "</strong></p>"
                + "<form method=\"post\" action=\"" + escape(reference) + "/pay\"><button>Pay " + amount + "</button></form>"
                + "<form method=\"post\" action=\"" + escape(reference) + "/decline\"><button>Decline</button></form>");
    }

    @POST
    @Path("/pay")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "paySandboxCheckout", summary = "Pay on the sandbox checkout page (HTML form)")
    @APIResponse(responseCode = "200", description = "The page saying the payment was received",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "CONFLICT: the checkout was declined or closed already")
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "503", description = SANDBOX_OFF)
    public String pay(@PathParam("reference") String reference) {
        return decide(reference, true);
    }

    @POST
    @Path("/decline")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "declineSandboxCheckout", summary = "Decline on the sandbox checkout page (HTML form)")
    @APIResponse(responseCode = "200", description = "The page saying no money was taken",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "CONFLICT: the checkout was paid or closed already")
    @APIResponse(responseCode = "404", description = UNKNOWN)
    @APIResponse(responseCode = "503", description = SANDBOX_OFF)
    public String decline(@PathParam("reference") String reference) {
        return decide(reference, false);
    }

    /**
     * Records the payer's decision and announces it at once; a delivery that fails is retried later (see
     * {@link SandboxWebhooks}), as a real provider's would be, so the payer is told what they decided either way.
     */
    private String decide(String reference, boolean pay) {
        SandboxProvider.Page page = sandbox.page(reference);
        if (page.state().equals(pay ? "PAID" : "DECLINED")) {
            // The payer is back (their shop never heard of the payment): the same answer, and the news sent again now.
            sandbox.announceAgainNow(reference);
        } else {
            sandbox.close(reference, pay, uri.getBaseUriBuilder().path("payments/webhooks/" + SandboxProvider.NAME).build());
        }
        webhooks.deliver(reference);
        return HtmlPage.of(pay ? "Payment received" : "Payment declined",
                pay ? "<p>Thank you. Your tickets are on their way.</p>" : "<p>No money was taken.</p>");
    }
}
