package com.eventix.admin.boundary;

import com.eventix.platform.api.Responses;
import com.eventix.tickets.control.EventNotices;
import com.eventix.tickets.entity.EventNotice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins see what ticket holders were told: organizers' announcements, reminders and changes. */
@Path("/admin/event-notices")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminEventNoticesResource {
    @Inject
    EventNotices notices;

    @GET
    @Operation(operationId = "listAdminEventNotices", summary = "What ticket holders were told, newest first",
            description = "Announcements (the default filter), reminders and changes of every event or one, with how "
                    + "many holders each has reached.")
    @APIResponse(responseCode = "200", description = "A page of notices",
            content = @Content(schema = @Schema(ref = "EventNoticePage")))
    public Response listAdminEventNotices(@QueryParam("eventId") @Parameter(description = "Only this event's")
                                          UUID eventId,
                                          @QueryParam("kind") @DefaultValue("ANNOUNCEMENT")
                                          @Parameter(description = "REMINDER, CHANGE or ANNOUNCEMENT")
                                          EventNotice.Kind kind,
                                          @QueryParam("page") @DefaultValue("1") int page,
                                          @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(notices.notices(eventId, kind, page, size));
    }
}
