package com.eventix.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Accounts the suite relies on, and unique emails for new ones. */
public final class TestUsers {
    public static final String ADMIN_EMAIL = "ops-admin@eventix.test";
    public static final String ADMIN_PASSWORD = "ops-admin-password-2026";
    /** Registrations at once: each costs the server two password hashes, so a few in flight keep its cores busy
     *  without reaching the hashing bulkhead's limit (a 503 would fail the setup, not the test). */
    private static final int AT_ONCE = 4;

    private TestUsers() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@eventix.test";
    }

    /**
     * {@code count} new accounts, registered and signed in a few at a time: client {@code i} (from {@code clientFor},
     * so each may have its own address or deployment) as the i-th account, in order.
     */
    public static List<Api> signedIn(int count, IntFunction<Api> clientFor, String prefix, String password)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Api>> accounts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Api client = clientFor.apply(i);
                accounts.add(pool.submit(() -> client.as((String) client.registerAndLogin(uniqueEmail(prefix), password)
                        .get("accessToken"))));
            }
            List<Api> signedIn = new ArrayList<>();
            for (Future<Api> account : accounts) {
                signedIn.add(account.get());
            }
            return signedIn;
        } finally {
            pool.shutdown();
        }
    }
}
