package com.eventix.checkin.boundary;

import com.eventix.checkin.control.ScannerDevices;
import com.eventix.checkin.control.ScannerTokens;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scanner devices sign in: their key for a short access token. */
@Path("/checkin/devices/token")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class ScannerTokensResource {
    @Inject
    ScannerDevices devices;
    @Inject
    ClientOrigin origin;

    @POST
    @SecurityRequirementsSet
    @Operation(operationId = "createScannerToken", summary = "Exchange a scanner device key for an access token",
            description = "The token has the role SCANNER and is scoped to the device's event (claim eventId) and "
                    + "lists (claim listIds); exchange the key again when it expires. A revoked device is refused "
                    + "here and its tokens stop scanning at once.")
    @APIResponse(responseCode = "200", description = "The device's access token",
            content = @Content(schema = @Schema(implementation = ScannerTokens.ScannerToken.class)))
    @APIResponse(responseCode = "401", description = "INVALID_DEVICE_KEY: unknown or revoked device key")
    public Response createScannerToken(@Valid @NotNull CheckinRequests.DeviceKey body) {
        return Responses.ok(devices.exchange(body.deviceKey, origin.get()));
    }
}
