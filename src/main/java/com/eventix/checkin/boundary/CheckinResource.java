package com.eventix.checkin.boundary;

import com.eventix.checkin.control.CheckinScanView;
import com.eventix.checkin.control.CheckinStats;
import com.eventix.checkin.control.CheckinStatsView;
import com.eventix.checkin.control.OfflineBundleView;
import com.eventix.checkin.control.OfflineSync;
import com.eventix.checkin.control.ScanAccess;
import com.eventix.checkin.control.ScanActor;
import com.eventix.checkin.control.ScanAnswer;
import com.eventix.checkin.control.ScanDesk;
import com.eventix.checkin.control.ScanInput;
import com.eventix.checkin.entity.LocalResult;
import com.eventix.checkin.entity.ScanDirection;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.observability.Outcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
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

/** The door: scanner devices and organizers validate scanned ticket codes. */
@Path("/checkin")
@ApplicationScoped
@RolesAllowed({"SCANNER", "ORGANIZER"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Check-in")
public class CheckinResource {
    static final String WHO = "FORBIDDEN: not a scanner of this event (or of this list), nor its organizer";
    static final String REFUSALS = "TICKET_INVALID: the ticket does not admit here; details.reason is one of "
            + "BAD_SIGNATURE, WRONG_EVENT, REVOKED (an older code of a transferred ticket), REFUNDED, CANCELLED, "
            + "NOT_ON_LIST, LIST_CLOSED";

    @Inject
    ScanDesk desk;
    @Inject
    ScanAccess access;
    @Inject
    CheckinStats stats;
    @Inject
    OfflineSync offline;
    @Inject
    ClientOrigin origin;

    @POST
    @Path("/validate")
    @Outcomes("checkins")
    @Operation(operationId = "validateTicket", summary = "Scan a ticket at the door: let it in, or out",
            description = "Every scan is recorded, refused ones too. The first scan of a ticket wins, whatever the "
                    + "concurrency; the same nonce again answers the first result without recording another scan.")
    @APIResponse(responseCode = "200", description = "ADMITTED (or EXITED) with the ticket's tier, holder and entry count",
            content = @Content(schema = @Schema(implementation = CheckinScanView.class)))
    @APIResponse(responseCode = "401", description = "SCANNER_REVOKED: this scanner device was revoked")
    @APIResponse(responseCode = "403", description = WHO)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    @APIResponse(responseCode = "409", description = "ALREADY_CHECKED_IN: inside already; details say when, at which "
            + "gate and by which scanner it was admitted")
    @APIResponse(responseCode = "409", description = "NOT_CHECKED_IN: an exit of a ticket that is not inside")
    @APIResponse(responseCode = "422", description = REFUSALS)
    @APIResponse(responseCode = "422", description = "EXITS_NOT_SCANNED: an exit on a list that does not scan exits")
    public Response validateTicket(@Valid @NotNull CheckinRequests.Validate body) {
        ScanActor actor = access.at(body.eventId, origin.get());
        return answer(desk.scan(actor, ScanInput.online(body.eventId, body.code, null, body.listId,
                body.direction == null ? ScanDirection.ENTRY : body.direction, body.gate, body.nonce,
                body.scannedAt)));
    }

    @GET
    @Path("/event/{eventId}")
    @Operation(operationId = "getCheckinStats", summary = "An event's door figures, live",
            description = "Sold, checked in, inside now (entries minus exits), by tier, list and gate, per 5 minutes, "
                    + "refusals by reason, offline conflicts and the last scan, computed from the recorded scans. For "
                    + "the event's scanners and its organizer.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = CheckinStatsView.class)))
    @APIResponse(responseCode = "401", description = "SCANNER_REVOKED: this scanner device was revoked")
    @APIResponse(responseCode = "403", description = WHO)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response getCheckinStats(@PathParam("eventId") UUID eventId) {
        access.at(eventId, origin.get());
        return Responses.ok(stats.of(eventId));
    }

    @GET
    @Path("/event/{eventId}/offline-bundle")
    @Operation(operationId = "getOfflineBundle", summary = "What a scanner needs to check tickets in offline",
            description = "The event's verification keys (by key id), its lists and their rules, transferred tickets "
                    + "with their lowest valid code version, refunded and cancelled ticket ids, and the tickets "
                    + "admitted (inside or not), with a cursor: ?since=<cursor> answers only the revocations and "
                    + "admissions that changed since (keys, lists and void ids stay whole). About 6 MB of JSON for "
                    + "50,000 tickets all inside; deltas a few kB.")
    @APIResponse(responseCode = "200", description = "The bundle",
            content = @Content(schema = @Schema(implementation = OfflineBundleView.class)))
    @APIResponse(responseCode = "401", description = "SCANNER_REVOKED: this scanner device was revoked")
    @APIResponse(responseCode = "403", description = WHO)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response getOfflineBundle(@PathParam("eventId") UUID eventId,
                                     @Parameter(description = "The cursor of an earlier bundle")
                                     @QueryParam("since") String since) {
        access.at(eventId, origin.get());
        return Responses.ok(offline.bundle(eventId, since));
    }

    @POST
    @Path("/event/{eventId}/sync")
    @Operation(operationId = "syncOfflineScans", summary = "Bring back the scans a device made offline",
            description = "Up to 1,000 scans a batch, decided in the order they were made under the same rules as "
                    + "online scans, as of when they were made; each is recorded once (by nonce), so a batch may be "
                    + "sent again. Verdicts: ACCEPTED, DUPLICATE (another admission was on record: which, when, "
                    + "where), REVOKED_ADMITTED (a void ticket was let in), INVALID. Conflicts are kept and counted "
                    + "in the figures.")
    @APIResponse(responseCode = "200", description = "One verdict per scan, in the order sent",
            content = @Content(schema = @Schema(ref = "OfflineScanVerdictList")))
    @APIResponse(responseCode = "401", description = "SCANNER_REVOKED: this scanner device was revoked")
    @APIResponse(responseCode = "403", description = WHO)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response syncOfflineScans(@PathParam("eventId") UUID eventId, @Valid @NotNull CheckinRequests.Sync body) {
        ScanActor actor = access.at(eventId, origin.get());
        List<ScanInput> scans = body.scans.stream().map(s -> new ScanInput(eventId, s.code, null, s.listId,
                s.direction == null ? ScanDirection.ENTRY : s.direction, s.gate, s.nonce, s.scannedAt, true,
                s.localResult == LocalResult.ADMITTED)).toList();
        return Responses.ok(offline.sync(actor, scans));
    }

    /** A refused scan is recorded, then told as its error. */
    static Response answer(ScanAnswer answer) {
        if (answer.refusal() != null) {
            throw answer.refusal();
        }
        return Responses.ok(answer.passed());
    }
}
