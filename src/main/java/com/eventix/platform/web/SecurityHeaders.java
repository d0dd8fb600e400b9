package com.eventix.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Security headers on every response the application serves (API, health, metrics, OpenAPI, Swagger UI, media,
 * error pages; mapped for REQUEST and ERROR dispatches in web.xml). No page may be framed (clickjacking); content
 * types are not sniffed; no referrer leaves; HTTPS is pinned (HSTS) when PUBLIC_BASE_URL is https. The content
 * policy restricts framing only: Swagger UI runs an inline script, the sandbox checkout posts plain forms.
 */
public class SecurityHeaders extends HttpFilter {
    static final String HSTS = "max-age=31536000";

    private boolean https;

    @Override
    public void init() {
        https = httpsOnly(ConfigProvider.getConfig().getOptionalValue("PUBLIC_BASE_URL", String.class).orElse(""));
    }

    static boolean httpsOnly(String publicBaseUrl) {
        return publicBaseUrl.trim().toLowerCase().startsWith("https://");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (https) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
