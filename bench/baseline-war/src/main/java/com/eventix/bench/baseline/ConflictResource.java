package com.eventix.bench.baseline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POST /api/conflict/{bytes}: 409 with a constant JSON error envelope of about that many bytes, the body read and
 * not parsed. What a sold-out answer costs without any work of the application.
 */
@Path("/conflict")
public class ConflictResource {
    private static final Map<Integer, String> BODIES = new ConcurrentHashMap<>();

    @POST
    @Path("/{bytes}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("bytes") int bytes, String body) {
        return Response.status(Response.Status.CONFLICT)
                .entity(BODIES.computeIfAbsent(Math.max(64, Math.min(bytes, 100_000)), ConflictResource::envelope))
                .build();
    }

    private static String envelope(int bytes) {
        StringBuilder b = new StringBuilder("{\"success\":false,\"error\":{\"code\":\"TICKET_NOT_AVAILABLE\","
                + "\"message\":\"Ticket tier sold out\",\"details\":{\"remaining\":0,\"requested\":1,\"pad\":\"");
        while (b.length() < bytes - 4) {
            b.append('x');
        }
        return b.append("\"}}}").toString();
    }
}
