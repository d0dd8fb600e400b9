package com.eventix.tickets.boundary;

import com.eventix.events.control.Events;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.EventKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public half of an event's ticket-signing key, which door scanners download before the event to check QR
 * codes offline. It is public by nature; it is served for events the caller may see.
 */
@Path("/events/{id}/ticket-key")
@ApplicationScoped
@PermitAll
@Tag(name = "Tickets")
public class ScannerKeyResource {
    @Inject
    Events events;
    @Inject
    EventKeys keys;
    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getEventTicketKey", summary = "The key that verifies an event's ticket codes offline",
            description = "The raw 32-byte Ed25519 public key (RFC 8032) as unpadded base64url, and its id (16 hex "
                    + "digits of its SHA-256). A ticket code is EVX1.<payload>.<signature>, both unpadded base64url; "
                    + "the signature is over the ASCII text before the second dot. The payload is ticket id, event id, "
                    + "tier id (16 bytes each), an 8-byte nonce and the code version (int32, big-endian). The key of "
                    + "an event never changes, so scanners may keep it. Served for events you may see (drafts: their "
                    + "organizer and admins, with their token).")
    @APIResponse(responseCode = "200", description = "The event's public key",
            content = @Content(schema = @Schema(implementation = EventKeys.ScannerKey.class)))
    public Response get(@PathParam("id") UUID eventId) {
        events.visible(eventId, currentUser.maybeId().orElse(null), currentUser.isAdmin());
        return Response.fromResponse(Responses.ok(keys.scannerKey(eventId)))
                .header("Cache-Control", "public, max-age=86400").build();
    }
}
