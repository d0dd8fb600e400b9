package com.eventix.notifications.boundary;

import com.eventix.notifications.control.Inbox;
import com.eventix.notifications.control.NotificationView;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notifications inbox. */
@Path("/notifications")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications")
public class NotificationsResource {
    @Inject
    Inbox inbox;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "listMyNotifications", summary = "Your notifications, newest first",
            description = "Every email Eventix sent you, with whether you have read it here.")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            content = @Content(schema = @Schema(ref = "NotificationPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: unread is neither true nor false, or the "
            + "paging is out of range")
    public Response listMyNotifications(@Parameter(description = "Only the unread ones",
                                                   schema = @Schema(type = SchemaType.BOOLEAN))
                                        @QueryParam("unread") @DefaultValue("false") String unread,
                                        @QueryParam("page") @DefaultValue("1") int page,
                                        @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(inbox.of(currentUser.id(), flag("unread", unread), page, size));
    }

    /** A true/false parameter read strictly: "null" or "yes" is a mistake to name, not false. */
    private static boolean flag(String name, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid parameter",
                    Map.of(name, "must be true or false"));
        };
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countMyUnreadNotifications", summary = "How many of your notifications are unread")
    @APIResponse(responseCode = "200", description = "The count",
            content = @Content(schema = @Schema(implementation = Inbox.Unread.class)))
    public Response countMyUnreadNotifications() {
        return Responses.ok(new Inbox.Unread(inbox.unread(currentUser.id())));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of your notifications read")
    @APIResponse(responseCode = "200", description = "The notification, read",
            content = @Content(schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such notification of yours")
    public Response markNotificationRead(@PathParam("id") UUID id) {
        return Responses.ok(inbox.markRead(currentUser.id(), id));
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read")
    @APIResponse(responseCode = "200", description = "How many were unread",
            content = @Content(schema = @Schema(implementation = Inbox.Marked.class)))
    public Response markAllNotificationsRead() {
        return Responses.ok(inbox.markAllRead(currentUser.id()));
    }
}
