package com.eventix.identity.boundary;

import com.eventix.identity.control.Accounts;
import com.eventix.identity.control.Authentication;
import com.eventix.identity.control.EmailVerification;
import com.eventix.identity.control.GoogleSignIn;
import com.eventix.identity.control.PasswordResets;
import com.eventix.platform.api.ApiResponse;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Registration, sign-in (password and Google), token refresh and sign-out, email verification, password reset. */
@Path("/auth")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AuthResource {
    @Inject
    Accounts accounts;
    @Inject
    Authentication authentication;
    @Inject
    GoogleSignIn google;
    @Inject
    EmailVerification verification;
    @Inject
    PasswordResets resets;
    @Inject
    ClientOrigin origin;
    @Inject
    CurrentUser currentUser;

    private static final String SERVICE_BUSY = "SERVICE_BUSY: too many password checks at once; retry after the "
            + "seconds in Retry-After";

    @POST
    @Path("/register")
    @Operation(operationId = "registerUser", summary = "Open an attendee account",
            description = "Sends a welcome email with the email verification link. Rate-limited per client IP and per "
                    + "address.")
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "WEAK_PASSWORD: shorter than 10 characters or a common password")
    @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: an account uses this address")
    @APIResponse(responseCode = "503", description = SERVICE_BUSY)
    public Response register(@Valid @NotNull AuthRequests.Register body) {
        var user = accounts.register(new Accounts.Registration(body.email, body.password, body.firstName,
                body.lastName, body.phone), origin.get());
        return Responses.created(URI.create("/api/v1/users/me"), UserView.of(user));
    }

    @POST
    @Path("/login")
    @Operation(operationId = "loginUser", summary = "Sign in with email and password",
            description = "Rate-limited per client IP and per address.")
    @APIResponse(responseCode = "200", description = "An access and refresh token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: no account with this email and password")
    @APIResponse(responseCode = "403", description = "ACCOUNT_DISABLED: the account is banned")
    @APIResponse(responseCode = "503", description = SERVICE_BUSY)
    public Response login(@Valid @NotNull AuthRequests.Login body) {
        return Responses.ok(TokenView.of(authentication.login(body.email, body.password, origin.get())));
    }

    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshTokens", summary = "Trade a refresh token for a new pair",
            description = "Each refresh token works once. Presenting a used one ends every session of that sign-in. "
                    + "A sign-in lasts at most SESSION_MAX_AGE (30 days by default), however often it is refreshed.")
    @APIResponse(responseCode = "200", description = "A new token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN: unknown, expired or signed out")
    @APIResponse(responseCode = "401", description = "REFRESH_TOKEN_REUSED: used before; every session of this "
            + "sign-in has ended")
    @APIResponse(responseCode = "401", description = "SESSION_EXPIRED: the sign-in is older than SESSION_MAX_AGE")
    @APIResponse(responseCode = "403", description = "ACCOUNT_DISABLED: the account is banned")
    public Response refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return Responses.ok(TokenView.of(authentication.refresh(body.refreshToken, origin.get())));
    }

    @POST
    @Path("/logout")
    @Operation(operationId = "logoutUser", summary = "End the sign-in a refresh token belongs to",
            description = "Answers the same whether or not the token was still valid.")
    @APIResponse(responseCode = "200", description = "Signed out")
    public Response logout(@Valid @NotNull AuthRequests.Refresh body) {
        authentication.logout(body.refreshToken, origin.get());
        return Responses.ok(null, "Signed out");
    }

    @GET
    @Path("/oauth/google")
    @Operation(operationId = "startGoogleSignIn", summary = "Start signing in with Google",
            description = "Redirects the browser to Google (OpenID Connect, PKCE).")
    @APIResponse(responseCode = "303", description = "Redirect to Google")
    @APIResponse(responseCode = "503", description = "OAUTH_NOT_CONFIGURED: Google sign-in is not configured")
    public Response googleStart() {
        return Response.seeOther(google.start()).build();
    }

    @GET
    @Path("/oauth/google/callback")
    @Operation(operationId = "completeGoogleSignIn", summary = "Finish signing in with Google",
            description = "Google redirects the browser here with code and state.")
    @APIResponse(responseCode = "200", description = "An access and refresh token pair",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_OAUTH_STATE: unknown, used or expired state")
    @APIResponse(responseCode = "403", description = "OAUTH_EMAIL_NOT_VERIFIED: Google has not verified the address")
    @APIResponse(responseCode = "403", description = "ACCOUNT_DISABLED: the account is banned")
    @APIResponse(responseCode = "409", description = "ACCOUNT_EMAIL_UNVERIFIED: an account with this email exists "
            + "but never verified its email, so it is not linked; verify it (or reset its password) first")
    @APIResponse(responseCode = "409", description = "CONFLICT: the account is linked to another Google account")
    @APIResponse(responseCode = "502", description = "OAUTH_PROVIDER_ERROR: Google's answer was unusable")
    @APIResponse(responseCode = "503", description = "OAUTH_NOT_CONFIGURED: Google sign-in is not configured")
    public Response googleCallback(@QueryParam("code") String code, @QueryParam("state") String state) {
        return Responses.ok(TokenView.of(google.complete(code, state, origin.get())));
    }

    @POST
    @Path("/verify-email")
    @Operation(operationId = "verifyEmail", summary = "Verify your email address with the token from the verification email",
            description = "Each token works once. Rate-limited per client IP.")
    @APIResponse(responseCode = "200", description = "The user, now verified",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_VERIFICATION_TOKEN: unknown, used or expired")
    public Response verifyEmail(@Valid @NotNull AuthRequests.VerifyEmail body) {
        return Responses.ok(UserView.of(verification.verify(body.token, origin.get())), "Email verified");
    }

    @POST
    @Path("/verify-email/resend")
    @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
    @Operation(operationId = "resendVerificationEmail", summary = "Send yourself a new verification email",
            description = "Nothing is sent when the address is verified already. Rate-limited per address.")
    @APIResponse(responseCode = "202", description = "A new verification email is on its way")
    @APIResponse(responseCode = "200", description = "The address is verified already; nothing was sent")
    public Response resendEmailVerification() {
        if (verification.resend(currentUser.id(), origin.get())) {
            return accepted("Verification email sent");
        }
        return Responses.ok(null, "Email already verified");
    }

    @POST
    @Path("/password-reset")
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset email",
            description = "Always answers 202 the same way, whether or not the address has an account. The email "
                    + "holds a single-use link that expires (PASSWORD_RESET_TTL). Rate-limited per client IP and per "
                    + "address.")
    @APIResponse(responseCode = "202", description = "If the address has an account, a reset email is on its way")
    public Response requestPasswordReset(@Valid @NotNull AuthRequests.PasswordReset body) {
        resets.request(body.email, origin.get());
        return accepted("If an account uses this address, a password reset email is on its way");
    }

    @POST
    @Path("/password-reset/confirm")
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the token from the reset email",
            description = "Ends every sign-in of the account and verifies its email. Each token works once.")
    @APIResponse(responseCode = "200", description = "Password changed; sign in with it")
    @APIResponse(responseCode = "400", description = "INVALID_RESET_TOKEN: unknown, used or expired")
    @APIResponse(responseCode = "400", description = "WEAK_PASSWORD: shorter than 10 characters or a common password")
    @APIResponse(responseCode = "503", description = SERVICE_BUSY)
    public Response confirmPasswordReset(@Valid @NotNull AuthRequests.PasswordResetConfirm body) {
        resets.confirm(body.token, body.newPassword, origin.get());
        return Responses.ok(null, "Password changed; sign in with the new password");
    }

    private static Response accepted(String message) {
        return Response.accepted(ApiResponse.ok(null, message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
