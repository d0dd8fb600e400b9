package com.eventix.admin.boundary;

import com.eventix.identity.control.Bans;
import com.eventix.identity.control.RoleChanges;
import com.eventix.identity.control.Users;
import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.payments.control.OrderPages;
import com.eventix.platform.api.ReasonRequest;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.AuditQuery;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins find accounts and ban or unban them. */
@Path("/admin/users")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminUsersResource {
    @Inject
    Users users;
    @Inject
    Bans bans;
    @Inject
    OrderPages orders;
    @Inject
    RoleChanges roles;
    @Inject
    Organizers organizers;
    @Inject
    AuditLog auditLog;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listUsers", summary = "Accounts, newest first, found by part of their email or name")
    @APIResponse(responseCode = "200", description = "A page of accounts",
            content = @Content(schema = @Schema(ref = "AdminUserPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: invalid paging or status",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listUsers(@Parameter(description = "A part of the email or the name") @QueryParam("q") String q,
                              @Parameter(description = "Only ACTIVE or only BANNED accounts")
                              @QueryParam("status") User.Status status,
                              @QueryParam("page") @DefaultValue("1") int page,
                              @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(users.search(q, status, page, size).map(AdminUserView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUser", summary = "One account with its standing")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getUser(@PathParam("id") UUID id) {
        return Responses.ok(AdminUserView.of(users.get(id)));
    }

    @GET
    @Path("/{id}/orders")
    @Operation(operationId = "listUserOrders", summary = "One account's orders, newest first",
            description = "As the buyer sees them, with their payments' status.")
    @APIResponse(responseCode = "200", description = "A page of orders",
            content = @Content(schema = @Schema(ref = "OrderPage")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listUserOrders(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page,
                                   @QueryParam("size") @DefaultValue("20") int size) {
        users.get(id);
        return Responses.ok(orders.ofUser(id, page, size));
    }

    @GET
    @Path("/{id}/audit-log")
    @Operation(operationId = "listUserAuditEntries", summary = "One account's audit trail, newest first",
            description = "What the user did and what was done to their account (bans, role changes).")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(schema = @Schema(ref = "AuditEntryPage")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listUserAuditEntries(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page,
                                         @QueryParam("size") @DefaultValue("20") int size) {
        users.get(id);
        return Responses.ok(auditLog.search(AuditQuery.involving(id), page, size)
                .map(AuditLogResource.AuditEntryView::of));
    }

    @POST
    @Path("/{id}/role")
    @Operation(operationId = "changeUserRole", summary = "Give an account another role",
            description = "Takes effect with the account's next access token (within JWT_EXPIRY); ban an account to "
                    + "stop it at once. The ORGANIZER role needs a verified organizer profile. Audited.")
    @APIResponse(responseCode = "200", description = "The account with its role",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: role is not ATTENDEE, ORGANIZER or ADMIN",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "ROLE_CHANGE_NOT_ALLOWED: your own account, or ORGANIZER for an "
            + "account without a verified organizer profile (details.reason SELF or NOT_A_VERIFIED_ORGANIZER)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response changeUserRole(@PathParam("id") UUID id, @Valid @NotNull RoleRequest body) {
        boolean organizer = organizers.ofUser(id).map(Organizer::isVerified).orElse(false);
        return Responses.ok(AdminUserView.of(roles.change(currentUser.id(), id, Role.valueOf(body.role), organizer,
                origin.get())));
    }

    @POST
    @Path("/{id}/ban")
    @Operation(operationId = "banUser", summary = "Ban an account, with a reason",
            description = "Ends every sign-in at once (its access tokens are refused within seconds), refuses new "
                    + "ones and releases its holds.")
    @APIResponse(responseCode = "200", description = "The banned account",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "BAN_NOT_ALLOWED: yourself or the last active admin "
            + "(details.reason SELF or LAST_ADMIN); INVALID_STATE_TRANSITION: banned already",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response banUser(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        return Responses.ok(AdminUserView.of(bans.ban(currentUser.id(), id, body.reason, origin.get())));
    }

    @POST
    @Path("/{id}/unban")
    @Operation(operationId = "unbanUser", summary = "Lift an account's ban",
            description = "It can sign in again; sessions the ban ended stay ended.")
    @APIResponse(responseCode = "200", description = "The account, active again",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such account",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: not banned",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response unbanUser(@PathParam("id") UUID id) {
        return Responses.ok(AdminUserView.of(bans.unban(currentUser.id(), id, origin.get())));
    }
}
