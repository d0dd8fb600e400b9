package com.eventix.testing;

import com.eventix.devserver.EmbeddedBroker;
import com.eventix.devserver.Ports;
import com.eventix.devserver.PostgresProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database and a broker of one server's own, the rest (SMTP, OpenID provider, payment providers) shared with
 * the suite, and Redis reached directly rather than through the proxy other tests cut. For a server that runs
 * beside the suite's shared one (a test of kills and restarts runs in parallel with the others): its timers,
 * queues and outages then never touch another test's rows or messages.
 */
public final class IsolatedServices implements AutoCloseable {
    public final PostgresProvider database;
    private final EmbeddedBroker broker;
    private final Map<String, String> settings;

    IsolatedServices(PostgresProvider database, Map<String, String> suiteSettings) throws Exception {
        this.database = database;
        this.broker = new EmbeddedBroker(Ports.free(), false, null).start();
        Map<String, String> own = new LinkedHashMap<>(suiteSettings);
        own.put("DB_HOST", database.host());
        own.put("DB_PORT", Integer.toString(database.port()));
        own.put("DB_NAME", database.database());
        own.put("DB_USER", database.user());
        own.put("REDIS_PORT", "6379");
        own.put("ARTEMIS_URL", broker.url());
        this.settings = Map.copyOf(own);
    }

    /** The server settings: the suite's, pointed at this database, this broker and Redis itself. */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception ignored) {
            // best effort: the test is over
        }
        database.close(true);
    }
}
