package com.eventix.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Search at catalogue scale: GET /api/v1/events/search against a seeded table of 100,000 events, with baselines
 * measured in the same run so that results read as ratios.
 *
 * <p>It starts what the server needs (a fresh PostgreSQL database on 127.0.0.1:5432, an embedded Artemis broker,
 * the machine's Redis on 127.0.0.1:6379) and target/eventix.war on Payara Micro, seeds the catalogue with SQL once
 * Flyway has created the schema, then measures with the same client concurrency:
 * <ol>
 *   <li>HTTP floor: GET /health/live, a trivial endpoint of the same server;</li>
 *   <li>server search, cold: several hundred distinct searches, each sent once (search cache misses);</li>
 *   <li>JDBC floor: the same searches as the exact SQL the server runs (count, then page), over JDBC;</li>
 *   <li>server search, warm: a few of those searches repeated (search cache hits);</li>
 *   <li>one client: other distinct searches sent one at a time, to the server and as SQL over JDBC, which shows
 *       the time a search costs without queueing behind the others;</li>
 * </ol>
 * and prints latency percentiles, throughput, ratios, PostgreSQL's plans of representative searches and
 * PASS/FAIL against the target (cold search p95). The server, the broker and the database are always removed
 * at the end, also on failure or Ctrl-C.
 */
public final class SearchBench {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final Stack stack;
    private final Path root;
    private String database;
    private PayaraServer server;

    /** Command-line options: --name=value or --flag. */
    record Options(int events, int threads, int cold, int single, int hot, int warm, int warmup, int live, double targetMs,
                   boolean failOnMiss, boolean keepDatabase, boolean quick, long seed, String pgHost, int pgPort, String pgUser,
                   String redisHost, int redisPort) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (!part.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown argument " + part + "\n" + usage());
                    }
                    int eq = part.indexOf('=');
                    a.put(eq < 0 ? part.substring(2) : part.substring(2, eq), eq < 0 ? "true" : part.substring(eq + 1));
                }
            }
            Set<String> known = Set.of("events", "threads", "cold", "single", "hot", "warm", "warmup", "live", "target-ms",
                    "fail-on-miss", "keep-database", "quick", "seed", "pg-host", "pg-port", "pg-user", "redis-host",
                    "redis-port", "help");
            for (String name : a.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("Unknown option --" + name + "\n" + usage());
                }
            }
            if (a.containsKey("help")) {
                System.out.println(usage());
                System.exit(0);
            }
            return new Options(
                    Integer.parseInt(a.getOrDefault("events", "100000")),
                    Integer.parseInt(a.getOrDefault("threads", "8")),
                    Integer.parseInt(a.getOrDefault("cold", "800")),
                    Integer.parseInt(a.getOrDefault("single", "300")),
                    Integer.parseInt(a.getOrDefault("hot", "40")),
                    Integer.parseInt(a.getOrDefault("warm", "3000")),
                    Integer.parseInt(a.getOrDefault("warmup", "400")),
                    Integer.parseInt(a.getOrDefault("live", "3000")),
                    Double.parseDouble(a.getOrDefault("target-ms", "50")),
                    Boolean.parseBoolean(a.getOrDefault("fail-on-miss", "false")),
                    Boolean.parseBoolean(a.getOrDefault("keep-database", "false")),
                    Boolean.parseBoolean(a.getOrDefault("quick", "false")),
                    Long.parseLong(a.getOrDefault("seed", "42")),
                    a.getOrDefault("pg-host", "127.0.0.1"),
                    Integer.parseInt(a.getOrDefault("pg-port", "5432")),
                    a.getOrDefault("pg-user", "postgres"),
                    a.getOrDefault("redis-host", "127.0.0.1"),
                    Integer.parseInt(a.getOrDefault("redis-port", "6379")));
        }

        static String usage() {
            return """
                    Options (defaults in brackets):
                      --events=N        events to seed [100000]
                      --threads=N       concurrent client threads in every phase [8]
                      --cold=N          distinct searches, each sent once: the cold phase and the JDBC floor [800]
                      --single=N        other distinct searches sent by one client, server and JDBC (0: skip) [300]
                      --hot=N           distinct searches repeated in the warm phase [40]
                      --warm=N          requests of the warm phase [3000]
                      --warmup=N        warm-up searches (not measured; server and JDBC each) [400]
                      --live=N          requests of GET /health/live [3000]
                      --target-ms=X     target for the cold search p95 [50]
                      --fail-on-miss    exit with status 1 when the target is missed
                      --keep-database   keep the seeded database for investigation (dropped otherwise)
                      --quick           mark the result as a quick run (not copied to bench/results/)
                      --seed=N          seed of the catalogue and of the query mix [42]
                      --pg-host, --pg-port, --pg-user    PostgreSQL (trust auth) [127.0.0.1, 5432, postgres]
                      --redis-host, --redis-port         Redis [127.0.0.1, 6379]""";
        }
    }

    private SearchBench(Options options, Stack stack) {
        this.options = options;
        this.stack = stack;
        this.root = stack.root;
    }

    /** The search scenario of {@link Bench}; also runnable alone. */
    public static void main(String[] args) {
        int status = run(args);
        System.out.flush();
        // Ends the JVM (also under exec:java) whatever threads the broker or HTTP client left behind.
        System.exit(status);
    }

    /** Runs the benchmark; returns 0 when it ran, 1 on a missed target with --fail-on-miss, 2 when it could not run. */
    static int run(String[] args) {
        int status;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            return 2;
        }
        Stack.Services services = new Stack.Services(options.pgHost(), options.pgPort(), options.pgUser(),
                options.redisHost(), options.redisPort(), options.keepDatabase());
        try (Stack stack = new Stack(services, "search")) {
            SearchBench bench = new SearchBench(options, stack);
            boolean pass = bench.run();
            status = pass || !options.failOnMiss() ? 0 : 1;
        } catch (Exception e) {
            System.out.println();
            System.out.println("Benchmark aborted: " + e);
            e.printStackTrace(System.out);
            status = 2;
        }
        return status;
    }

    private boolean run() throws Exception {
        say("Eventix search benchmark: " + options.events() + " events, " + options.threads() + " client threads");
        Report report = new Report("search", options.quick());
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage()
                + ", Java " + System.getProperty("java.version"));
        say("repository: " + root);
        Set<String> vocabulary = Vocabulary.distinctWords();
        say("vocabulary: " + vocabulary.size() + " distinct words");

        // 1. Services and the server.
        database = stack.createDatabase("");
        stack.requireRedis();
        Map<String, String> settings = stack.productSettings(database);
        server = stack.launch("eventix", PayaraServer.productWar(root), settings);
        stack.awaitReady("eventix", server);

        // 2. The catalogue, seeded into the schema Flyway created.
        try (Connection c = connect()) {
            awaitSchema(c);
            Seeder.Result seeded = Seeder.seed(c, options.events(), seedFraction());
            say(String.format(Locale.ROOT, "seeded: %d events, %d ticket tiers in %.1f s (VACUUM ANALYZE included); "
                            + "events table %s, of which GIN index events_search_idx %s", seeded.events(),
                    seeded.tiers(), seeded.millis() / 1000.0, seeded.eventsSize(), seeded.searchIndexSize()));
            for (String fact : Seeder.facts(c)) {
                say("  " + fact);
            }
        }
        // Search pages are cached in Redis under a generation number shared by every server on this Redis; a new
        // generation makes sure this run starts from an empty search cache.
        say("redis: search cache generation bumped to " + stack.redis("INCR", "eventix:events:generation"));

        // 3. Query sets.
        List<SearchQuery> cold = QueryMix.distinct(options.cold(), options.seed(), Set.of());
        Set<String> coldPaths = cold.stream().map(SearchQuery::path).collect(Collectors.toSet());
        List<SearchQuery> warmup = QueryMix.distinct(options.warmup(), options.seed() + 1, coldPaths);
        Set<String> taken = new HashSet<>(coldPaths);
        warmup.forEach(q -> taken.add(q.path()));
        List<SearchQuery> single = QueryMix.distinct(options.single(), options.seed() + 2, taken);
        List<SearchQuery> hot = cold.subList(0, Math.min(options.hot(), cold.size()));
        List<SearchQuery> warm = new ArrayList<>();
        Random shuffle = new Random(options.seed());
        while (warm.size() < options.warm()) {
            List<SearchQuery> round = new ArrayList<>(hot);
            Collections.shuffle(round, shuffle);
            warm.addAll(round.subList(0, Math.min(round.size(), options.warm() - warm.size())));
        }
        say("query mix: " + cold.size() + " distinct searches (cold), " + hot.size() + " of them repeated "
                + warm.size() + " times (warm), " + single.size() + " others for one client, " + warmup.size()
                + " others to warm up; e.g. "
                + cold.subList(0, Math.min(8, cold.size())).stream().map(q -> "\"" + q.q() + "\"")
                .collect(Collectors.joining(", ")));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            pool.add(connect());
        }
        sanityCheck(http, pool.get(0));

        // 4. Warm-up (not measured): the server's JIT and pools, the driver, PostgreSQL's buffers.
        say("warm-up ...");
        Load.run("warmup-server", warmup, options.threads(), SearchQuery::labels,
                (i, q, t) -> get(http, q.path()));
        Load.run("warmup-jdbc", warmup, options.threads(), SearchQuery::labels,
                (i, q, t) -> searchOverJdbc(pool.get(t), q, null, null, i));
        Load.run("warmup-live", Collections.nCopies(500, "/health/live"), options.threads(),
                p -> List.of(), (i, p, t) -> get(http, p));

        // 5. Measured phases.
        say("measuring: HTTP floor (GET /health/live) ...");
        Load.Result live = Load.run("live", Collections.nCopies(options.live(), "/health/live"), options.threads(),
                p -> List.of(), (i, p, t) -> get(http, p));

        // PostgreSQL's own clock: the time its sessions spent executing statements in this database
        // (pg_stat_database.active_time), read before and after each phase that queries it.
        Connection stats = connect();
        Map<Load.Result, Double> sqlMillis = new LinkedHashMap<>();
        double mark = settledActiveTime(stats);

        say("measuring: server search, cold ...");
        double[] before = cacheCounters(http);
        Load.Result serverCold = Load.run("server cold", cold, options.threads(), SearchQuery::labels,
                (i, q, t) -> get(http, q.path()));
        double[] afterCold = cacheCounters(http);
        sqlMillis.put(serverCold, -mark + (mark = settledActiveTime(stats)));

        say("measuring: JDBC floor (the server's search SQL over JDBC) ...");
        long[] countMicros = new long[cold.size()];
        long[] selectMicros = new long[cold.size()];
        long[] totals = new long[cold.size()];
        Load.Result jdbc = Load.run("JDBC floor", cold, options.threads(), SearchQuery::labels,
                (i, q, t) -> totals[i] = searchOverJdbc(pool.get(t), q, countMicros, selectMicros, i));
        sqlMillis.put(jdbc, -mark + (mark = settledActiveTime(stats)));

        Load.Result serverSingle = null;
        Load.Result jdbcSingle = null;
        if (!single.isEmpty()) {
            say("measuring: server search, cold, one client ...");
            serverSingle = Load.run("server cold, 1 client", single, 1, SearchQuery::labels,
                    (i, q, t) -> get(http, q.path()));
            sqlMillis.put(serverSingle, -mark + (mark = settledActiveTime(stats)));
            say("measuring: JDBC floor, one client ...");
            jdbcSingle = Load.run("JDBC floor, 1 client", single, 1, SearchQuery::labels,
                    (i, q, t) -> searchOverJdbc(pool.get(0), q, null, null, i));
            sqlMillis.put(jdbcSingle, -mark + (mark = settledActiveTime(stats)));
        }

        say("measuring: server search, warm ...");
        double[] beforeWarm = cacheCounters(http);
        Load.Result serverWarm = Load.run("server warm", warm, options.threads(), SearchQuery::labels,
                (i, q, t) -> get(http, q.path()));
        double[] afterWarm = cacheCounters(http);
        String loadAfter = loadAverage();

        // 6. Report.
        System.out.println();
        say("RESULTS (latency in ms; " + options.threads() + " client threads unless noted; load average at the end "
                + loadAfter + ")");
        String header = String.format(Locale.ROOT, "%-44s %6s %8s %8s %8s %8s %9s %7s", "scenario", "n", "p50", "p95",
                "p99", "max", "req/s", "errors");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        row("HTTP floor: GET /health/live", live);
        row("JDBC floor: search SQL (windowed)", jdbc);
        row("server search, cold (cache " + hitRate(before, afterCold) + ")", serverCold);
        row("server search, warm (cache " + hitRate(beforeWarm, afterWarm) + ")", serverWarm);
        if (serverSingle != null) {
            row("JDBC floor, 1 client", jdbcSingle);
            row("server search, cold, 1 client", serverSingle);
        }
        System.out.println();
        say("RATIOS");
        ratio("server cold p95 / JDBC p95", serverCold.p(95), jdbc.p(95));
        ratio("server cold p50 / JDBC p50", serverCold.p(50), jdbc.p(50));
        ratio("server cold p95 / HTTP floor p95", serverCold.p(95), live.p(95));
        ratio("server warm p95 / HTTP floor p95", serverWarm.p(95), live.p(95));
        ratio("server cold p95 / server warm p95", serverCold.p(95), serverWarm.p(95));
        ratio("server cold req/s / JDBC req/s", serverCold.perSecond(), jdbc.perSecond());
        if (serverSingle != null) {
            ratio("1 client: server cold p95 / JDBC p95", serverSingle.p(95), jdbcSingle.p(95));
            ratio("1 client: server cold p50 / JDBC p50", serverSingle.p(50), jdbcSingle.p(50));
        }
        System.out.printf(Locale.ROOT, "  %-44s count p50 %.2f ms, p95 %.2f ms; page p50 %.2f ms, p95 %.2f ms%n",
                "JDBC floor split (count: pages past the end):", percentile(countMicros, 50) / 1000.0,
                percentile(countMicros, 95) / 1000.0, percentile(selectMicros, 50) / 1000.0,
                percentile(selectMicros, 95) / 1000.0);
        System.out.printf(Locale.ROOT, "  %-44s p50 %d, p95 %d, max %d (of %d visible events)%n",
                "matching events per search:", percentile(totals, 50), percentile(totals, 95),
                percentile(totals, 100), visibleEvents());

        System.out.println();
        say("WHERE THE TIME GOES (mean per search, ms): client-measured latency vs PostgreSQL executing statements");
        sqlMillis.forEach((r, sql) -> System.out.printf(Locale.ROOT,
                "  %-24s latency %7.2f   in PostgreSQL %7.2f (%3.0f%%)   elsewhere %7.2f%n", r.name,
                r.all.getMean() / 1000.0, sql / r.requests, 100 * (sql / r.requests) / (r.all.getMean() / 1000.0),
                r.all.getMean() / 1000.0 - sql / r.requests));

        System.out.println();
        say("BY KIND OF SEARCH (cold server vs JDBC; ms)");
        String kindHeader = String.format(Locale.ROOT, "%-24s %5s %9s %9s %9s %9s %7s", "kind", "n", "srv p50",
                "srv p95", "jdbc p50", "jdbc p95", "p95 x");
        System.out.println(kindHeader);
        System.out.println("-".repeat(kindHeader.length()));
        for (String label : serverCold.byLabel.keySet().stream().sorted(labelOrder()).toList()) {
            Histogram s = serverCold.byLabel.get(label);
            Histogram j = jdbc.byLabel.get(label);
            System.out.printf(Locale.ROOT, "%-24s %5d %9.1f %9.1f %9.1f %9.1f %7.2f%n", label, s.getTotalCount(),
                    ms(s, 50), ms(s, 95), ms(j, 50), ms(j, 95), ms(s, 95) / ms(j, 95));
        }

        System.out.println();
        say("SLOWEST COLD SEARCHES (server ms, JDBC ms of the same search, matching events)");
        List<Integer> slowest = new ArrayList<>();
        for (int i = 0; i < cold.size(); i++) {
            slowest.add(i);
        }
        slowest.sort(Comparator.comparingLong((Integer i) -> serverCold.micros[i]).reversed());
        for (int i : slowest.subList(0, Math.min(10, slowest.size()))) {
            System.out.printf(Locale.ROOT, "  %8.1f %8.1f %7d  %s%n", serverCold.micros[i] / 1000.0,
                    jdbc.micros[i] / 1000.0, totals[i], cold.get(i).path());
        }
        List<Load.Result> all = new ArrayList<>(List.of(live, serverCold, jdbc, serverWarm));
        if (serverSingle != null) {
            all.addAll(List.of(serverSingle, jdbcSingle));
        }
        for (Load.Result r : all) {
            if (r.errors > 0) {
                say("errors in " + r.name + ": " + r.errors + ", e.g. " + r.errorSamples);
            }
        }

        // 7. PostgreSQL's own view.
        System.out.println();
        int worst = 0;
        for (int i = 1; i < cold.size(); i++) {
            if (jdbc.micros[i] > jdbc.micros[worst]) {
                worst = i;
            }
        }
        try (Connection c = connect()) {
            explain(c, "prefix, ranked by relevance", new SearchQuery("prefix", "jaz", null, null, null, false, 1, 20),
                    false);
            explain(c, "two words, category filter, sort=startTime",
                    new SearchQuery("two words", "rock fes", "music", null, null, true, 1, 20), false);
            explain(c, "the slowest search of the JDBC floor in this run", cold.get(worst), true);
        }

        // 8. Verdict.
        boolean pass = serverCold.p(95) < options.targetMs() && serverCold.errors == 0;
        System.out.println();
        System.out.printf(Locale.ROOT, "TARGET: server search p95 (cold, %d distinct searches, %d threads) = %.1f ms "
                        + "< %.0f ms: %s%n", cold.size(), options.threads(), serverCold.p(95), options.targetMs(),
                pass ? "PASS" : "FAIL");

        // 9. Result file.
        report.configuration.put("options", options.toString().replaceFirst("^Options\\[", "").replaceFirst("]$", ""));
        report.configuration.put("serverDefaults", stack.jvmDefaults());
        report.configuration.put("serverSettings", settings);
        figure(report, "HTTP floor: GET /health/live", live, null);
        figure(report, "JDBC floor: search SQL (windowed)", jdbc, null);
        figure(report, "server search, cold", serverCold, hitRate(before, afterCold));
        figure(report, "server search, warm", serverWarm, hitRate(beforeWarm, afterWarm));
        if (serverSingle != null) {
            figure(report, "JDBC floor, 1 client", jdbcSingle, null);
            figure(report, "server search, cold, 1 client", serverSingle, null);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("what", "server search p95, cold, " + options.threads() + " threads");
        target.put("targetMs", options.targetMs());
        target.put("p95Ms", serverCold.p(95));
        target.put("pass", pass);
        report.checks.put("target", target);
        report.checks.put("serverLog", server.logSummary());
        report.write(root, stack.stamp);
        return pass;
    }

    private static void figure(Report report, String name, Load.Result r, String cache) {
        Map<String, Object> f = report.figure(name);
        f.put("threads", name.endsWith("1 client") ? 1 : null);
        f.put("requests", r.requests - r.errors);
        f.put("errors", r.errors);
        f.put("requestsPerSecond", r.perSecond());
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("p50", r.p(50));
        ms.put("p95", r.p(95));
        ms.put("p99", r.p(99));
        ms.put("max", r.max());
        f.put("latencyMs", ms);
        if (cache != null) {
            f.put("cache", cache);
        }
        if (f.get("threads") == null) {
            f.remove("threads");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The server

    private static void get(HttpClient http, String base, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + path);
        }
    }

    private void get(HttpClient http, String path) throws IOException, InterruptedException {
        get(http, server.base(), path);
    }

    private String getText(HttpClient http, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + path + ": " + r.body());
        }
        return r.body();
    }

    /**
     * The server and the copied SQL must agree on what a search finds, or the JDBC floor measures something else.
     * Pages of one event, so that these requests leave no cache entry any measured search could hit.
     */
    private void sanityCheck(HttpClient http, Connection c) throws Exception {
        List<SearchQuery> checks = new ArrayList<>(List.of(
                new SearchQuery("prefix", "jaz", null, null, null, false, 1, 1),
                new SearchQuery("two words", "rock fes", "music", null, null, true, 1, 1),
                new SearchQuery("prefix", "acc", null, BigDecimal.valueOf(10), BigDecimal.valueOf(50), false, 1, 1)));
        StringBuilder b = new StringBuilder("check: server and JDBC agree on matches:");
        for (SearchQuery q : checks) {
            Matcher m = TOTAL.matcher(getText(http, q.path()));
            long server = m.find() ? Long.parseLong(m.group(1)) : -1;
            long direct = searchOverJdbc(c, q, null, null, 0);
            if (server != direct) {
                throw new IllegalStateException("the server found " + server + " events for " + q.path()
                        + " but the copied SQL finds " + direct + ": SearchSql no longer matches EventCatalog");
            }
            b.append(" \"").append(q.q()).append("\"=").append(server);
        }
        say(b.toString());
    }

    /** Search cache hits and misses so far, from the server's Prometheus metrics. */
    private double[] cacheCounters(HttpClient http) throws IOException, InterruptedException {
        String metrics = getText(http, "/metrics");
        double[] counts = new double[2];
        Pattern p = Pattern.compile("^eventix_cache_requests_total\\{([^}]*)} ([0-9.E+-]+)", Pattern.MULTILINE);
        Matcher m = p.matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("cache=\"search\"")) {
                int slot = m.group(1).contains("result=\"hit\"") ? 0 : 1;
                counts[slot] += Double.parseDouble(m.group(2));
            }
        }
        return counts;
    }

    private static String hitRate(double[] before, double[] after) {
        double hits = after[0] - before[0];
        double misses = after[1] - before[1];
        return hits + misses == 0 ? "not counted" : String.format(Locale.ROOT, "hits %.0f%%", 100 * hits / (hits + misses));
    }

    // ---------------------------------------------------------------------------------------------------------
    // PostgreSQL

    private Connection connect() throws SQLException {
        return stack.connect(database);
    }

    private void awaitSchema(Connection c) throws SQLException, InterruptedException {
        stack.awaitSchema(c);
    }

    /**
     * pg_stat_database.active_time of this database once the sessions have reported it: backends flush their
     * session statistics within about ten seconds of going idle.
     */
    private double settledActiveTime(Connection c) throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT active_time FROM pg_stat_database WHERE datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /**
     * One search as EventCatalog runs it: the windowed page query (all columns read), whose rows carry the total,
     * and the count query only for a page past the end. Returns the total; records the time of each statement
     * when arrays are given (the count's time is 0 when it was not needed).
     */
    private static long searchOverJdbc(Connection c, SearchQuery q, long[] countMicros, long[] selectMicros, int i)
            throws SQLException {
        SearchSql.Statement st = SearchSql.of(q);
        long start = System.nanoTime();
        long total = -1;
        try (PreparedStatement ps = c.prepareStatement(st.selectSql())) {
            bind(ps, st.params());
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int col = 1; col <= columns; col++) {
                        rs.getObject(col);
                    }
                    total = rs.getLong(columns);
                }
            }
        }
        long paged = System.nanoTime();
        if (total < 0) {
            total = 0;
            if (q.page() > 1) {
                try (PreparedStatement ps = c.prepareStatement(st.countSql())) {
                    bind(ps, st.params());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
        }
        if (countMicros != null) {
            selectMicros[i] = (paged - start) / 1000;
            countMicros[i] = (System.nanoTime() - paged) / 1000;
        }
        return total;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int p = 0; p < params.size(); p++) {
            Object v = params.get(p);
            if (v instanceof BigDecimal d) {
                ps.setBigDecimal(p + 1, d);
            } else {
                ps.setString(p + 1, (String) v);
            }
        }
    }

    private long visibleEvents() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM events WHERE status IN ('PUBLISHED', 'ACTIVE')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void explain(Connection c, String title, SearchQuery q, boolean withCount) throws SQLException {
        SearchSql.Statement st = SearchSql.of(q);
        List<String[]> statements = new ArrayList<>();
        if (withCount) {
            statements.add(new String[] {"count query", st.countSql()});
        }
        statements.add(new String[] {"page query", st.selectSql()});
        for (String[] s : statements) {
            say("EXPLAIN (ANALYZE, BUFFERS) - " + title + ": " + q.path() + " (" + s[0] + ")");
            System.out.println("  " + SearchSql.inline(s[1], st.params()).replaceAll("\\s+", " ").trim());
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + s[1])) {
                bind(ps, st.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
            }
        }
    }


    // ---------------------------------------------------------------------------------------------------------
    // Small helpers

    private static String loadAverage() {
        return Machine.loadAverage();
    }

    private double seedFraction() {
        // setseed takes a value in [-1, 1]
        return (options.seed() % 1000) / 1000.0;
    }

    private static void row(String name, Load.Result r) {
        System.out.printf(Locale.ROOT, "%-44s %6d %8.2f %8.2f %8.2f %8.2f %9.1f %7d%n", name, r.requests - r.errors,
                r.p(50), r.p(95), r.p(99), r.max(), r.perSecond(), r.errors);
    }

    private static void ratio(String name, double a, double b) {
        System.out.printf(Locale.ROOT, "  %-44s %8.2f x%n", name, a / b);
    }

    private static double ms(Histogram h, double percentile) {
        return h == null ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static long percentile(long[] values, double percentile) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Comparator<String> labelOrder() {
        List<String> order = List.of("prefix (3-5 letters)", "one word", "two words", "city", "category name",
                "+ category filter", "+ price filter", "sort=relevance", "sort=startTime", "page 2+");
        return Comparator.comparingInt((String l) -> order.contains(l) ? order.indexOf(l) : order.size())
                .thenComparing(l -> l);
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
