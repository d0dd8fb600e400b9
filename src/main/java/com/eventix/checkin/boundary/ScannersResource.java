package com.eventix.checkin.boundary;

import static com.eventix.checkin.boundary.EventHost.FOREIGN_EVENT;

import com.eventix.checkin.control.IssuedScannerView;
import com.eventix.checkin.control.ScannerDeviceView;
import com.eventix.checkin.control.ScannerDevices;
import com.eventix.platform.api.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The door scanners of an organizer's event: issue one (its key is shown once), list them, revoke one. */
@Path("/events/{eventId}/scanners")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Check-in")
public class ScannersResource {
    @Inject
    ScannerDevices devices;
    @Inject
    EventHost host;

    @POST
    @Operation(operationId = "createScannerDevice", summary = "Issue a scanner device for your event",
            description = "Answers the device key once: the device exchanges it at POST /api/v1/checkin/devices/token "
                    + "for a short SCANNER token scoped to this event (and to listIds, if given).")
    @APIResponse(responseCode = "201", description = "The device and its key",
            content = @Content(schema = @Schema(implementation = IssuedScannerView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response createScannerDevice(@PathParam("eventId") UUID eventId,
                                        @Valid @NotNull CheckinRequests.NewScanner body) {
        ScannerDevices.Issued issued = devices.create(host.actor(), eventId, body.name.trim(), body.gate, body.listIds);
        return Responses.created(URI.create("/api/v1/events/" + eventId + "/scanners/" + issued.device().id()),
                IssuedScannerView.of(issued));
    }

    @GET
    @Operation(operationId = "listScannerDevices", summary = "Your event's scanner devices, revoked ones included")
    @APIResponse(responseCode = "200", description = "The devices",
            content = @Content(schema = @Schema(ref = "ScannerDeviceList")))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    public Response listScannerDevices(@PathParam("eventId") UUID eventId) {
        return Responses.ok(devices.of(host.actor(), eventId).stream().map(ScannerDeviceView::of).toList());
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(operationId = "revokeScannerDevice", summary = "Revoke a scanner device of your event",
            description = "Its key no longer buys tokens, and the tokens it holds no longer scan, from now on.")
    @APIResponse(responseCode = "200", description = "The revoked device",
            content = @Content(schema = @Schema(implementation = ScannerDeviceView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    public Response revokeScannerDevice(@PathParam("eventId") UUID eventId, @PathParam("deviceId") UUID deviceId) {
        return Responses.ok(ScannerDeviceView.of(devices.revoke(host.actor(), eventId, deviceId)));
    }
}
