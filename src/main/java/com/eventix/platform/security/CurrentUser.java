package com.eventix.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as the verified access token names them. */
@RequestScoped
public class CurrentUser {
    @Inject
    JsonWebToken jwt;

    public UUID id() {
        return UUID.fromString(jwt.getSubject());
    }

    /** The caller's id when a valid token came with the request (public endpoints take anonymous calls too). */
    public Optional<UUID> maybeId() {
        return jwt == null || jwt.getSubject() == null ? Optional.empty() : Optional.of(UUID.fromString(jwt.getSubject()));
    }

    public boolean isAdmin() {
        return hasRole("ADMIN");
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }
}
