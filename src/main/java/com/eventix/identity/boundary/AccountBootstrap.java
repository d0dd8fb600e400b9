package com.eventix.identity.boundary;

import java.util.Optional;
import com.eventix.identity.control.Accounts;
import com.eventix.identity.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup: ensures the operator's admin account (EVENTIX_ADMIN_EMAIL / EVENTIX_ADMIN_PASSWORD) and, when
 * EVENTIX_DEMO_DATA=true, the documented demo accounts.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class AccountBootstrap {
    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

    /** Demo accounts; their passwords are documented in README.md. Never enable demo data in production. */
    static final String DEMO_ADMIN = "admin@eventix.local";
    static final String DEMO_ORGANIZER = "organizer@eventix.local";
    static final String DEMO_ATTENDEE = "attendee@eventix.local";

    @Inject
    Accounts accounts;
    @Inject
    @ConfigProperty(name = "EVENTIX_ADMIN_EMAIL")
    Optional<String> adminEmail;
    @Inject
    @ConfigProperty(name = "EVENTIX_ADMIN_PASSWORD")
    Optional<String> adminPassword;
    @Inject
    @ConfigProperty(name = "EVENTIX_DEMO_DATA")
    boolean demoData;

    @PostConstruct
    void ensureAccounts() {
        if (adminEmail.isPresent() && adminPassword.isPresent()) {
            accounts.ensure(adminEmail.get(), adminPassword.get(), "Platform", "Admin", Role.ADMIN);
        }
        if (demoData) {
            accounts.ensure(DEMO_ADMIN, "admin-demo-2026", "Ada", "Admin", Role.ADMIN);
            accounts.ensure(DEMO_ORGANIZER, "organizer-demo-2026", "Olu", "Organizer", Role.ORGANIZER);
            accounts.ensure(DEMO_ATTENDEE, "attendee-demo-2026", "Ama", "Attendee", Role.ATTENDEE);
            LOG.info("Demo accounts ready: " + DEMO_ADMIN + ", " + DEMO_ORGANIZER + ", " + DEMO_ATTENDEE);
        }
    }
}
