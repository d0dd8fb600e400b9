package com.eventix.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * A database floor: pgbench -M prepared running the smallest correct transaction of a scenario in a database of its
 * own, with the same number of clients as the server has connections, commits with synchronous_commit on.
 * Latencies come from pgbench's per-transaction log. The flash sale's floor is a hold on one hot row (conditional
 * decrement, insert of the hold); the door's is a scan of a ticket not scanned before ({@link #SCAN_SCRIPT}).
 */
final class PgBench {
    static final String SCRIPT = """
            BEGIN;
            WITH u AS (UPDATE tier SET available = available - 1 WHERE id = 1 AND available >= 1 RETURNING id) INSERT INTO reservation(tier_id, qty) SELECT id, 1 FROM u;
            COMMIT;
            """;
    /**
     * What deciding and recording an admission needs at the least, as ScanDesk does it: the nonce claimed (a
     * transaction-scoped advisory lock, then a look for an earlier scan with it), the event's status, the ticket
     * locked and read, its last stay on the list, then the admission, the ticket's status and the scan row written.
     * Each transaction takes the next ticket, so none is scanned twice. (No colon in the literals: pgbench reads
     * {@code :name} as a variable even inside quotes.)
     */
    static final String SCAN_SCRIPT = """
            BEGIN;
            SELECT nextval('next_ticket') AS t \\gset
            SELECT pg_advisory_xact_lock(hashtextextended('checkin-nonce-1-' || CAST(:t AS text), 0));
            SELECT id FROM scan WHERE event_id = 1 AND nonce = 'n' || CAST(:t AS text);
            SELECT status FROM event WHERE id = 1;
            SELECT status, code_version FROM ticket WHERE id = :t FOR UPDATE;
            SELECT cycle, exited_at FROM admission WHERE ticket_id = :t AND list_id = 1 ORDER BY cycle DESC LIMIT 1;
            INSERT INTO admission (ticket_id, list_id, cycle, entered_at) VALUES (:t, 1, 1, now());
            UPDATE ticket SET status = 'CHECKED_IN', checked_in_at = now() WHERE id = :t;
            INSERT INTO scan (event_id, nonce, ticket_id, result, scanned_at, received_at) VALUES (1, 'n' || CAST(:t AS text), :t, 'ADMITTED', now(), now());
            COMMIT;
            """;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** One pgbench run; latencies in milliseconds. {@code clients} may be fewer than asked (max_connections). */
    record Run(int requestedClients, int clients, double seconds, long transactions, long failed, double tps,
               double p50, double p99, double max, double mean, double postgresCpu) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("requestedClients", requestedClients);
            m.put("seconds", seconds);
            m.put("transactions", transactions);
            m.put("failed", failed);
            m.put("transactionsPerSecond", tps);
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", p50);
            latency.put("p99", p99);
            latency.put("max", max);
            latency.put("mean", mean);
            m.put("latencyMs", latency);
            m.put("postgresCpuSeconds", postgresCpu);
            return m;
        }
    }

    private static final String SCRIPT_FILE = "floor.sql";

    private final Stack stack;
    private final String database;
    private final Path dir;

    PgBench(Stack stack, String database) {
        this.stack = stack;
        this.database = database;
        this.dir = stack.workDir.resolve("pgbench");
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("pgbench is not installed (apt-get install -y postgresql-client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The tables of the flash sale's floor, with one tier of {@code available} tickets. */
    void prepare(long available) throws SQLException, IOException {
        try (Connection c = stack.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tier (id int PRIMARY KEY, available int)");
            s.execute("CREATE TABLE reservation (id bigserial PRIMARY KEY, tier_id int, qty int, "
                    + "created_at timestamptz DEFAULT now())");
            s.execute("INSERT INTO tier VALUES (1, " + available + ")");
            s.execute("VACUUM ANALYZE tier");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SCRIPT_FILE), SCRIPT);
    }

    /**
     * The tables of the door's floor, indexed as Eventix's are (one open stay per ticket and list, one scan per event
     * and nonce), with {@code tickets} valid tickets of one published event.
     */
    void prepareScans(long tickets) throws SQLException, IOException {
        try (Connection c = stack.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE event (id int PRIMARY KEY, status text)");
            s.execute("CREATE TABLE ticket (id bigint PRIMARY KEY, status text, code_version int, "
                    + "checked_in_at timestamptz)");
            s.execute("CREATE TABLE admission (id bigserial PRIMARY KEY, ticket_id bigint, list_id int, cycle int, "
                    + "entered_at timestamptz, exited_at timestamptz)");
            s.execute("CREATE UNIQUE INDEX admission_open ON admission (ticket_id, list_id) WHERE exited_at IS NULL");
            s.execute("CREATE INDEX admission_ticket ON admission (ticket_id, list_id, cycle)");
            s.execute("CREATE TABLE scan (id bigserial PRIMARY KEY, event_id int, nonce text, ticket_id bigint, "
                    + "result text, scanned_at timestamptz, received_at timestamptz)");
            s.execute("CREATE UNIQUE INDEX scan_nonce ON scan (event_id, nonce)");
            s.execute("CREATE SEQUENCE next_ticket");
            s.execute("INSERT INTO event VALUES (1, 'PUBLISHED')");
            s.execute("INSERT INTO ticket SELECT g, 'VALID', 1, NULL FROM generate_series(1, " + tickets + ") g");
            s.execute("VACUUM ANALYZE");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SCRIPT_FILE), SCAN_SCRIPT);
    }

    /**
     * How many more clients PostgreSQL accepts now: max_connections less the connections open and those kept for
     * superusers, less a small margin for the benchmark's own.
     */
    int freeConnections() throws SQLException {
        try (Connection c = stack.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int "
                     + "- current_setting('superuser_reserved_connections')::int "
                     + "- (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') - 4")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    Run run(int clients, Duration duration) throws Exception {
        int actual = Math.max(1, Math.min(clients, freeConnections()));
        Path prefix = dir.resolve("log-" + actual);
        deleteLogs(prefix);
        List<String> command = List.of("pgbench", "-h", stack.services.pgHost(), "-p",
                Integer.toString(stack.services.pgPort()), "-U", stack.services.pgUser(), "-n", "-M", "prepared",
                "-c", Integer.toString(actual), "-j", Integer.toString(Math.min(2, actual)),
                "-T", Long.toString(duration.toSeconds()), "-f", dir.resolve(SCRIPT_FILE).toString(),
                "-l", "--log-prefix=" + prefix, database);
        Path out = dir.resolve("pgbench-" + actual + ".txt");
        double pgBefore = Machine.postgresCpuSeconds();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish: " + out);
        }
        // pgbench's own backends exit at its end and take their CPU time with them: PostgreSQL's CPU is then
        // under-counted, or negative, and shown as unknown.
        double pgCpu = Machine.postgresCpuSeconds() - pgBefore;
        if (pgCpu < 0) {
            pgCpu = Double.NaN;
        }
        String text = Files.readString(out);
        Matcher tps = TPS.matcher(text);
        Matcher processed = PROCESSED.matcher(text);
        if (p.exitValue() != 0 || !tps.find() || !processed.find()) {
            throw new IllegalStateException("pgbench failed (exit " + p.exitValue() + "): "
                    + String.join(" ", command) + "\n" + text);
        }
        Matcher failed = FAILED.matcher(text);
        // Per-transaction log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
        Histogram h = new Histogram(Load.MAX_MICROS, 3);
        for (Path log : logs(prefix)) {
            try (var lines = Files.lines(log)) {
                lines.forEach(line -> {
                    String[] f = line.split(" ");
                    if (f.length >= 3 && !f[2].equals("failed") && !f[2].equals("skipped")) {
                        h.recordValue(Math.min(Math.max(1, Long.parseLong(f[2])), Load.MAX_MICROS));
                    }
                });
            }
        }
        deleteLogs(prefix);
        long transactions = Long.parseLong(processed.group(1));
        double rate = Double.parseDouble(tps.group(1));
        return new Run(clients, actual, transactions / rate, transactions,
                failed.find() ? Long.parseLong(failed.group(1)) : 0, rate, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getMean() / 1000.0, pgCpu);
    }

    private List<Path> logs(Path prefix) throws IOException {
        List<Path> logs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix.getFileName() + ".*")) {
            files.forEach(logs::add);
        }
        return logs;
    }

    private void deleteLogs(Path prefix) throws IOException {
        for (Path log : logs(prefix)) {
            Files.deleteIfExists(log);
        }
    }
}
