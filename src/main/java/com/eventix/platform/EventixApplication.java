package com.eventix.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API root. CDI-visible (ApplicationScoped) because MicroProfile JWT only activates for an
 * application class the container can see as a bean.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "eventix")
@DeclareRoles({"ATTENDEE", "ORGANIZER", "ADMIN"})
@OpenAPIDefinition(
        info = @Info(title = "Eventix API", version = "1",
                description = "Event ticketing: discovery, reservations, orders, payments, QR tickets and check-in. "
                        + "Every response is wrapped in the Envelope schema; failures carry a stable error code. "
                        + "Authenticate with POST /api/v1/auth/login and send the access token as 'Authorization: Bearer <token>'."),
        servers = @Server(url = "/"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from /api/v1/auth/login or /api/v1/auth/refresh (RS256, ~15 minutes).")
public class EventixApplication extends Application {
}
