package com.eventix.identity.boundary;

import static com.eventix.platform.api.HtmlPage.escape;

import com.eventix.identity.control.EmailVerification;
import com.eventix.identity.control.PasswordResets;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.HtmlPage;
import com.eventix.platform.api.RetryLaterException;
import com.eventix.platform.audit.ClientOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages the links in account emails open (EMAIL_VERIFICATION_URL, PASSWORD_RESET_URL by default): plain
 * forms for people, posting to the same controls as the JSON endpoints. Opening a link changes nothing; only the
 * button does, because mail scanners open links on their own and would spend the token.
 */
@Path("/account")
@ApplicationScoped
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AccountPagesResource {
    @Inject
    EmailVerification verification;
    @Inject
    PasswordResets resets;
    @Inject
    ClientOrigin origin;

    @GET
    @Path("/verify-email")
    @Operation(hidden = true)
    public String verifyEmailPage(@QueryParam("token") String token) {
        return HtmlPage.of("Verify your email address", "<form method=\"post\">" + tokenField(token)
                + "<button>Verify my email address</button></form>");
    }

    @POST
    @Path("/verify-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response verifyEmail(@FormParam("token") String token) {
        try {
            verification.verify(token == null ? "" : token, origin.get());
            return page(200, "Email address verified", "<p>Thank you: your email address is verified.</p>");
        } catch (ApiException e) {
            return refused("Email address not verified", e);
        }
    }

    @GET
    @Path("/reset-password")
    @Operation(hidden = true)
    public String resetPasswordPage(@QueryParam("token") String token) {
        return HtmlPage.of("Choose a new password", "<form method=\"post\">" + tokenField(token)
                + "<label>New password <input type=\"password\" name=\"newPassword\" autocomplete=\"new-password\" "
                + "required minlength=\"10\"></label> <button>Set the new password</button></form>");
    }

    @POST
    @Path("/reset-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resetPassword(@FormParam("token") String token, @FormParam("newPassword") String newPassword) {
        try {
            resets.confirm(token == null ? "" : token, newPassword == null ? "" : newPassword, origin.get());
            return page(200, "Password changed", "<p>Your password is changed and every earlier sign-in has ended. "
                    + "Sign in with the new password.</p>");
        } catch (ApiException e) {
            return refused("Password not changed", e);
        }
    }

    private static String tokenField(String token) {
        return "<input type=\"hidden\" name=\"token\" value=\"" + escape(token == null ? "" : token) + "\">";
    }

    private static Response refused(String title, ApiException e) {
        Response.ResponseBuilder answer = Response.status(e.code().status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(HtmlPage.of(title, "<p>" + escape(e.getMessage()) + "</p>"));
        return e instanceof RetryLaterException later
                ? answer.header("Retry-After", later.retryAfterSeconds()).build() : answer.build();
    }

    private static Response page(int status, String title, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(HtmlPage.of(title, body)).build();
    }
}
