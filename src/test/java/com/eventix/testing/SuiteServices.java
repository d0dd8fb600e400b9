package com.eventix.testing;

import com.eventix.devserver.EmbeddedBroker;
import com.eventix.devserver.PayaraConfig;
import com.eventix.devserver.Ports;
import com.eventix.devserver.PostgresProvider;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Everything the deployed WAR talks to, started once per test run: a fresh PostgreSQL database, Redis (the
 * machine's, behind a proxy tests can cut), an embedded Artemis broker, a GreenMail SMTP server and a local
 * OpenID provider standing in for Google. It then tells the Arquillian Payara Micro container how to point the
 * server at them (payara.cmdOptions / payara.extraMicroOptions).
 */
public final class SuiteServices {
    public static final String GOOGLE_CLIENT_ID = "eventix-test-client";
    public static final String SANDBOX_WEBHOOK_SECRET = "whsec_eventix_it_sandbox";
    /** The browser origin the suite's server accepts cross-origin requests from. */
    public static final String CORS_ORIGIN = "https://app.eventix.test";
    /** The suite's per-window limits of the API families (generous: tests make many requests per user). */
    public static final int RATE_LIMIT_READ = 1000;
    public static final int RATE_LIMIT_WRITE = 300;
    public static final int RATE_LIMIT_AUTH = 100;
    private static SuiteServices instance;

    /** This run's name: its databases are named after it. */
    private final String name;

    public final PostgresProvider database;
    /** A second fresh database, for a second deployment sharing everything else (Redis included) with the first. */
    public final PostgresProvider otherDatabase;
    public final TcpProxy redis;
    public final EmbeddedBroker broker;
    public final GreenMail smtp;
    public final MockOAuth2Server oidc;
    public final S3Server s3;
    public final ProviderEmulator providers;
    /** Servers of tests' own that outlive their test (see {@link CrashServer}), stopped before the services. */
    private final List<AutoCloseable> atEnd = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SuiteServices() throws Exception {
        ServerLog.install();
        name = "eventix_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 9999);
        database = PostgresProvider.freshDatabase(name);
        otherDatabase = PostgresProvider.freshDatabase(name + "_other");
        redis = new TcpProxy("127.0.0.1", 6379);
        // Persistent, as a production broker is: a class that stops it must not lose the messages queued for others.
        broker = new EmbeddedBroker(Ports.free(), true, Path.of("target", "it-broker", name).toAbsolutePath().toString())
                .start();
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        oidc = new MockOAuth2Server();
        oidc.start(Ports.free());
        s3 = S3Server.start();
        providers = ProviderEmulator.start();
        configureContainers();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "suite-services-stop"));
    }

    public static synchronized SuiteServices get() {
        if (instance == null) {
            try {
                instance = new SuiteServices();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the services the tests need", e);
            }
        }
        return instance;
    }

    /** The settings the deployed server runs with, as system properties read by MicroProfile Config. */
    public Map<String, String> serverSettings() {
        return serverSettings(database);
    }

    /** The settings of a server running on {@code db}. */
    private Map<String, String> serverSettings(PostgresProvider database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DB_HOST", database.host());
        settings.put("DB_PORT", Integer.toString(database.port()));
        settings.put("DB_NAME", database.database());
        settings.put("DB_USER", database.user());
        settings.put("DB_PASSWORD", "");
        settings.put("REDIS_HOST", "127.0.0.1");
        settings.put("REDIS_PORT", Integer.toString(redis.port()));
        settings.put("ARTEMIS_URL", broker.url());
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("MAIL_FROM", "no-reply@eventix.test");
        settings.put("GOOGLE_ISSUER", oidc.issuerUrl("google").toString());
        settings.put("GOOGLE_CLIENT_ID", GOOGLE_CLIENT_ID);
        settings.put("GOOGLE_CLIENT_SECRET", "test-secret");
        settings.put("EVENTIX_DATA_DIR", Path.of("target", "it-data").toAbsolutePath().toString());
        // Tests reach the server from this machine, as a trusted proxy would: each test's client sends its own
        // address in X-Forwarded-For, so per-address limits stay per test.
        settings.put("TRUSTED_PROXIES", localAddresses());
        settings.put("CORS_ALLOWED_ORIGINS", CORS_ORIGIN);
        settings.put("RATE_LIMIT_READ", Integer.toString(RATE_LIMIT_READ));
        settings.put("RATE_LIMIT_WRITE", Integer.toString(RATE_LIMIT_WRITE));
        settings.put("RATE_LIMIT_AUTH", Integer.toString(RATE_LIMIT_AUTH));
        // Passwords hashed at a tenth of the production cost: the suite makes over a thousand hashes, which at
        // OWASP's parameters were a sixth of its CPU. PasswordHasherTest holds the production default.
        settings.put("PASSWORD_HASH_MEMORY_KIB", "4096");
        settings.put("PASSWORD_HASH_ITERATIONS", "1");
        // Time-driven event transitions are checked every second, so tests can watch them happen.
        settings.put("EVENT_LIFECYCLE_INTERVAL", "1s");
        settings.put("HOLD_SWEEP_INTERVAL", "1s");
        settings.put("REFUND_RETRY_AFTER", "2s");
        settings.put("PAYOUT_SWEEP_INTERVAL", "1s");
        settings.put("NOTICE_SWEEP_INTERVAL", "1s");
        settings.put("PAYOUT_RETRY_DELAY", "1s");
        settings.put("PAYOUT_MAX_ATTEMPTS", "3");
        settings.put("REFUND_REFUSAL_RETRIES", "2");
        settings.put("REFUND_REFUSAL_BACKOFF", "1s");
        settings.put("PAYMENT_CHECK_INTERVAL", "2s");
        // Retention sweeps every second; an outbox message fails at most 3 times, a second apart at first.
        settings.put("RETENTION_SWEEP_INTERVAL", "1s");
        settings.put("OUTBOX_MAX_ATTEMPTS", "3");
        settings.put("OUTBOX_RETRY_DELAY", "1s");
        settings.put("SANDBOX_ENABLED", "true");
        settings.put("SANDBOX_WEBHOOK_SECRET", SANDBOX_WEBHOOK_SECRET);
        settings.put("SANDBOX_WEBHOOK_RETRY_FIRST", "1s");
        settings.putAll(providers.serverSettings());
        settings.put("EVENTIX_ADMIN_EMAIL", TestUsers.ADMIN_EMAIL);
        settings.put("EVENTIX_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        return settings;
    }

    /** A database and broker of their own for a server named {@code server}, which runs beside the others. */
    public IsolatedServices isolated(String server) throws Exception {
        return new IsolatedServices(PostgresProvider.freshDatabase(name + "_" + server), serverSettings());
    }

    /**
     * A pool of four database connections that makes a request wait at most five seconds for one: a request needing
     * a second connection while a burst holds them all fails fast instead of stalling.
     */
    private static void withSmallPool(Map<String, String> settings) {
        settings.put("DB_POOL_MIN", "4");
        settings.put("DB_POOL_MAX", "4");
        settings.put("DB_POOL_WAIT_MILLIS", "5000");
    }

    /**
     * This machine's own addresses: tests reach the server at the one Arquillian reports, which may be the host's
     * network address rather than the loopback. (No spaces: the value travels on a command line.)
     */
    private static String localAddresses() {
        List<String> addresses = new ArrayList<>(List.of("127.0.0.1", "::1"));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !addresses.contains(address.getHostAddress())) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // the loopback alone then
        }
        return String.join(",", addresses);
    }

    /**
     * The default server keeps banners on its disk; the "payara-micro-s3" one stores them in {@link #s3}; the
     * "payara-micro-other-db" one is another deployment: the same settings on {@link #otherDatabase}, with the demo
     * data and a small pool (one server for the tests of either, as a Payara start is the suite's dearest step).
     */
    private void configureContainers() {
        Map<String, String> withS3 = new LinkedHashMap<>(serverSettings());
        withS3.putAll(s3.serverSettings());
        System.setProperty("eventix.it.cmdOptions", jvmOptions(serverSettings()));
        System.setProperty("eventix.it.cmdOptionsS3", jvmOptions(withS3));
        // The second deployment also loads the demo data, so the suite fails whenever it would not load.
        Map<String, String> otherDb = new LinkedHashMap<>(serverSettings(otherDatabase));
        otherDb.put("EVENTIX_DEMO_DATA", "true");
        withSmallPool(otherDb);
        System.setProperty("eventix.it.cmdOptionsOtherDb", jvmOptions(otherDb));
        System.setProperty("eventix.it.microOptions", String.join(" ", PayaraConfig.microOptions()));
    }

    private static String jvmOptions(Map<String, String> settings) {
        List<String> jvm = new ArrayList<>(PayaraConfig.jvmOptions());
        settings.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        return String.join(" ", jvm);
    }

    /** Closes {@code closeable} when the run ends, before the services it uses stop. */
    public void closeAtEnd(AutoCloseable closeable) {
        atEnd.add(closeable);
    }

    private void stop() {
        for (AutoCloseable closeable : atEnd) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort at JVM exit
            }
        }
        try {
            oidc.shutdown();
        } catch (Exception ignored) {
            // best effort at JVM exit
        }
        smtp.stop();
        s3.stop();
        providers.stop();
        try {
            broker.stop();
        } catch (Exception ignored) {
            // best effort at JVM exit
        }
        database.close(true);
        otherDatabase.close(true);
    }
}
