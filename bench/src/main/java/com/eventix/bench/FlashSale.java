package com.eventix.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Flash sale on one hot tier: authenticated POST /api/v1/tickets/reserve (quantity 1) by many users at 16, 64
 * and 256 connections, each level on a fresh tier too large to sell out, next to pgbench running the smallest
 * correct hold on one hot row with the same number of clients. Then the oversell check (a tier of 1,000 tickets
 * and 256 connections until it is sold out: exactly 1,000 holds must exist and 0 tickets be left), the sold-out
 * storm (the same tier hammered for the measured duration: all answers must be 409, and how much PostgreSQL
 * writes), and the server's footprint (time to ready, resident memory idle and after the sale).
 *
 * <p>In footprint mode only the server's start, its idle memory and a sale at 256 connections are run.
 */
final class FlashSale {
    /** The sold-out storm's length: the specification fixes 20 s for the sale itself; this keeps the scenario under 3 minutes. */
    static final int STORM_SECONDS = 10;
    /** pgbench is steady within a second or two; 10 s per client count keeps the scenario under 3 minutes. */
    static final int FLOOR_SECONDS = 10;
    enum Mode { FULL, FOOTPRINT }

    static final List<Integer> LEVELS = List.of(16, 64, 256);
    /** Users: 4 per connection at the highest level, so that a user hardly ever has two requests in flight. */
    static final int USERS = 1024;
    /** Tickets of each level's tier: more than any level can hold in its run here. */
    static final int HOT_TIER_TICKETS = 2_000_000;
    static final int OVERSELL_TICKETS = 1000;
    /** The open-model runs: offered rates as shares of the most holds a second the closed loop reached, seconds each,
     * and the connections they arrive over. */
    static final List<Double> OPEN_LOOP_SHARES = List.of(0.5, 0.8);
    static final int OPEN_LOOP_SECONDS = 20;
    static final int OPEN_LOOP_CONNECTIONS = 1000;
    static final int OVERSELL_CONNECTIONS = 256;
    /** The settings the benchmark changes on the product server, besides where the services are. */
    static final Map<String, String> LIMITS = Map.of(
            "HOLDS_PER_USER_PER_EVENT", "1000000",
            "RATE_LIMIT_RESERVE_PER_USER", "1000000",
            // Holds are writes too: the storm sends thousands a second for each of its users.
            "RATE_LIMIT_WRITE", "100000000");

    private FlashSale() {
    }

    static int run(Bench.Options o, Mode mode) throws Exception {
        String scenario = mode == Mode.FULL ? "flash-sale" : "footprint";
        try (Stack stack = new Stack(o.services(), scenario)) {
            Report report = new Report(scenario, o.quick());
            say(stack, scenario);
            stack.requireRedis();
            String db = stack.createDatabase("");
            Tokens tokens = new Tokens("https://eventix.local", "eventix-api");
            Map<String, String> settings = stack.productSettings(db);
            settings.put("JWT_PRIVATE_KEY", tokens.privateKeyPem());
            settings.putAll(LIMITS);
            PayaraServer server = stack.launch("eventix", PayaraServer.productWar(stack.root), settings);

            // pgbench's database, prepared while the server boots
            PgBench pgbench = null;
            if (mode == Mode.FULL) {
                pgbench = new PgBench(stack, stack.createDatabase("_pgbench"));
                pgbench.prepare(1_000_000_000L);
                say("pgbench: " + PgBench.version() + "; script: " + PgBench.SCRIPT.replaceAll("\\s+", " ").trim());
            }
            stack.awaitReady("eventix", server);
            configuration(report, stack, o, settings, mode);

            // Seed: attendees with tokens, and the tiers.
            Connection c = stack.connect(db);
            stack.awaitSchema(c);
            List<Seeder.Attendee> users = Seeder.attendees(c, USERS);
            List<String> lines = new ArrayList<>();
            for (Seeder.Attendee u : users) {
                lines.add(tokens.mint(u.id(), u.email(), "ATTENDEE", Duration.ofHours(6)));
            }
            Wrk wrk = new Wrk(stack.workDir);
            Path tokenFile = wrk.file("tokens.txt", lines);
            UUID warmTier = Seeder.saleTier(c, "Bench warm-up sale", HOT_TIER_TICKETS);
            Map<Integer, UUID> levelTiers = new LinkedHashMap<>();
            List<Integer> levels = mode == Mode.FULL ? LEVELS : List.of(256);
            for (int n : levels) {
                levelTiers.put(n, Seeder.saleTier(c, "Bench flash sale at " + n + " connections", HOT_TIER_TICKETS));
            }
            UUID oversellTier = Seeder.saleTier(c, "Bench oversell check", OVERSELL_TICKETS);
            say(String.format(Locale.ROOT, "seeded: %d attendees with tokens, %d tiers of %,d tickets, one of %,d",
                    USERS, levelTiers.size() + 1, HOT_TIER_TICKETS, OVERSELL_TICKETS));

            Thread.sleep(o.settle().toMillis());
            double idleRss = Machine.rssMb(server.pid());
            say(String.format(Locale.ROOT, "footprint: ready after %.1f s, RSS idle %.0f MiB", server.readySeconds(),
                    idleRss));

            checkOneHold(server, lines.get(0), warmTier);
            String url = server.base();
            int threads = Wrk.THREADS;
            say("warm-up: " + o.warmup().toSeconds() + " s of holds at 64 connections"
                    + (pgbench != null ? ", and 5 s of pgbench at 16 clients" : "") + " ...");
            wrk.run("warm-up", url, 64, o.warmup(), "reserve.lua",
                    List.of(tokenFile.toString(), warmTier.toString(), Integer.toString(threads)), server.pid());
            if (pgbench != null) {
                pgbench.run(16, Duration.ofSeconds(3));
            }

            Table table = new Table("run", "conns", "holds/s", "floor tx/s", "ratio", "p50 ms", "p99 ms", "max ms",
                    "201", "409", "429", "other", "sock err", "cpu wrk/srv/pg %");
            double mostHolds = 0;
            for (int n : levels) {
                PgBench.Run floor = null;
                if (pgbench != null) {
                    say("measuring: pgbench floor, " + n + " clients, " + o.measure(FLOOR_SECONDS).toSeconds() + " s ...");
                    floor = pgbench.run(n, o.measure(FLOOR_SECONDS));
                }
                say("measuring: reserve, " + n + " connections, " + o.measure().toSeconds() + " s ...");
                Wrk.Run r = wrk.run("reserve-" + n, url, n, o.measure(), "reserve.lua",
                        List.of(tokenFile.toString(), levelTiers.get(n).toString(), Integer.toString(threads)),
                        server.pid());
                mostHolds = Math.max(mostHolds, r.perSecond(201));
                double ratio = floor == null ? Double.NaN : r.perSecond(201) / floor.tps();
                table.add("reserve (server)", n, r.perSecond(201), floor == null ? Double.NaN : floor.tps(), ratio,
                        r.p50(), r.p99(), r.max(), r.status(201), r.status(409), r.status(429),
                        r.otherThan(201, 409, 429), r.socketErrors(), cpu(r));
                Map<String, Object> f = report.figure("reserve at " + n + " connections");
                f.put("holdsPerSecond", r.perSecond(201));
                f.put("ratioToFloor", ratio);
                f.putAll(r.json());
                f.put("holdsInDatabase", holds(c, levelTiers.get(n))[0]);
                if (floor != null) {
                    table.add("floor (pgbench)" + (floor.clients() < n ? " *" : ""), floor.clients(), floor.tps(),
                            Double.NaN, Double.NaN, floor.p50(), floor.p99(), floor.max(), floor.transactions(), 0, 0,
                            floor.failed(), 0, "-/-/-");
                    Map<String, Object> fl = report.figure("pgbench floor at " + n + " clients");
                    fl.putAll(floor.json());
                    if (floor.clients() < n) {
                        report.notes.add("pgbench ran " + floor.clients() + " clients instead of " + n
                                + ": PostgreSQL's max_connections leaves no more");
                    }
                }
            }
            double afterRss = Machine.rssMb(server.pid());
            if (mode == Mode.FULL) {
                openLoop(report, o, c, server, lines, mostHolds, stack.workDir);
            }

            Wrk.Run storm = null;
            long[] oversell = null;
            Map<String, Long> writes = null;
            Wrk.Run sellOut = null;
            if (mode == Mode.FULL) {
                say("oversell check: " + OVERSELL_TICKETS + " tickets, " + OVERSELL_CONNECTIONS + " connections, "
                        + o.oversell().toSeconds() + " s ...");
                // Rounds of wrk until the tier is sold out (a round ends at its duration; wrk cannot stop on an
                // answer), at most a minute and a half.
                List<Wrk.Run> rounds = new ArrayList<>();
                do {
                    rounds.add(wrk.run("oversell", url, OVERSELL_CONNECTIONS, o.oversell(), "reserve.lua",
                            List.of(tokenFile.toString(), oversellTier.toString(), Integer.toString(threads)),
                            server.pid()));
                } while (holds(c, oversellTier)[2] > 0 && rounds.size() * o.oversell().toSeconds() < 90);
                sellOut = Wrk.Run.combine("oversell", rounds);
                oversell = holds(c, oversellTier);
                boolean exact = oversell[0] == OVERSELL_TICKETS && oversell[1] == OVERSELL_TICKETS
                        && oversell[2] == 0 && sellOut.status(201) <= OVERSELL_TICKETS;
                // Fewer 201s than holds is no oversell: wrk stops at the end of a round with requests in flight,
                // whose holds the server still makes; more 201s than tickets would be.
                table.add("oversell check", OVERSELL_CONNECTIONS, sellOut.perSecond(201), Double.NaN, Double.NaN,
                        sellOut.p50(), sellOut.p99(), sellOut.max(), sellOut.status(201), sellOut.status(409),
                        sellOut.status(429), sellOut.otherThan(201, 409, 429), sellOut.socketErrors(), cpu(sellOut));
                Map<String, Object> f = report.figure("oversell check");
                f.putAll(sellOut.json());
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("tierTickets", OVERSELL_TICKETS);
                check.put("holdsCounted", oversell[0]);
                check.put("ticketsHeld", oversell[1]);
                check.put("available", oversell[2]);
                check.put("answers201", sellOut.status(201));
                check.put("pass", exact);
                report.checks.put("oversell", check);

                say("sold-out storm: " + OVERSELL_CONNECTIONS + " connections on the sold-out tier, "
                        + o.measure(STORM_SECONDS).toSeconds() + " s (PostgreSQL's counters are read after they settle) ...");
                Map<String, Long> before = pgCounters(c);
                storm = wrk.run("sold-out storm", url, OVERSELL_CONNECTIONS, o.measure(STORM_SECONDS), "reserve.lua",
                        List.of(tokenFile.toString(), oversellTier.toString(), Integer.toString(threads)),
                        server.pid());
                Map<String, Long> after = pgCounters(c);
                writes = new LinkedHashMap<>();
                for (String k : before.keySet()) {
                    writes.put(k, after.get(k) - before.get(k));
                }
                long[] afterStorm = holds(c, oversellTier);
                int soldOutBytes = soldOutAnswerBytes(server, lines.get(0), oversellTier);
                String barePath = "/api/conflict/" + soldOutBytes;
                String bareBody = "{\"tierId\":\"" + oversellTier + "\",\"quantity\":1}";
                // The bare endpoint the storm is compared with: a 409 of the same size with no work behind it, on a
                // second server started only now (so that it weighs on nothing measured before), warmed up as well.
                PayaraServer bare = stack.launch("baseline", Browse.baselineWar(stack.root), settings);
                stack.awaitReady("baseline", bare);
                wrk.run("warm-up bare 409", bare.base(), OVERSELL_CONNECTIONS, o.warmup(), "post.lua",
                        List.of(barePath, bareBody), bare.pid());
                say("bare 409: " + OVERSELL_CONNECTIONS + " connections, POST " + barePath + " on the baseline WAR, "
                        + o.measure(STORM_SECONDS).toSeconds() + " s ...");
                Wrk.Run bareRun = wrk.run("bare 409", bare.base(), OVERSELL_CONNECTIONS, o.measure(STORM_SECONDS),
                        "post.lua", List.of(barePath, bareBody), bare.pid());
                table.add("bare 409 (baseline)", OVERSELL_CONNECTIONS, bareRun.perSecond(), Double.NaN, Double.NaN,
                        bareRun.p50(), bareRun.p99(), bareRun.max(), bareRun.status(201), bareRun.status(409),
                        bareRun.status(429), bareRun.otherThan(201, 409, 429), bareRun.socketErrors(), cpu(bareRun));
                Map<String, Object> b = report.figure("bare 409");
                b.put("answersPerSecond", bareRun.perSecond());
                b.put("bodyBytes", soldOutBytes);
                b.putAll(bareRun.json());
                table.add("sold-out storm", OVERSELL_CONNECTIONS, storm.perSecond(), Double.NaN,
                        storm.perSecond() / bareRun.perSecond(), storm.p50(), storm.p99(), storm.max(), storm.status(201),
                        storm.status(409), storm.status(429), storm.otherThan(201, 409, 429), storm.socketErrors(), cpu(storm));
                Map<String, Object> s = report.figure("sold-out storm");
                s.put("answersPerSecond", storm.perSecond());
                s.put("ratioToBare409", storm.perSecond() / bareRun.perSecond());
                s.putAll(storm.json());
                Map<String, Object> db1 = new LinkedHashMap<>(writes);
                db1.put("holdsAfterStorm", afterStorm[0]);
                s.put("postgresDuringStorm", db1);
                report.checks.put("soldOutStormAll409", storm.otherThan(409) == 0 && storm.socketErrors() == 0);
                stormOpenLoop(report, o, server, lines, oversellTier, storm.perSecond(), stack.workDir);
            }

            Map<String, Object> fp = new LinkedHashMap<>();
            fp.put("secondsToReady", server.readySeconds());
            fp.put("rssIdleMb", idleRss);
            fp.put("rssAfterSaleMb", afterRss);
            fp.put("jvmOptions", "payara-config/jvm.options (-Xms256m -Xmx512m -XX:MaxMetaspaceSize=320m, G1)");
            Map<String, Object> log = server.logSummary();

            // Report
            System.out.println();
            say("RESULTS (" + (o.quick() ? "quick, " : "") + o.measure().toSeconds() + " s per run; wrk -t"
                    + threads + "; machine " + Machine.cores() + " cores, load average " + Machine.loadAverage() + ")");
            table.print();
            System.out.println("  holds/s: 201 answers per second (the storm and the bare 409: answers per second); ratio: "
                    + "holds/s / pgbench tx/s at the same client count, the storm's answers/s / the bare 409's; cpu: share "
                    + "of the whole machine");
            if (report.notes.stream().anyMatch(n -> n.startsWith("pgbench ran"))) {
                System.out.println("  * pgbench limited by PostgreSQL's max_connections");
            }
            if (oversell != null) {
                System.out.printf(Locale.ROOT, "OVERSELL CHECK: tier of %d, %d connections: %d holds in the database "
                                + "holding %d tickets, available %d, %d answers 201: %s%n", OVERSELL_TICKETS,
                        OVERSELL_CONNECTIONS, oversell[0], oversell[1], oversell[2], sellOut.status(201),
                        Boolean.TRUE.equals(((Map<?, ?>) report.checks.get("oversell")).get("pass")) ? "PASS" : "FAIL");
                System.out.printf(Locale.ROOT, "SOLD-OUT STORM: %.0f answers/s, p99 %.1f ms, %d of %d answers 409; "
                                + "PostgreSQL meanwhile (database of the server): %s%n", storm.perSecond(), storm.p99(),
                        storm.status(409), storm.requests(), writes);
            }
            System.out.printf(Locale.ROOT, "FOOTPRINT: ready %.1f s after launch; RSS idle %.0f MiB, after the sale "
                    + "%.0f MiB%n", server.readySeconds(), idleRss, afterRss);
            System.out.println("SERVER LOG: " + log);
            report.figures.add(footprintFigure(fp));
            report.checks.put("serverLog", log);
            report.write(stack.root, stack.stamp);
            if (mode == Mode.FULL) {
                Report footprint = new Report("footprint", o.quick());
                footprint.configuration.putAll(report.configuration);
                footprint.configuration.put("measuredDuring", "the flash-sale run");
                footprint.figures.add(footprintFigure(fp));
                footprint.write(stack.root, stack.stamp);
            }
            boolean ok = mode == Mode.FOOTPRINT || (Boolean.TRUE.equals(((Map<?, ?>) report.checks.get("oversell"))
                    .get("pass")));
            return ok ? 0 : 1;
        }
    }

    /**
     * Holds under an open-model load ({@link OpenLoop}): at half and at four fifths of the most holds a second the closed
     * loop reached, over {@link #OPEN_LOOP_CONNECTIONS} connections, each on a fresh tier, the users taking turns;
     * latency from when each request was due.
     */
    private static void openLoop(Report report, Bench.Options o, Connection c, PayaraServer server, List<String> tokens,
                                 double capacity, Path workDir) throws Exception {
        for (double share : OPEN_LOOP_SHARES) {
            int percent = (int) Math.round(100 * share);
            UUID tier = Seeder.saleTier(c, "Bench open loop at " + percent + " %", HOT_TIER_TICKETS);
            String body = "{\"tierId\":\"" + tier + "\",\"quantity\":1}";
            Path requests = workDir.resolve("open-loop-holds-" + percent + ".txt");
            Files.write(requests, tokens.stream().map(t -> OpenLoop.post("/api/v1/tickets/reserve", t, body)).toList());
            double rate = Math.floor(capacity * share);
            say(String.format(Locale.ROOT, "open loop: %.0f holds a second (%d %% of %.0f), %d connections, %d s ...",
                    rate, percent, capacity, OPEN_LOOP_CONNECTIONS, o.measure(OPEN_LOOP_SECONDS).toSeconds()));
            OpenLoop.Run r = OpenLoop.start(server.base(), requests, rate, o.measure(OPEN_LOOP_SECONDS),
                    OPEN_LOOP_CONNECTIONS, server.pid(), workDir.resolve("open-loop-holds-" + percent + ".log"));
            say(String.format(Locale.ROOT, "OPEN LOOP: holds offered %.0f/s over %d connections: answered %.0f/s, "
                            + "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms from when due; %d not 2xx, %d failed; "
                            + "sender lag %.1f ms; cpu client %.0f %%, server %.0f %%", r.offered(), r.connections(),
                    r.achieved(), r.p50(), r.p99(), r.p999(), r.max(), r.other(), r.failed(), r.senderLagMs(),
                    100 * r.clientCpuShare(), 100 * r.serverCpuShare()));
            Map<String, Object> f = report.figure("reserve, open loop at " + percent
                    + " % of the closed loop's most holds a second");
            f.put("closedLoopHoldsPerSecond", capacity);
            f.putAll(r.json());
        }
    }

    /**
     * Sold-out answers under an open-model load, at half and four fifths of the rate the storm's closed loop reached,
     * over the storm's {@link #OVERSELL_CONNECTIONS} connections: the latency of a 409 when the server keeps up, which
     * the closed loop at saturation cannot show (its p99 is the queue of its 256 connections, the bare 409's as well).
     */
    private static void stormOpenLoop(Report report, Bench.Options o, PayaraServer server, List<String> tokens,
                                      UUID soldOutTier, double capacity, Path workDir) throws Exception {
        String body = "{\"tierId\":\"" + soldOutTier + "\",\"quantity\":1}";
        Path requests = workDir.resolve("open-loop-storm.txt");
        Files.write(requests, tokens.stream().map(t -> OpenLoop.post("/api/v1/tickets/reserve", t, body)).toList());
        for (double share : OPEN_LOOP_SHARES) {
            int percent = (int) Math.round(100 * share);
            double rate = Math.floor(capacity * share);
            say(String.format(Locale.ROOT, "open loop: %.0f sold-out answers a second (%d %% of %.0f), %d connections, "
                    + "%d s ...", rate, percent, capacity, OVERSELL_CONNECTIONS, o.measure(STORM_SECONDS).toSeconds()));
            OpenLoop.Run r = OpenLoop.start(server.base(), requests, rate, o.measure(STORM_SECONDS),
                    OVERSELL_CONNECTIONS, server.pid(), workDir.resolve("open-loop-storm-" + percent + ".log"));
            say(String.format(Locale.ROOT, "OPEN LOOP: sold-out holds offered %.0f/s over %d connections: answered "
                            + "%.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms from when due; %d answers 2xx "
                            + "(0 expected), %d failed; sender lag %.1f ms; cpu client %.0f %%, server %.0f %%", r.offered(),
                    r.connections(), r.achieved(), r.p50(), r.p99(), r.p999(), r.max(), r.ok(), r.failed(),
                    r.senderLagMs(), 100 * r.clientCpuShare(), 100 * r.serverCpuShare()));
            Map<String, Object> f = report.figure("sold-out storm, open loop at " + percent
                    + " % of the closed loop's answers a second");
            f.put("closedLoopAnswersPerSecond", capacity);
            f.putAll(r.json());
        }
    }

    private static Map<String, Object> footprintFigure(Map<String, Object> fp) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "footprint");
        f.putAll(fp);
        return f;
    }

    private static String cpu(Wrk.Run r) {
        return r.cpuShares();
    }

    private static void configuration(Report report, Stack stack, Bench.Options o, Map<String, String> settings,
                                      Mode mode) throws java.io.IOException {
        Map<String, Object> cfg = report.configuration;
        cfg.put("measureSeconds", o.measure().toSeconds());
        cfg.put("warmupSeconds", o.warmup().toSeconds());
        cfg.put("connections", mode == Mode.FULL ? LEVELS : List.of(256));
        cfg.put("users", USERS);
        cfg.put("ticketsPerLevelTier", HOT_TIER_TICKETS);
        if (mode == Mode.FULL) {
            cfg.put("oversellTickets", OVERSELL_TICKETS);
            cfg.put("oversellConnections", OVERSELL_CONNECTIONS);
            cfg.put("oversellRoundSeconds", o.oversell().toSeconds());
            cfg.put("pgbench", "-M prepared -c N -j 2 -T " + o.measure(FLOOR_SECONDS).toSeconds() + " (synchronous_commit on): "
                    + PgBench.SCRIPT.replaceAll("\\s+", " ").trim());
        }
        cfg.put("wrk", Wrk.version() + ", -t" + Wrk.THREADS + " --timeout " + Wrk.TIMEOUT_SECONDS + "s");
        cfg.put("serverSettingsChanged", new LinkedHashMap<>(LIMITS));
        cfg.put("serverDefaults", stack.jvmDefaults());
        Map<String, String> shown = new LinkedHashMap<>(settings);
        shown.put("JWT_PRIVATE_KEY", "(generated for the run)");
        cfg.put("serverSettings", shown);
    }

    /** A single hold through the API, so that a misconfiguration fails early and clearly. */
    private static void checkOneHold(PayaraServer server, String token, UUID tier) throws Exception {
        HttpResponse<String> r = reserveOne(server, token, tier);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("a first hold answered " + r.statusCode() + ": " + r.body());
        }
        say("check: a hold through the API answered 201");
    }

    /** The size of a sold-out answer's body: the bare 409 the storm is compared with answers as many bytes. */
    private static int soldOutAnswerBytes(PayaraServer server, String token, UUID tier) throws Exception {
        HttpResponse<String> r = reserveOne(server, token, tier);
        if (r.statusCode() != 409) {
            throw new IllegalStateException("a hold of the sold-out tier answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** One hold of one ticket of {@code tier} through the API, as the scenario's requests make them. */
    private static HttpResponse<String> reserveOne(PayaraServer server, String token, UUID tier) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/tickets/reserve"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tierId\":\"" + tier + "\",\"quantity\":1}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Holds of a tier in the database: count, tickets held, and the tier's available quantity. */
    static long[] holds(Connection c, UUID tier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM reservations WHERE tier_id = ?), "
                + "(SELECT coalesce(sum(quantity), 0) FROM reservations WHERE tier_id = ?), "
                + "(SELECT available_quantity FROM ticket_tiers WHERE id = ?)")) {
            ps.setObject(1, tier);
            ps.setObject(2, tier);
            ps.setObject(3, tier);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /**
     * The server database's transaction and row counters (pg_stat_database) once the sessions have reported
     * them (backends flush their statistics within about ten seconds of going idle), and the WAL position of
     * the whole PostgreSQL cluster (other databases' writes included).
     */
    static Map<String, Long> pgCounters(Connection c) throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        try (PreparedStatement ps = c.prepareStatement("SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, "
                + "tup_deleted, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM pg_stat_database "
                + "WHERE datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("commits", rs.getLong(1));
            m.put("rollbacks", rs.getLong(2));
            m.put("rowsInserted", rs.getLong(3));
            m.put("rowsUpdated", rs.getLong(4));
            m.put("rowsDeleted", rs.getLong(5));
            m.put("walBytesCluster", rs.getLong(6));
            return m;
        }
    }

    private static void say(Stack stack, String scenario) {
        say("Eventix " + scenario + " benchmark; machine: " + Machine.cores() + " cores, load average "
                + Machine.loadAverage() + ", Java " + System.getProperty("java.version") + "; open files limit "
                + Wrk.openFilesLimit());
        say("repository: " + stack.root);
    }

    static void say(String line) {
        Stack.say(line);
    }
}
