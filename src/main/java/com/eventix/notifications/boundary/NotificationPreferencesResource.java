package com.eventix.notifications.boundary;

import com.eventix.notifications.control.NotificationPreferences;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which kinds of notification the caller gets by email. */
@Path("/users/me/notification-preferences")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications")
public class NotificationPreferencesResource {
    @Inject
    NotificationPreferences preferences;
    @Inject
    CurrentUser currentUser;

    /** A change of preferences. Plain classes: Payara's OpenAPI scanner cannot read constraints on records. */
    @Schema(name = "NotificationPreferencesRequest")
    public static class Changes {
        @NotEmpty @Size(max = 20)
        public List<@Valid @NotNull Change> preferences;
    }

    @Schema(name = "NotificationPreferenceChange")
    public static class Change {
        @NotBlank @Size(max = 64) @Schema(description = "A kind that can be switched off", example = "EVENT_REMINDER")
        public String kind;
        @NotNull @Schema(description = "Send it by email too (otherwise only to the inbox)")
        public Boolean email;
    }

    @GET
    @Operation(operationId = "getMyNotificationPreferences", summary = "Which notifications you get by email",
            description = "Every kind you can switch off, and whether you get it by email. Tickets, refunds, transfers "
                    + "and account mails are always sent. Whatever you switch off still reaches your inbox.")
    @APIResponse(responseCode = "200", description = "Your preferences",
            content = @Content(schema = @Schema(ref = "NotificationPreferenceList")))
    public Response getMyNotificationPreferences() {
        return Responses.ok(preferences.of(currentUser.id()));
    }

    @PUT
    @Operation(operationId = "updateMyNotificationPreferences", summary = "Choose which notifications you get by email",
            description = "Kinds you do not name keep their setting.")
    @APIResponse(responseCode = "200", description = "Your preferences",
            content = @Content(schema = @Schema(ref = "NotificationPreferenceList")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a kind that cannot be switched off, or a "
            + "malformed change")
    public Response updateMyNotificationPreferences(@Valid @NotNull Changes body) {
        List<String> kinds = body.preferences.stream().map(c -> c.kind.trim()).toList();
        List<Boolean> email = body.preferences.stream().map(c -> c.email).toList();
        return Responses.ok(preferences.set(currentUser.id(), kinds, email));
    }
}
