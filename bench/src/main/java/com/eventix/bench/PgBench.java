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
 * The flash sale's floor: pgbench -M prepared running the smallest correct hold on one hot row (conditional
 * decrement, insert of the hold, commit with synchronous_commit on) in a database of its own, with the same
 * number of clients as the server has connections. Latencies come from pgbench's per-transaction log.
 */
final class PgBench {
    static final String SCRIPT = """
            BEGIN;
            WITH u AS (UPDATE tier SET available = available - 1 WHERE id = 1 AND available >= 1 RETURNING id) INSERT INTO reservation(tier_id, qty) SELECT id, 1 FROM u;
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

    /** The tables of the floor, with one tier of {@code available} tickets. */
    void prepare(long available) throws SQLException, IOException {
        try (Connection c = stack.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tier (id int PRIMARY KEY, available int)");
            s.execute("CREATE TABLE reservation (id bigserial PRIMARY KEY, tier_id int, qty int, "
                    + "created_at timestamptz DEFAULT now())");
            s.execute("INSERT INTO tier VALUES (1, " + available + ")");
            s.execute("VACUUM ANALYZE tier");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hold.sql"), SCRIPT);
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
                "-T", Long.toString(duration.toSeconds()), "-f", dir.resolve("hold.sql").toString(),
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
