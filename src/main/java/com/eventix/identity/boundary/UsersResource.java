package com.eventix.identity.boundary;

import com.eventix.identity.control.Accounts;
import com.eventix.identity.control.Users;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/** The signed-in user's own profile. */
@Path("/users")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Identity")
public class UsersResource {
    @Inject
    Users users;
    @Inject
    Accounts accounts;
    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/me")
    @Operation(operationId = "getMyProfile", summary = "Your profile")
    @APIResponse(responseCode = "200", description = "The signed-in user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response me() {
        return Responses.ok(UserView.of(users.get(currentUser.id())));
    }

    @PUT
    @Path("/me")
    @Operation(operationId = "updateMyProfile", summary = "Change your name or phone",
            description = "Only the fields present change.")
    @APIResponse(responseCode = "200", description = "The updated user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response update(@Valid @NotNull AuthRequests.UpdateProfile body) {
        var user = accounts.updateProfile(currentUser.id(),
                new Accounts.ProfileChange(body.firstName, body.lastName, body.phone));
        return Responses.ok(UserView.of(user));
    }
}
