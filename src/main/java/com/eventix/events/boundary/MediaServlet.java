package com.eventix.events.boundary;

import com.eventix.events.control.banners.BannerStorage;
import com.eventix.events.control.banners.StoredObject;
import com.eventix.platform.api.ApiException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves banners kept by the local storage adapter at /media/{key}. Keys are never reused, so responses may be
 * cached for good. (With S3 storage the banner URLs point at the bucket and this finds nothing.)
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {
    @Inject
    BannerStorage storage;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<StoredObject> object;
        try {
            object = storage.read(key);
        } catch (ApiException e) {
            object = Optional.empty();
        }
        if (object.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(object.get().contentType());
        resp.setContentLength(object.get().bytes().length);
        resp.setHeader("Cache-Control", BannerStorage.CACHE_CONTROL);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.getOutputStream().write(object.get().bytes());
    }
}
