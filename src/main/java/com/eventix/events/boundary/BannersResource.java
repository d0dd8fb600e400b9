package com.eventix.events.boundary;

import com.eventix.events.control.Banners;
import com.eventix.events.control.EventView;
import com.eventix.events.control.Events;
import com.eventix.events.control.banners.BannerImages;
import com.eventix.events.entity.Event;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import com.eventix.platform.web.OwnBodyLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's banner image. */
@Path("/events/{id}/banner")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class BannersResource {
    @Inject
    Banners banners;
    @Inject
    BannerImages images;
    @Inject
    Events events;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @PUT
    @OwnBodyLimit
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "uploadEventBanner", summary = "Upload your event's banner", description = "The raw image as the body, Content-Type image/png "
            + "or image/jpeg (checked against the content), at most BANNER_MAX_BYTES (5 MiB by default). The event's "
            + "bannerUrl then points to it; the previous banner is deleted.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The event with its new banner",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_IMAGE: the body is not a readable image")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY: the event is under review, cancelled or completed")
    @APIResponse(responseCode = "413", description = "IMAGE_TOO_LARGE: larger than BANNER_MAX_BYTES")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_IMAGE_TYPE: neither PNG nor JPEG")
    public Response upload(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        Events.Actor actor = new Events.Actor(currentUser.id(), currentUser.isAdmin(), origin.get());
        Event event = banners.replace(actor, id, contentType, readAtMost(body, images.maxBytes() + 1));
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    private static byte[] readAtMost(InputStream body, long limit) {
        try (body) {
            return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
