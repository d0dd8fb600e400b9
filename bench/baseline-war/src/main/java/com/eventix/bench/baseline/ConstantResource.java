package com.eventix.bench.baseline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /api/constant/{bytes}: a constant JSON document of about that many bytes (a page of event-like items),
 * made once per size and then returned as it is. What HTTP, Payara Micro and JAX-RS cost without any work of
 * the application. POST takes a JSON body as well (read, not parsed): the bare cost of a scan's request.
 */
@Path("/constant")
public class ConstantResource {
    private static final Map<Integer, String> DOCUMENTS = new ConcurrentHashMap<>();

    @GET
    @Path("/{bytes}")
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("bytes") int bytes) {
        return DOCUMENTS.computeIfAbsent(Math.max(64, Math.min(bytes, 1_000_000)), ConstantResource::document);
    }

    @POST
    @Path("/{bytes}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String post(@PathParam("bytes") int bytes, String body) {
        return get(bytes);
    }

    private static String document(int bytes) {
        StringBuilder b = new StringBuilder("{\"items\":[");
        int i = 0;
        while (b.length() < bytes - 200) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"00000000-0000-4000-8000-").append(String.format("%012d", i))
                    .append("\",\"title\":\"Baseline Event ").append(i)
                    .append("\",\"category\":\"music\",\"location\":\"Harbour Arena, Accra\",")
                    .append("\"startTime\":\"2027-01-01T20:00:00Z\",\"minPrice\":25.00}");
            i++;
        }
        b.append("],\"page\":1,\"size\":").append(i).append(",\"total\":").append(i).append(",\"pad\":\"");
        while (b.length() < bytes - 2) {
            b.append('x');
        }
        return b.append("\"}").toString();
    }
}
