package com.eventix.testing;

/**
 * The JUnit resource locks of what integration test classes share. Classes run up to three at a time (the failsafe
 * configuration in pom.xml), their methods one after another: every class on the suite's servers holds
 * {@link #SERVERS} and {@link #REDIS} to read (HttpTest and the classes with servers of their own declare them), and a class that needs more
 * holds the lock of what it changes or counts, to write.
 */
public final class SharedServices {
    /**
     * The suite's three Arquillian servers and their database. Held to write by classes that flood a server (a
     * burst of password hashes) or assert platform-wide figures (metrics, the newest audit entries) that any other
     * class's sales or sign-ups would change.
     */
    public static final String SERVERS = "eventix.suite-servers";
    /** The suite's broker: held by classes that stop it, or count delivery attempts someone else's stop would add. */
    public static final String BROKER = "eventix.suite-broker";
    /**
     * Redis behind the suite's proxy: every server of the suite counts its rate limits and caches pages there, so
     * every class on them holds it to read, and RedisOutageIT, which cuts it, to write.
     */
    public static final String REDIS = "eventix.suite-redis";
    /** The "payara-micro-other-db" server with its four connections: bursts on it and exact listings of its data. */
    public static final String OTHER_DB_SERVER = "eventix.other-db-server";

    private SharedServices() {
    }
}
