package com.eventix.payments.boundary;

import com.eventix.payments.control.Payments;
import com.eventix.platform.api.Responses;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where payment providers report. The signature is checked over the exact bytes received. */
@Path("/payments/webhooks/{provider}")
@RequestScoped
@PermitAll
@Tag(name = "Payments")
public class PaymentWebhooksResource {
    @Inject
    Payments payments;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A provider's webhook (stripe, paystack, sandbox)", description = "Verified with the "
            + "provider's documented signature scheme; applied once per provider event id; a repeated delivery is "
            + "acknowledged and changes nothing.")
    @APIResponse(responseCode = "200", description = "Received")
    @APIResponse(responseCode = "400", description = "INVALID_WEBHOOK_SIGNATURE: nothing changed")
    public Response receive(@PathParam("provider") String provider, @Context HttpHeaders headers, byte[] rawBody) {
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, values.isEmpty() ? "" : values.get(0)));
        payments.webhook(provider, rawBody == null ? new byte[0] : rawBody, flat);
        return Responses.ok(null, "Received");
    }
}
