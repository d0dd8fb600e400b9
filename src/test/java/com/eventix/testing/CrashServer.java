package com.eventix.testing;

/**
 * The suite's one server to kill: a {@link ServerProcess} on a database and broker of its own, shared by the tests
 * that {@code kill -9} a server in the middle of something, so that the suite boots it (and migrates its database)
 * once for all of them rather than once each. Those tests take turns: each holds {@link #LOCK}
 * ({@code @ResourceLock}) while it uses the server, and leaves it running for the next.
 */
public final class CrashServer {
    /** The JUnit resource lock of whoever is using the server. */
    public static final String LOCK = "crash-server";

    private static ServerProcess server;

    private CrashServer() {
    }

    /** The server, made on first use; started or not, as the last test left it. */
    public static synchronized ServerProcess get() throws Exception {
        if (server == null) {
            ServerProcess made = ServerProcess.isolated("crash");
            // At the end of the run nothing is left to shut down gracefully.
            SuiteServices.get().closeAtEnd(() -> {
                if (made.isAlive()) {
                    made.kill();
                }
                made.close();
            });
            server = made;
        }
        return server;
    }
}
