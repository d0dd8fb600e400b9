package com.eventix.platform.web;

import com.eventix.platform.api.ApiError;
import com.eventix.platform.api.ApiResponse;
import com.eventix.platform.api.ErrorCode;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cross-origin access for the browser origins listed in CORS_ALLOWED_ORIGINS (none by default), on every path.
 * A listed origin's preflight is answered here with the methods, headers and a max-age; its requests get
 * Access-Control-Allow-Origin with credentials. Any other origin gets no CORS header at all (its preflight a 403),
 * so browsers keep it out. Responses vary by Origin so caches keep them apart.
 */
public class Cors extends HttpFilter {
    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Idempotency-Key";
    static final String EXPOSED = "Location, Retry-After, Idempotent-Replayed, Content-Disposition";
    static final String MAX_AGE = "600";
    private Set<String> allowed;
    private Jsonb json;

    @Override
    public void init() {
        allowed = parse(ConfigProvider.getConfig().getOptionalValue("CORS_ALLOWED_ORIGINS", String.class).orElse(""));
        json = JsonbBuilder.create();
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(Cors::normalize).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Origins compare without case and without a trailing slash ("https://App.example/" = "https://app.example"). */
    static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean listed = allowed.contains(normalize(origin));
        boolean preflight = request.getDispatcherType() == DispatcherType.REQUEST && "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
            if (listed) {
                allow(response, origin);
                response.setHeader("Access-Control-Allow-Methods", METHODS);
                response.setHeader("Access-Control-Allow-Headers", HEADERS);
                response.setHeader("Access-Control-Max-Age", MAX_AGE);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                refuse(response);
            }
            return;
        }
        if (listed) {
            allow(response, origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        }
        chain.doFilter(request, response);
    }

    private static void allow(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin.trim());
        response.setHeader("Access-Control-Allow-Credentials", "true");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.toJson(ApiResponse.failure(new ApiError(ErrorCode.FORBIDDEN,
                "Cross-origin requests from this origin are not allowed", Map.of()))));
    }
}
