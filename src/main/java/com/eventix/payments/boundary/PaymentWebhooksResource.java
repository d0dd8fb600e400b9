package com.eventix.payments.boundary;

import com.eventix.payments.control.Payments;
import com.eventix.platform.api.Responses;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where payment providers report. The signature is checked over the exact bytes received. */
@Path("/payments/webhooks/{provider}")
@ApplicationScoped
@PermitAll
@Tag(name = "Payments")
public class PaymentWebhooksResource {
    @Inject
    Payments payments;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "stripeSignature")
    @SecurityRequirement(name = "paystackSignature")
    @Operation(operationId = "receivePaymentWebhook", summary = "A payment provider's webhook",
            description = "For the providers only. Verified with the provider's documented signature scheme (Stripe "
                    + "and the sandbox: Stripe-Signature; Paystack: x-paystack-signature) over the exact bytes; "
                    + "applied once per provider event id; a repeated delivery is acknowledged and changes nothing. "
                    + "Not rate-limited.")
    @RequestBody(required = true, description = "The provider's event, exactly as it sent it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "The provider's own event format")))
    @APIResponse(responseCode = "200", description = "Received")
    @APIResponse(responseCode = "400", description = "INVALID_WEBHOOK_SIGNATURE: no valid signature; nothing changed")
    @APIResponse(responseCode = "400", description = "UNKNOWN_PAYMENT_PROVIDER: no provider of that name")
    @APIResponse(responseCode = "400", description = "MALFORMED_JSON: the event is not the provider's JSON")
    @APIResponse(responseCode = "503", description = "PAYMENT_PROVIDER_NOT_CONFIGURED: the provider is not set up here")
    public Response receive(@Parameter(schema = @Schema(enumeration = {"stripe", "paystack", "sandbox"}))
                            @PathParam("provider") String provider, @Context HttpHeaders headers, byte[] rawBody) {
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, values.isEmpty() ? "" : values.get(0)));
        payments.webhook(provider, rawBody == null ? new byte[0] : rawBody, flat);
        return Responses.ok(null, "Received");
    }
}
