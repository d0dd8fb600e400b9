package com.eventix.admin.boundary;

import com.eventix.platform.api.Page;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.AuditEntry;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.AuditQuery;
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
@ApplicationScoped
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
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log, newest first",
            description = "Every filter is optional and they combine: by action, by who acted, by the resource acted on "
                    + "and by time (from inclusive, to exclusive).")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(schema = @Schema(ref = "AuditEntryPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad time, from not before to, a filter "
            + "longer than 64 characters, or bad paging", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response list(@Parameter(description = "Only this action, e.g. ORGANIZER_APPLIED")
                         @QueryParam("action") String action,
                         @Parameter(description = "Only what this user did") @QueryParam("actorId") UUID actorId,
                         @Parameter(description = "Only actions on this kind of resource, e.g. user, order, payment")
                         @QueryParam("resourceType") String resourceType,
                         @Parameter(description = "Only actions on this resource (its id)")
                         @QueryParam("resourceId") String resourceId,
                         @Parameter(description = "Only entries at or after this time",
                                 schema = @Schema(format = "date-time")) @QueryParam("from") String from,
                         @Parameter(description = "Only entries before this time",
                                 schema = @Schema(format = "date-time")) @QueryParam("to") String to,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        AuditQuery query = AuditQuery.of(action, actorId, resourceType, resourceId, from, to);
        return Responses.ok(auditLog.search(query, page, size).map(AuditEntryView::of));
    }
}
