package com.eventix.devserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

        Process server = startPayara(port, settings);
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
        if (awaitReady(base, server, Duration.ofMinutes(3))) {
            say("");
            say("Eventix is running.");
            say("  API          " + base + "/api/v1");
            say("  Swagger UI   " + base + "/swagger-ui/");
            say("  OpenAPI      " + base + "/openapi");
            say("  Health       " + base + "/health/ready");
            say("  Metrics      " + base + "/metrics");
            if ("true".equals(settings.get("EVENTIX_DEMO_DATA"))) {
                say("  Demo sign-ins: admin@eventix.local / admin-demo-2026, organizer@eventix.local / "
                        + "organizer-demo-2026, attendee@eventix.local / attendee-demo-2026");
            }
            say("Press Ctrl+C to stop.");
        } else {
            say("Eventix did not become ready; see the log above.");
        }
        System.exit(server.waitFor());
    }

    private static Process startPayara(int port, Map<String, String> settings) throws Exception {
        Path war = Path.of("target", "eventix.war");
        if (!Files.exists(war)) {
            throw new IllegalStateException("target/eventix.war is missing: run 'mvn -Prun package'");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PayaraConfig.jvmOptions());
        // Server-side settings (pool, threads) are system properties: the environment and the embedded
        // services decide them here, after the defaults of jvm.options.
        for (String name : PayaraConfig.serverSettingNames()) {
            String value = settings.containsKey(name) ? settings.get(name) : System.getenv(name);
            if (value != null) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.add("-jar");
        command.add(PayaraConfig.microJar().toString());
        command.add("--deploy");
        command.add(war.toAbsolutePath().toString());
        command.add("--contextroot");
        command.add("/");
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--rootdir");
        command.add(HOME.resolve("payara").toAbsolutePath().toString());
        command.addAll(PayaraConfig.microOptions());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(settings);
        say("Starting Payara Micro on port " + port + " ...");
        return builder.start();
    }

    private static boolean awaitReady(String base, Process server, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static void say(String line) {
        System.out.println("[eventix] " + line);
    }
}
