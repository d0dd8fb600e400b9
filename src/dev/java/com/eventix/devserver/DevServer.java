package com.eventix.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Eventix for development and demos ({@code mvn -Prun package}): the WAR on Payara Micro with
 * payara-config/, against what the environment names, or else embedded defaults: a PostgreSQL started from
 * Maven-provided binaries (data kept in .eventix/postgres), an in-process Artemis broker, and Redis if one
 * answers. Loads demo data and prints where everything is.
 */
public final class DevServer {
    private static final Path HOME = Path.of(".eventix");

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        if (PayaraLauncher.portTaken(port)) {
            // Checked before anything starts: Payara Micro would only log a bind failure and keep running.
            System.err.println("[eventix] Port " + port + " is already in use: stop what listens there or choose "
                    + "another port with PORT=<port>.");
            System.exit(2);
        }
        List<AutoCloseable> started = new ArrayList<>();
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("EVENTIX_DEMO_DATA", env.getOrDefault("EVENTIX_DEMO_DATA", "true"));
        // The built-in test checkout, so that demo orders can be paid without a provider account.
        settings.put("SANDBOX_ENABLED", env.getOrDefault("SANDBOX_ENABLED", "true"));
        settings.put("EVENTIX_DATA_DIR", env.getOrDefault("EVENTIX_DATA_DIR", HOME.toAbsolutePath().toString()));

        if (env.containsKey("DB_HOST")) {
            say("PostgreSQL: using " + env.get("DB_HOST") + ":" + env.getOrDefault("DB_PORT", "5432"));
        } else {
            say("PostgreSQL: DB_HOST not set, starting an embedded PostgreSQL (data in .eventix/postgres)");
            PostgresProvider pg = PostgresProvider.persistent(HOME.resolve("postgres"),
                    Integer.parseInt(env.getOrDefault("EMBEDDED_DB_PORT", "54329")), "eventix");
            started.add(pg);
            settings.put("DB_HOST", pg.host());
            settings.put("DB_PORT", Integer.toString(pg.port()));
            settings.put("DB_NAME", pg.database());
            settings.put("DB_USER", pg.user());
            settings.put("DB_PASSWORD", "");
        }

        if (env.containsKey("ARTEMIS_URL")) {
            say("Broker: using " + env.get("ARTEMIS_URL"));
        } else {
            int brokerPort = Ports.reachable("127.0.0.1", 61616) ? Ports.free() : 61616;
            Files.createDirectories(HOME.resolve("artemis"));
            EmbeddedBroker broker = new EmbeddedBroker(brokerPort, true,
                    HOME.resolve("artemis").toAbsolutePath().toString()).start();
            started.add(broker);
            settings.put("ARTEMIS_URL", broker.url());
            say("Broker: ARTEMIS_URL not set, started an embedded Artemis broker at " + broker.url());
        }

        String redisHost = env.getOrDefault("REDIS_HOST", "localhost");
        int redisPort = Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379"));
        if (Ports.reachable(redisHost, redisPort)) {
            say("Redis: using " + redisHost + ":" + redisPort);
        } else {
            say("Redis: NOT reachable at " + redisHost + ":" + redisPort
                    + " - running without it (no cache; only sign-in and registration rate-limited, per instance); "
                    + "start Redis or set REDIS_HOST/REDIS_PORT");
        }

        PayaraLauncher launcher = new PayaraLauncher(port, HOME.resolve("payara"), settings);
        say("Starting Payara Micro on port " + port + " ...");
        Process server = launcher.start(ProcessBuilder.Redirect.INHERIT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }
        }, "eventix-dev-stop"));

        String base = "http://localhost:" + port;
        if (launcher.awaitReady(server, Duration.ofMinutes(3))) {
            say("");
            say("Eventix is running.");
            say("  API          " + base + "/api/v1");
            say("  Swagger UI   " + base + "/swagger-ui/");
            say("  Door scanner " + base + "/scanner/");
            say("  OpenAPI      " + base + "/openapi");
            say("  Health       " + base + "/health/ready");
            say("  Metrics      " + base + "/metrics");
            if ("true".equals(settings.get("EVENTIX_DEMO_DATA"))) {
                say("  Demo sign-ins: admin@eventix.local / admin-demo-2026, organizer@eventix.local / "
                        + "organizer-demo-2026, attendee@eventix.local / attendee-demo-2026");
                say("  Demo door scanner key (Comedy Night Live): evxd_demo-door-scanner-2026");
            }
            say("Press Ctrl+C to stop.");
        } else {
            say("Eventix did not become ready (its last readiness answer: " + launcher.lastReadinessAnswer()
                    + "); see the log above.");
            server.destroy();
            System.exit(server.waitFor() == 0 ? 1 : server.exitValue());
        }
        System.exit(server.waitFor());
    }

    private static void say(String line) {
        System.out.println("[eventix] " + line);
    }
}
