package com.eventix.admin.boundary;

import com.eventix.platform.api.Page;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.AuditEntry;
import com.eventix.platform.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for administrators. */
@Path("/admin/audit-log")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AuditLogResource {
    @Inject
    AuditLog auditLog;

    /** An audit row as administrators read it. */
    @Schema(name = "AuditEntry", description = "Who did what to which resource, when and from where")
    public record AuditEntryView(UUID id, UUID actorId, String action, String resourceType, String resourceId,
                                 AuditEntry.Outcome outcome, String ipAddress, String userAgent, String details,
                                 Instant createdAt) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.actorId(), e.action(), e.resourceType(), e.resourceId(),
                    e.outcome(), e.ipAddress(), e.userAgent(), e.details(), e.createdAt());
        }
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(schema = @Schema(ref = "AuditEntryPage")))
    public Response list(@Parameter(description = "Only this action, e.g. ORGANIZER_APPLIED")
                         @QueryParam("action") String action,
                         @Parameter(description = "Only what this user did") @QueryParam("actorId") UUID actorId,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        Page.checkRequest(page, size);
        return Responses.ok(auditLog.search(action, actorId, page, size).map(AuditEntryView::of));
    }
}
