package com.eventix.platform.web;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Responses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies of at most MAX_REQUEST_BODY bytes: a larger declared Content-Length is refused before anything
 * is read, and a body that grows past the limit while being read (chunked, or lying about its length) fails the
 * read; either way the client gets 413 PAYLOAD_TOO_LARGE. Methods marked {@link OwnBodyLimit} bound their own.
 * <p>
 * Before answering, up to {@link #SWALLOW} more bytes of the refused body are read and dropped (never kept):
 * a client still sending does not read the answer until its body is out, and a connection closed under it loses
 * the answer. Beyond that the connection is closed, as any server must.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 600)
public class BodyLimit implements ContainerRequestFilter {
    static final long SWALLOW = 8L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "MAX_REQUEST_BODY")
    long maxBytes;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(OwnBodyLimit.class)) {
            return;
        }
        String declared = request.getHeaderString("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > maxBytes) {
                ApiException tooLarge = tooLarge();
                Response response = Responses.error(tooLarge.code(), tooLarge.getMessage(), tooLarge.details());
                if (length > SWALLOW || !swallow(request.getEntityStream())) {
                    response = Response.fromResponse(response).header("Connection", "close").build();
                }
                request.abortWith(response);
                return;
            }
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large",
                Map.of("body", "must be at most " + maxBytes + " bytes"));
    }

    /** Reads and drops at most {@link #SWALLOW} bytes; whether the body ended within them. */
    private static boolean swallow(InputStream in) {
        byte[] buffer = new byte[8192];
        long dropped = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                dropped += n;
                if (dropped > SWALLOW) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Counts what is read; the first byte past the limit fails the read with the 413 failure. */
    private final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - count + 1)));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, Math.max(1, limit - count + 1)));
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                swallow(in);
                throw tooLarge();
            }
        }
    }
}
