package com.eventix.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API root. CDI-visible (ApplicationScoped) because MicroProfile JWT only activates for an
 * application class the container can see as a bean. Its OpenAPI definition (info, the one tag of each feature, the
 * security schemes) heads the API's contract, META-INF/openapi.yaml, which is built from the code by the tests'
 * ContractDocument and served as it is.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "eventix")
@DeclareRoles({"ATTENDEE", "ORGANIZER", "ADMIN", "SCANNER"})
@OpenAPIDefinition(
        info = @Info(title = "Eventix API", version = "1",
                description = "Event ticketing: discovery, reservations, orders, payments, QR tickets and check-in. "
                        + "Every answer is wrapped in an envelope: a success carries its payload in data (the "
                        + "XxxResponse schemas), a failure carries a stable error code (ErrorEnvelope; each operation "
                        + "lists its codes). Ids are UUIDs, instants ISO-8601 in UTC, money an exact decimal number "
                        + "with its ISO 4217 currency beside it. Sign in with POST /api/v1/auth/login and send the "
                        + "access token as 'Authorization: Bearer <token>'."),
        servers = @Server(url = "/"),
        tags = {
                @Tag(name = "Identity", description = "Accounts: registration, sign-in and tokens, email "
                        + "verification, password reset and your profile"),
                @Tag(name = "Organizers", description = "Becoming an organizer, and your organizer profile"),
                @Tag(name = "Events", description = "Finding events; organizers' events with their tiers and banners"),
                @Tag(name = "Booking", description = "Holding tickets for a short while before paying for them"),
                @Tag(name = "Payments", description = "Orders and their payments, providers' webhooks and the "
                        + "sandbox provider's checkout"),
                @Tag(name = "Tickets", description = "Your tickets with their QR codes, and events' ticket keys"),
                @Tag(name = "Payouts", description = "Where organizers' money goes, what they are owed and what was paid "
                        + "out"),
                @Tag(name = "Check-in", description = "At the door: check-in lists, scanner devices and their "
                        + "tokens, ticket validation, live figures and the attendee list"),
                @Tag(name = "Notifications", description = "Your inbox: every email Eventix sent you, read or not"),
                @Tag(name = "Analytics", description = "Organizers' sales figures: tickets, money, the funnel from hold "
                        + "to payment, tiers, per day and per hour"),
                @Tag(name = "Admin", description = "Moderation of organizers and events, and the audit log")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT",
                description = "Access token from /api/v1/auth/login or /api/v1/auth/refresh (RS256, ~15 minutes)."),
        @SecurityScheme(securitySchemeName = "stripeSignature", type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.HEADER, apiKeyName = "Stripe-Signature",
                description = "Stripe's webhook signature over the raw body (the sandbox provider signs the same way)."),
        @SecurityScheme(securitySchemeName = "paystackSignature", type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.HEADER, apiKeyName = "x-paystack-signature",
                description = "Paystack's webhook signature: the HMAC-SHA512 of the raw body.")})
public class EventixApplication extends Application {
}
