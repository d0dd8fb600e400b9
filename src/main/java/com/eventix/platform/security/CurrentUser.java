package com.eventix.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }
}
