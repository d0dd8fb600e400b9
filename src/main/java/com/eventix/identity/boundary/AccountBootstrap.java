package com.eventix.identity.boundary;

import java.util.Optional;
import com.eventix.identity.control.Accounts;
import com.eventix.identity.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** At startup: ensures the operator's admin account (EVENTIX_ADMIN_EMAIL / EVENTIX_ADMIN_PASSWORD). */
@Startup
@Singleton
@DependsOn("Migrations")
public class AccountBootstrap {
    @Inject
    Accounts accounts;
    @Inject
    @ConfigProperty(name = "EVENTIX_ADMIN_EMAIL")
    Optional<String> adminEmail;
    @Inject
    @ConfigProperty(name = "EVENTIX_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @PostConstruct
    void ensureAccounts() {
        if (adminEmail.isPresent() && adminPassword.isPresent()) {
            accounts.ensure(adminEmail.get(), adminPassword.get(), "Platform", "Admin", Role.ADMIN);
        }
    }
}
