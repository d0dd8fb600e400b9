package com.eventix.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What a scenario runs against, started on demand and removed at the end (also on failure, Ctrl-C or SIGTERM,
 * through a shutdown hook): fresh PostgreSQL databases named eventix_bench_&lt;timestamp&gt;[suffix], an embedded
 * Artemis broker, the machine's Redis, and Payara Micro servers in child processes. Work files go to
 * bench/target/run-&lt;timestamp&gt;-&lt;label&gt;/.
 */
final class Stack implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /** Where the services are, and whether to keep the databases for investigation. */
    record Services(String pgHost, int pgPort, String pgUser, String redisHost, int redisPort, boolean keepDatabases) {
        static Services defaults() {
            return new Services("127.0.0.1", 5432, "postgres", "127.0.0.1", 6379, false);
        }
    }

    final Services services;
    final Path root;
    final String stamp;
    final Path workDir;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
    private final List<String> databases = Collections.synchronizedList(new ArrayList<>());
    private final List<PayaraServer> servers = Collections.synchronizedList(new ArrayList<>());
    private volatile Broker broker;

    Stack(Services services, String label) {
        this.services = services;
        this.root = Path.of(System.getProperty("eventix.root", ".")).toAbsolutePath().normalize();
        this.stamp = LocalDateTime.now().format(STAMP);
        this.workDir = root.resolve("bench/target/run-" + stamp + "-" + label);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-cleanup-" + label));
    }

    // ---------------------------------------------------------------------------------------------------------
    // PostgreSQL

    /** Creates eventix_bench_&lt;timestamp&gt;{@code suffix}; dropped at the end unless databases are kept. */
    String createDatabase(String suffix) throws SQLException {
        String name = "eventix_bench_" + stamp + suffix;
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        databases.add(name);
        say("database: created " + name + " on " + services.pgHost() + ":" + services.pgPort());
        return name;
    }

    /** A connection with the driver settings of the server's pool (payara-config/boot-commands.asadmin). */
    Connection connect(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", services.pgUser());
        p.setProperty("password", "");
        p.setProperty("stringtype", "unspecified");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "eventix-bench");
        Connection c = DriverManager.getConnection("jdbc:postgresql://" + services.pgHost() + ":" + services.pgPort()
                + "/" + db, p);
        connections.add(c);
        return c;
    }

    /** Waits until the server's Flyway migrations have created the whole schema (the last migration's table). */
    void awaitSchema(Connection c) throws SQLException, InterruptedException {
        for (int i = 0; i < 240; i++) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                         + "'events' AND column_name = 'search_vector'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server's migrations did not create the schema");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Broker, Redis, servers

    synchronized Broker broker() throws Exception {
        if (broker == null) {
            broker = new Broker(freePort()).start();
            say("broker: embedded Artemis at " + broker.url());
        }
        return broker;
    }

    void requireRedis() {
        if (!reachable(services.redisHost(), services.redisPort())) {
            throw new IllegalStateException("Redis is not reachable at " + services.redisHost() + ":"
                    + services.redisPort() + "; the server's caches and rate limits are part of what is measured");
        }
    }

    /**
     * The product server's settings for database {@code db}: where the services are, and the login and
     * registration limits (per client IP and email) raised, since every request comes from one address.
     */
    Map<String, String> productSettings(String db) throws Exception {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("DB_HOST", services.pgHost());
        s.put("DB_PORT", Integer.toString(services.pgPort()));
        s.put("DB_NAME", db);
        s.put("DB_USER", services.pgUser());
        s.put("DB_PASSWORD", "");
        s.put("REDIS_HOST", services.redisHost());
        s.put("REDIS_PORT", Integer.toString(services.redisPort()));
        s.put("ARTEMIS_URL", broker().url());
        s.put("EVENTIX_DATA_DIR", workDir.resolve("data").toString());
        s.put("EVENTIX_DEMO_DATA", "false");
        s.put("RATE_LIMIT_LOGIN_PER_IP", "1000000");
        s.put("RATE_LIMIT_LOGIN_PER_EMAIL", "1000000");
        s.put("RATE_LIMIT_REGISTER_PER_IP", "1000000");
        s.put("RATE_LIMIT_REGISTER_PER_EMAIL", "1000000");
        return s;
    }

    /**
     * The server-side defaults of payara-config/jvm.options (-DNAME=value lines: pool sizes, HTTP threads,
     * timeouts), which the benchmark leaves as they are unless its settings name them.
     */
    Map<String, String> jvmDefaults() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("payara-config/jvm.options"))) {
            String option = line.strip();
            if (option.startsWith("-D") && option.contains("=") && !option.startsWith("-DDB_PASSWORD")) {
                int eq = option.indexOf('=');
                m.put(option.substring(2, eq), option.substring(eq + 1));
            }
        }
        return m;
    }

    /** Launches {@code war} on Payara Micro on a free port; console in workDir/{@code name}.log. Not awaited. */
    PayaraServer launch(String name, Path war, Map<String, String> settings) throws IOException {
        int port = freePort();
        PayaraServer server = PayaraServer.start(root, war, port, settings, workDir.resolve(name),
                workDir.resolve(name + ".log"));
        servers.add(server);
        say("server " + name + ": starting Payara Micro on port " + port + " (pid " + server.pid() + ", console: "
                + root.relativize(server.log()) + ")");
        return server;
    }

    /** Waits for /health/ready of {@code server}, or fails with the end of its console. */
    void awaitReady(String name, PayaraServer server) throws InterruptedException {
        if (!server.awaitReady(Duration.ofMinutes(5))) {
            throw new IllegalStateException("server " + name + " did not become ready; its console ends with:\n"
                    + server.tail(40));
        }
        say(String.format(Locale.ROOT, "server %s: ready %.1f s after launch", name, server.readySeconds()));
    }

    /** A Redis command over a plain socket (RESP); returns the reply line without its type marker. */
    String redis(String... command) throws IOException {
        try (Socket socket = new Socket(services.redisHost(), services.redisPort())) {
            socket.setSoTimeout(5000);
            StringBuilder b = new StringBuilder("*").append(command.length).append("\r\n");
            for (String part : command) {
                b.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int ch;
            while ((ch = in.read()) != -1 && ch != '\n') {
                if (ch != '\r') {
                    reply.append((char) ch);
                }
            }
            if (reply.length() == 0 || reply.charAt(0) == '-') {
                throw new IOException("Redis answered " + reply);
            }
            return reply.substring(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cleanup: once, from the scenario or the shutdown hook (Ctrl-C), whichever comes first.

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<PayaraServer> running;
        synchronized (servers) {
            running = new ArrayList<>(servers);
        }
        if (!running.isEmpty()) {
            say("stopping " + (running.size() == 1 ? "the server" : running.size() + " servers") + " ...");
            running.parallelStream().forEach(PayaraServer::close);
        }
        Broker b = broker;
        if (b != null) {
            try {
                b.close();
            } catch (Exception e) {
                say("could not stop the broker: " + e);
            }
        }
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
        synchronized (databases) {
            for (String db : databases) {
                if (services.keepDatabases()) {
                    say("database kept: " + db + " (drop it with: psql -h " + services.pgHost() + " -U "
                            + services.pgUser() + " -c 'DROP DATABASE " + db + " WITH (FORCE)')");
                    continue;
                }
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + services.pgHost() + ":"
                        + services.pgPort() + "/postgres", services.pgUser(), "");
                     Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    say("database: dropped " + db);
                } catch (SQLException e) {
                    say("could not drop " + db + ": " + e.getMessage());
                }
            }
        }
        for (PayaraServer s : running) {
            deleteTree(s.workDir().resolve("payara"));
        }
        deleteTree(workDir.resolve("data"));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is under bench/target
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
