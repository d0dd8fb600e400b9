package com.eventix.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Browsing: GET /api/v1/events (a random one of the first listing pages) and GET /api/v1/events/{id} (a random
 * one of about 200 listed events with tiers) at 64, 256 and 1,000 connections, next to a bare JAX-RS endpoint
 * returning a constant JSON document of the listing page's size (bench/baseline-war), deployed on the same
 * Payara Micro with the same jvm.options and boot commands, as a second server. Reports requests per second,
 * the ratio to the baseline, latency percentiles, and the event cache's hit rate from the server's /metrics. Then the
 * event page under an open-model load ({@link OpenLoop}) at 50 % and 80 % of the closed loop's rate at 1,000
 * connections, over 1,000 connections.
 */
final class Browse {
    /** Seconds per measured run: nine runs (three connection counts, three endpoints) fit in 3 minutes. */
    static final int BROWSE_SECONDS = 12;
    static final List<Integer> LEVELS = List.of(64, 256, 1000);
    /** Catalogue events to seed: about 90 % of them are listed (PUBLISHED or ACTIVE), so about 200. */
    static final int EVENTS = 225;
    static final int LIST_PAGES = 10;
    /**
     * Reads are limited per client address in production, and every request here comes from 127.0.0.1: without this
     * the runs would measure 429 answers. The limiter still counts every request in Redis.
     */
    static final Map<String, String> LIMITS = Map.of("RATE_LIMIT_READ", "100000000");
    /** The open-model runs: offered rates as shares of the closed loop's, and seconds each. */
    static final List<Double> OPEN_LOOP_SHARES = List.of(0.5, 0.8);
    static final int OPEN_LOOP_SECONDS = 20;

    private Browse() {
    }

    static int run(Bench.Options o) throws Exception {
        try (Stack stack = new Stack(o.services(), "browse")) {
            Report report = new Report("browse", o.quick());
            Stack.say("Eventix browse benchmark; machine: " + Machine.cores() + " cores, load average "
                    + Machine.loadAverage() + "; open files limit " + Wrk.openFilesLimit());
            long limit = Wrk.openFilesLimit();
            int most = LEVELS.get(LEVELS.size() - 1);
            if (limit > 0 && limit < 2L * most + 200) {
                throw new IllegalStateException("the open files limit (" + limit + ") is too low for " + most
                        + " connections (wrk and the server each need one per connection): raise it with ulimit -n "
                        + (4 * most));
            }
            stack.requireRedis();
            Path baselineWar = baselineWar(stack.root);
            String db = stack.createDatabase("");
            Map<String, String> settings = stack.productSettings(db);
            settings.putAll(LIMITS);
            PayaraServer server = stack.launch("eventix", PayaraServer.productWar(stack.root), settings);
            PayaraServer baseline = stack.launch("baseline", baselineWar, settings);
            stack.awaitReady("eventix", server);
            stack.awaitReady("baseline", baseline);

            Connection c = stack.connect(db);
            stack.awaitSchema(c);
            Seeder.Result seeded = Seeder.seed(c, EVENTS, 0.042);
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM events WHERE status IN ('PUBLISHED', 'ACTIVE') ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Stack.say("seeded: " + seeded.events() + " events (" + ids.size() + " listed), " + seeded.tiers()
                    + " tiers; event cache generation bumped to " + stack.redis("INCR", "eventix:events:generation"));

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int listBytes = body(http, server.base() + "/api/v1/events").length();
            int detailBytes = body(http, server.base() + "/api/v1/events/" + ids.get(0)).length();
            String baselinePath = "/api/constant/" + listBytes;
            int baselineBytes = body(http, baseline.base() + baselinePath).length();
            Stack.say("sizes (uncompressed JSON): listing page " + listBytes + " B, event page " + detailBytes
                    + " B, baseline document " + baselineBytes + " B; requests ask for gzip");

            Wrk wrk = new Wrk(stack.workDir);
            List<String> listPaths = new ArrayList<>();
            for (int p = 1; p <= LIST_PAGES; p++) {
                listPaths.add("/api/v1/events?page=" + p);
            }
            Path listFile = wrk.file("list-paths.txt", listPaths);
            Path detailFile = wrk.file("detail-paths.txt", ids.stream().map(id -> "/api/v1/events/" + id).toList());
            Path baselineFile = wrk.file("baseline-paths.txt", List.of(baselinePath));

            configuration(report, stack, o, settings, listBytes, detailBytes, baselineBytes, ids.size());

            Stack.say("warm-up: " + o.warmup().dividedBy(2).toSeconds() + " s each of baseline, listing, event page at 64 "
                    + "connections ...");
            wrk.run("warm-up baseline", baseline.base(), 64, o.warmup().dividedBy(2), "get.lua", List.of(baselineFile.toString()),
                    baseline.pid());
            wrk.run("warm-up list", server.base(), 64, o.warmup().dividedBy(2), "get.lua", List.of(listFile.toString()),
                    server.pid());
            wrk.run("warm-up detail", server.base(), 64, o.warmup().dividedBy(2), "get.lua", List.of(detailFile.toString()),
                    server.pid());

            Table table = new Table("run", "conns", "req/s", "ratio", "p50 ms", "p99 ms", "max ms", "non-200",
                    "sock err", "cache hits", "cpu wrk/srv/pg %");
            Wrk.Run detailAtMost = null;
            for (int n : LEVELS) {
                Stack.say("measuring: " + n + " connections, " + o.measure(BROWSE_SECONDS).toSeconds() + " s each ...");
                Wrk.Run base = wrk.run("baseline-" + n, baseline.base(), n, o.measure(BROWSE_SECONDS), "get.lua",
                        List.of(baselineFile.toString()), baseline.pid());
                add(table, report, "baseline (constant JSON)", base, Double.NaN, null);
                double[] before = cacheCounters(http, server, "list");
                Wrk.Run list = wrk.run("list-" + n, server.base(), n, o.measure(BROWSE_SECONDS), "get.lua",
                        List.of(listFile.toString()), server.pid());
                double[] after = cacheCounters(http, server, "list");
                add(table, report, "GET /api/v1/events", list, list.perSecond() / base.perSecond(),
                        delta(before, after));
                before = cacheCounters(http, server, "detail");
                Wrk.Run detail = wrk.run("detail-" + n, server.base(), n, o.measure(BROWSE_SECONDS), "get.lua",
                        List.of(detailFile.toString()), server.pid());
                after = cacheCounters(http, server, "detail");
                add(table, report, "GET /api/v1/events/{id}", detail, detail.perSecond() / base.perSecond(),
                        delta(before, after));
                detailAtMost = detail;
            }
            List<OpenLoop.Run> open = openLoop(report, o, server, detailFile, detailAtMost, stack.workDir);
            Map<String, Object> log = server.logSummary();
            Map<String, Object> fp = new LinkedHashMap<>();
            fp.put("productSecondsToReady", server.readySeconds());
            fp.put("baselineSecondsToReady", baseline.readySeconds());
            fp.put("productRssMbAfter", Machine.rssMb(server.pid()));
            fp.put("baselineRssMbAfter", Machine.rssMb(baseline.pid()));
            fp.put("note", "both servers started together, so the times to ready are longer than alone");

            System.out.println();
            Stack.say("RESULTS (" + (o.quick() ? "quick, " : "") + o.measure(BROWSE_SECONDS).toSeconds() + " s per run; wrk -t"
                    + Wrk.THREADS + "; machine " + Machine.cores() + " cores, load average " + Machine.loadAverage()
                    + ")");
            table.print();
            System.out.println("  ratio: req/s / baseline req/s at the same connections; cache hits: event cache "
                    + "hit rate from /metrics over the run; cpu: share of the whole machine");
            for (OpenLoop.Run r : open) {
                System.out.printf(Locale.ROOT, "OPEN LOOP: GET /api/v1/events/{id} offered %.0f/s (%.0f %% of the %d-connection "
                                + "closed-loop rate) over %d connections: answered %.0f/s, p50 %.1f ms, p99 %.1f ms, "
                                + "p99.9 %.1f ms, max %.1f ms from when due; %d not 200, %d failed; sender lag %.1f ms; cpu "
                                + "client %.0f %%, server %.0f %%%n", r.offered(), 100 * r.offered() / detailAtMost.perSecond(),
                        detailAtMost.connections(), r.connections(), r.achieved(), r.p50(), r.p99(), r.p999(), r.max(),
                        r.other(), r.failed(), r.senderLagMs(), 100 * r.clientCpuShare(),
                        100 * r.serverCpuShare());
            }
            System.out.printf(Locale.ROOT, "FOOTPRINT: RSS after the runs: product %.0f MiB, baseline %.0f MiB%n",
                    fp.get("productRssMbAfter"), fp.get("baselineRssMbAfter"));
            System.out.println("SERVER LOG: " + log);
            Map<String, Object> f = report.figure("servers");
            f.putAll(fp);
            report.checks.put("serverLog", log);
            report.write(stack.root, stack.stamp);
            return 0;
        }
    }

    /**
     * The cached event page under an open-model load at half and at four fifths of the rate the closed loop reached at
     * its most connections, over as many connections: latency from when each request was due.
     */
    private static List<OpenLoop.Run> openLoop(Report report, Bench.Options o, PayaraServer server, Path paths,
                                               Wrk.Run capacity, Path workDir) throws Exception {
        List<OpenLoop.Run> runs = new ArrayList<>();
        for (double share : OPEN_LOOP_SHARES) {
            double rate = Math.floor(capacity.perSecond() * share);
            Stack.say(String.format(Locale.ROOT, "open loop: %.0f event pages a second (%.0f %% of %.0f), %d connections, "
                    + "%d s ...", rate, 100 * share, capacity.perSecond(), capacity.connections(),
                    o.measure(OPEN_LOOP_SECONDS).toSeconds()));
            OpenLoop.Run r = OpenLoop.start(server.base(), paths, rate, o.measure(OPEN_LOOP_SECONDS),
                    capacity.connections(), server.pid(), workDir.resolve("open-loop-" + Math.round(100 * share) + ".log"));
            Map<String, Object> f = report.figure("GET /api/v1/events/{id}, open loop at " + Math.round(100 * share)
                    + " % of the closed-loop rate at " + capacity.connections() + " connections");
            f.put("closedLoopPerSecond", capacity.perSecond());
            f.putAll(r.json());
            runs.add(r);
        }
        return runs;
    }

    private static void add(Table table, Report report, String name, Wrk.Run r, double ratio, double[] cache) {
        String hits = cache == null ? "-" : cache[0] + cache[1] == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", 100 * cache[0] / (cache[0] + cache[1]));
        table.add(name, r.connections(), r.perSecond(), ratio, r.p50(), r.p99(), r.max(), r.otherThan(200),
                r.socketErrors(), hits, r.cpuShares());
        Map<String, Object> f = report.figure(name + " at " + r.connections() + " connections");
        f.put("ratioToBaseline", ratio);
        f.putAll(r.json());
        if (cache != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hits", (long) cache[0]);
            m.put("misses", (long) cache[1]);
            m.put("hitRate", cache[0] + cache[1] == 0 ? null : cache[0] / (cache[0] + cache[1]));
            f.put("eventCache", m);
        }
    }

    private static double[] delta(double[] before, double[] after) {
        return new double[] {after[0] - before[0], after[1] - before[1]};
    }

    /** Hits and misses so far of one kind of the event cache (list, detail, search), from /metrics. */
    static double[] cacheCounters(HttpClient http, PayaraServer server, String kind) throws Exception {
        String metrics = body(http, server.base() + "/metrics");
        double[] counts = new double[2];
        Matcher m = Pattern.compile("^eventix_cache_requests_total\\{([^}]*)} ([0-9.E+-]+)", Pattern.MULTILINE)
                .matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("cache=\"" + kind + "\"")) {
                counts[m.group(1).contains("result=\"hit\"") ? 0 : 1] += Double.parseDouble(m.group(2));
            }
        }
        return counts;
    }

    private static String body(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", url.endsWith("/metrics") ? "text/plain" : "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void configuration(Report report, Stack stack, Bench.Options o, Map<String, String> settings,
                                      int listBytes, int detailBytes, int baselineBytes, int listed)
            throws IOException {
        Map<String, Object> cfg = report.configuration;
        cfg.put("measureSeconds", o.measure(BROWSE_SECONDS).toSeconds());
        cfg.put("warmupSeconds", o.warmup().dividedBy(2).toSeconds());
        cfg.put("connections", LEVELS);
        cfg.put("listedEvents", listed);
        cfg.put("listingPages", "GET /api/v1/events?page=1.." + LIST_PAGES + " (20 events a page)");
        Map<String, Object> bytes = new LinkedHashMap<>();
        bytes.put("listingPage", listBytes);
        bytes.put("eventPage", detailBytes);
        bytes.put("baseline", baselineBytes);
        cfg.put("bytes", bytes);
        cfg.put("requestHeaders", "Accept: application/json, Accept-Encoding: gzip");
        cfg.put("baseline", "bench/baseline-war: GET /api/constant/" + listBytes
                + " on Payara Micro with the same jvm.options, boot commands and settings");
        cfg.put("wrk", Wrk.version() + ", -t" + Wrk.THREADS + " --timeout " + Wrk.TIMEOUT_SECONDS + "s");
        cfg.put("serverSettingsChanged", LIMITS);
        cfg.put("serverDefaults", stack.jvmDefaults());
        cfg.put("serverSettings", settings);
        cfg.put("openFilesLimit", Wrk.openFilesLimit());
    }

    /** bench/baseline-war/target/baseline.war, built first when missing or older than its sources. */
    static Path baselineWar(Path root) throws IOException, InterruptedException {
        Path project = root.resolve("bench/baseline-war");
        Path war = project.resolve("target/baseline.war");
        long newest;
        try (Stream<Path> files = Stream.concat(Files.walk(project.resolve("src")), Stream.of(project.resolve("pom.xml")))) {
            newest = files.mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
        }
        if (Files.exists(war) && war.toFile().lastModified() >= newest) {
            return war;
        }
        Stack.say("building the baseline WAR: mvn -q -B -f bench/baseline-war/pom.xml package ...");
        Process p = new ProcessBuilder("mvn", "-q", "-B", "-f", project.resolve("pom.xml").toString(), "package")
                .inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(war)) {
            throw new IllegalStateException("could not build " + war);
        }
        return war;
    }
}
