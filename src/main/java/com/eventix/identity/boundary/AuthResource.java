package com.eventix.identity.boundary;

import com.eventix.identity.control.Accounts;
import com.eventix.identity.control.Authentication;
import com.eventix.identity.control.GoogleSignIn;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration, sign-in (password and Google), token refresh and sign-out. */
@Path("/auth")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {
    @Inject
    Accounts accounts;
    @Inject
    Authentication authentication;
    @Inject
    GoogleSignIn google;
    @Inject
    ClientOrigin origin;

    @POST
    @Path("/register")
    @Operation(summary = "Open an attendee account", description = "Sends a welcome email. Rate-limited per client IP.")
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response register(@Valid @NotNull AuthRequests.Register body) {
        var user = accounts.register(new Accounts.Registration(body.email, body.password, body.firstName,
                body.lastName, body.phone), origin.get());
        return Responses.created(URI.create("/api/v1/users/me"), UserView.of(user));
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with email and password")
    @APIResponse(responseCode = "200", description = "An access and refresh token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    public Response login(@Valid @NotNull AuthRequests.Login body) {
        return Responses.ok(TokenView.of(authentication.login(body.email, body.password, origin.get())));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for a new pair",
            description = "Each refresh token works once. Presenting a used one ends every session of that sign-in.")
    @APIResponse(responseCode = "200", description = "A new token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    public Response refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return Responses.ok(TokenView.of(authentication.refresh(body.refreshToken, origin.get())));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the sign-in a refresh token belongs to")
    @APIResponse(responseCode = "200", description = "Signed out")
    public Response logout(@Valid @NotNull AuthRequests.Refresh body) {
        authentication.logout(body.refreshToken, origin.get());
        return Responses.ok(null, "Signed out");
    }

    @GET
    @Path("/oauth/google")
    @Operation(summary = "Start signing in with Google", description = "Redirects to Google (OpenID Connect, PKCE).")
    @APIResponse(responseCode = "302", description = "Redirect to the provider")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    public Response googleStart() {
        return Response.seeOther(google.start()).build();
    }

    @GET
    @Path("/oauth/google/callback")
    @Operation(summary = "Finish signing in with Google", description = "The provider redirects here with code and state.")
    @APIResponse(responseCode = "200", description = "An access and refresh token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    public Response googleCallback(@QueryParam("code") String code, @QueryParam("state") String state) {
        return Responses.ok(TokenView.of(google.complete(code, state, origin.get())));
    }
}
