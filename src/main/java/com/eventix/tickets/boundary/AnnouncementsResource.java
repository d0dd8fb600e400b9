package com.eventix.tickets.boundary;

import com.eventix.events.control.Events;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.EventNotices;
import com.eventix.tickets.control.NoticeView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** An organizer's messages to the ticket holders of their event. */
@Path("/events/{eventId}/announcements")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tickets")
public class AnnouncementsResource {
    private static final String FOREIGN_EVENT = "FORBIDDEN: the event belongs to another organizer";

    @Inject
    EventNotices notices;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    /** An announcement. Plain class: Payara's OpenAPI scanner cannot read constraints on records. */
    @Schema(name = "AnnouncementRequest")
    public static class Announcement {
        @NotBlank @Size(max = 200) @Schema(example = "Doors open at 18:00")
        public String subject;
        @NotBlank @Size(max = 5000) @Schema(example = "Come early: the support act starts at 18:30.")
        public String message;
    }

    @POST
    @Operation(operationId = "announceToTicketHolders", summary = "Send a message to your event's ticket holders",
            description = "Mailed to every holder of a valid ticket within moments, once each (holders who switched "
                    + "announcements off find it in their inbox). At most ANNOUNCEMENTS_PER_DAY (3 by default) per "
                    + "event in any 24 hours.")
    @APIResponse(responseCode = "201", description = "The announcement, being sent",
            content = @Content(schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: subject or message missing or too long")
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event")
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: announcements go to an event on sale")
    public Response announceToTicketHolders(@PathParam("eventId") UUID eventId,
                                            @Valid @NotNull Announcement body) {
        Events.Actor actor = new Events.Actor(currentUser.id(), false, origin.get());
        NoticeView notice = NoticeView.of(notices.announce(actor, eventId, body.subject, body.message), 0);
        return Responses.created(URI.create("/api/v1/events/" + eventId + "/announcements"), notice);
    }

    @GET
    @Operation(operationId = "listEventAnnouncements", summary = "Your event's announcements, newest first",
            description = "With how many holders each has reached so far.")
    @APIResponse(responseCode = "200", description = "A page of announcements",
            content = @Content(schema = @Schema(ref = "EventNoticePage")))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event")
    public Response listEventAnnouncements(@PathParam("eventId") UUID eventId,
                                           @QueryParam("page") @DefaultValue("1") int page,
                                           @QueryParam("size") @DefaultValue("20") int size) {
        Events.Actor actor = new Events.Actor(currentUser.id(), false, origin.get());
        return Responses.ok(notices.announcements(actor, eventId, page, size));
    }
}
