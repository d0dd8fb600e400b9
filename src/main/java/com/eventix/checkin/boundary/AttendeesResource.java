package com.eventix.checkin.boundary;

import static com.eventix.checkin.boundary.EventHost.FOREIGN_EVENT;

import com.eventix.checkin.control.AttendeeView;
import com.eventix.checkin.control.Attendees;
import com.eventix.checkin.control.CheckinScanView;
import com.eventix.checkin.control.ScanAccess;
import com.eventix.checkin.control.ScanActor;
import com.eventix.checkin.control.ScanDesk;
import com.eventix.checkin.control.ScanInput;
import com.eventix.checkin.entity.ScanDirection;
import com.eventix.events.control.Events;
import com.eventix.platform.api.Csv;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.concurrency.Bulkhead;
import com.eventix.platform.observability.Outcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The attendee list of an organizer's event (JSON pages or a CSV export), and check-in by hand from it. */
@Path("/events/{eventId}/attendees")
@RequestScoped
@RolesAllowed("ORGANIZER")
@SecurityRequirement(name = "bearer")
@Tag(name = "Check-in")
public class AttendeesResource {
    static final String CSV = Csv.MEDIA_TYPE;
    /** Exports hold a whole event's attendees in memory: a few at a time. */
    private static final Bulkhead EXPORTS = new Bulkhead("attendee-exports", 2, Duration.ofSeconds(5));

    @Inject
    Attendees attendees;
    @Inject
    ScanDesk desk;
    @Inject
    ScanAccess access;
    @Inject
    EventHost host;
    @Inject
    ClientOrigin origin;
    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "listEventAttendees", summary = "Your event's attendees, by holder name",
            description = "Every ticket with its holder, email, tier, status and first check-in; q searches names and "
                    + "emails. With Accept: text/csv, all matching attendees at once as a CSV file.")
    @APIResponse(responseCode = "200", description = "A page of attendees, or all of them as CSV",
            content = {@Content(schema = @Schema(ref = "AttendeePage")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY: too many exports at once; retry after the seconds "
            + "in Retry-After")
    public Response listEventAttendees(@PathParam("eventId") UUID eventId,
                                       @Parameter(description = "Part of a holder's name or email")
                                       @QueryParam("q") String q,
                                       @QueryParam("page") @DefaultValue("1") int page,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        Events.Actor actor = host.actor();
        if (Csv.wanted(headers)) {
            String body = EXPORTS.call(() -> Attendees.csv(attendees.all(actor, eventId, q)));
            return Csv.attachment(body, "attendees-" + eventId + ".csv");
        }
        return Responses.ok(attendees.page(actor, eventId, q, page, size));
    }

    @POST
    @Path("/{ticketId}/check-in")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Outcomes("checkins")
    @Operation(operationId = "checkInAttendee", summary = "Check an attendee in (or out) by hand",
            description = "By ticket id instead of a scanned code, under the same rules as a scan, and recorded as one.")
    @APIResponse(responseCode = "200", description = "ADMITTED (or EXITED) with the ticket's tier, holder and entry count",
            content = @Content(schema = @Schema(implementation = CheckinScanView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    @APIResponse(responseCode = "409", description = "ALREADY_CHECKED_IN: inside already; details say when, at which "
            + "gate and by whom it was admitted")
    @APIResponse(responseCode = "409", description = "NOT_CHECKED_IN: an exit of a ticket that is not inside")
    @APIResponse(responseCode = "422", description = "TICKET_INVALID: details.reason is REFUNDED, CANCELLED, "
            + "NOT_ON_LIST or LIST_CLOSED")
    @APIResponse(responseCode = "422", description = "EXITS_NOT_SCANNED: an exit on a list that does not scan exits")
    public Response checkInAttendee(@PathParam("eventId") UUID eventId, @PathParam("ticketId") UUID ticketId,
                                    @Valid CheckinRequests.Manual body) {
        CheckinRequests.Manual manual = body == null ? new CheckinRequests.Manual() : body;
        ScanActor actor = access.at(eventId, origin.get());
        String nonce = manual.nonce == null || manual.nonce.isBlank() ? "manual:" + UUID.randomUUID() : manual.nonce;
        return CheckinResource.answer(desk.scan(actor, ScanInput.online(eventId, null, ticketId, manual.listId,
                manual.direction == null ? ScanDirection.ENTRY : manual.direction, manual.gate, nonce, null)));
    }
}
