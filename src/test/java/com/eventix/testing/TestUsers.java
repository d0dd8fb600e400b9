package com.eventix.testing;

import java.util.UUID;

/** Accounts the suite relies on, and unique emails for new ones. */
public final class TestUsers {
    public static final String ADMIN_EMAIL = "ops-admin@eventix.test";
    public static final String ADMIN_PASSWORD = "ops-admin-password-2026";

    private TestUsers() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@eventix.test";
    }
}
