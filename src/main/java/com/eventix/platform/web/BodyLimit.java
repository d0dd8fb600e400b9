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
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 600)
public class BodyLimit implements ContainerRequestFilter {
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
                request.abortWith(Responses.error(tooLarge().code(), tooLarge().getMessage(), tooLarge().details()));
                return;
            }
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large",
                Map.of("body", "must be at most " + maxBytes + " bytes"));
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
                throw tooLarge();
            }
        }
    }
}
