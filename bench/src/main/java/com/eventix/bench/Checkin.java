package com.eventix.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The door: validations of distinct tickets by one scanner at 16 and 64 connections next to a bare POST endpoint
 * answering a body of the same size (bench/baseline-war) on the same Payara Micro settings; the duplicate storm
 * (every scan a ticket already inside: all ALREADY_CHECKED_IN); a 10,000-scan offline sync in batches of 1,000;
 * and the database's word that no ticket was admitted twice. Next to each level, the database's floor: pgbench running
 * the smallest correct scan transaction ({@link PgBench#SCAN_SCRIPT}) with as many clients, the most any validation
 * could reach on this machine. Tickets are bought through the API (free tier), so
 * their codes are the server's own signed codes.
 */
final class Checkin {
    static final List<Integer> LEVELS = List.of(16, 64);
    static final int SYNC_SCANS = 10_000;
    static final int SYNC_BATCH = 1_000;
    static final int PER_BUYER = 10;
    /** Tickets per measured run: more than a run scans here (a few hundred a second), so each scans distinct ones. */
    static final int PER_RUN = 8_000;
    /** The floor's tickets: more than pgbench scans in its runs (a few thousand a second). */
    static final long FLOOR_TICKETS = 1_000_000;
    static final Map<String, String> LIMITS = Map.of(
            "HOLDS_PER_USER_PER_EVENT", "1000000",
            "RATE_LIMIT_RESERVE_PER_USER", "1000000",
            "RATE_LIMIT_READ", "100000000",
            "RATE_LIMIT_WRITE", "100000000");
    private static final Pattern CODE = Pattern.compile("\"qrCode\":\"(EVX1\\.[^\"]+)\"");

    private Checkin() {
    }

    static int run(Bench.Options o) throws Exception {
        try (Stack stack = new Stack(o.services(), "checkin")) {
            Report report = new Report("checkin", o.quick());
            Stack.say("Eventix check-in benchmark; machine: " + Machine.cores() + " cores, load average "
                    + Machine.loadAverage());
            stack.requireRedis();
            Path baselineWar = Browse.baselineWar(stack.root);
            String db = stack.createDatabase("");
            Tokens tokens = new Tokens("https://eventix.local", "eventix-api");
            Map<String, String> settings = stack.productSettings(db);
            settings.put("JWT_PRIVATE_KEY", tokens.privateKeyPem());
            settings.putAll(LIMITS);
            PayaraServer server = stack.launch("eventix", PayaraServer.productWar(stack.root), settings);
            PayaraServer baseline = stack.launch("baseline", baselineWar, settings);
            // The database's floor, prepared while the servers boot: what PostgreSQL alone does of the scans.
            PgBench floor = new PgBench(stack, stack.createDatabase("_pgbench"));
            floor.prepareScans(FLOOR_TICKETS);
            Stack.say("pgbench: " + PgBench.version() + "; script: " + PgBench.SCAN_SCRIPT.replaceAll("\\s+", " ").trim());
            stack.awaitReady("eventix", server);
            stack.awaitReady("baseline", baseline);
            Connection c = stack.connect(db);
            stack.awaitSchema(c);

            Api api = new Api(server.base());
            Seeder.organizer(c);
            UUID organizerUser = UUID.nameUUIDFromBytes("bench-organizer-user".getBytes());
            UUID adminId = UUID.randomUUID();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (id, email, first_name, last_name, role) VALUES ('" + adminId
                        + "', 'bench-admin@eventix.bench', 'Bench', 'Admin', 'ADMIN')");
            }
            String organizer = tokens.mint(organizerUser, "bench-organizer@eventix.bench", "ORGANIZER",
                    Duration.ofHours(6));
            String admin = tokens.mint(adminId, "bench-admin@eventix.bench", "ADMIN", Duration.ofHours(6));

            int runs = LEVELS.size() + 1;
            int tickets = (o.quick() ? 3_000 : PER_RUN) * runs + SYNC_SCANS + 1;
            Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            String eventId = api.id(api.post(organizer, "/api/v1/events", "{\"title\":\"Bench door night\","
                    + "\"category\":\"music\",\"description\":\"\",\"location\":\"Harbour Arena, Accra\",\"startTime\":\""
                    + start + "\",\"endTime\":\"" + start.plus(4, ChronoUnit.HOURS) + "\",\"timezone\":\"Africa/Accra\","
                    + "\"currency\":\"USD\"}", 201));
            String tierId = api.id(api.post(organizer, "/api/v1/events/" + eventId + "/tiers",
                    "{\"tierName\":\"Door\",\"price\":0,\"totalQuantity\":" + tickets + "}", 201));
            api.post(organizer, "/api/v1/events/" + eventId + "/submit", "{}", 200);
            api.post(admin, "/api/v1/admin/events/" + eventId + "/approve", "{}", 200);

            Stack.say("buying " + tickets + " free tickets through the API ...");
            Instant buying = Instant.now();
            List<String> codes = buy(api, c, tokens, tierId, tickets);
            Stack.say(String.format(Locale.ROOT, "bought %,d tickets in %.1f s", codes.size(),
                    Duration.between(buying, Instant.now()).toMillis() / 1000.0));

            String deviceKey = field(api.post(organizer, "/api/v1/events/" + eventId + "/scanners",
                    "{\"name\":\"Bench door\",\"gate\":\"Main\"}", 201), "deviceKey");
            String scanner = field(api.post(null, "/api/v1/checkin/devices/token", "{\"deviceKey\":\"" + deviceKey + "\"}",
                    200), "accessToken");

            // One probe scan: the size of an admission's answer, for the baseline.
            String probe = api.post(scanner, "/api/v1/checkin/validate", "{\"code\":\"" + codes.get(0) + "\",\"eventId\":\""
                    + eventId + "\",\"direction\":\"ENTRY\",\"nonce\":\"probe\"}", 200);
            int answerBytes = probe.length();
            String baselinePath = "/api/constant/" + answerBytes;
            String scanBody = "{\"code\":\"" + codes.get(0) + "\",\"eventId\":\"" + eventId
                    + "\",\"direction\":\"ENTRY\",\"nonce\":\"baseline\"}";

            Wrk wrk = new Wrk(stack.workDir);
            int perRun = (codes.size() - 1 - SYNC_SCANS) / runs;
            List<Path> slices = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                slices.add(wrk.file("codes-" + r + ".txt", codes.subList(1 + r * perRun, 1 + (r + 1) * perRun)));
            }
            List<String> syncCodes = codes.subList(codes.size() - SYNC_SCANS, codes.size());
            configuration(report, stack, o, settings, answerBytes, codes.size());

            Stack.say("warm-up: " + o.warmup().toSeconds() + " s each of baseline and validation at 16 connections ...");
            wrk.run("warm-up baseline", baseline.base(), 16, o.warmup(), "post.lua", List.of(baselinePath, scanBody),
                    baseline.pid());
            wrk.run("warm-up validate", server.base(), 16, o.warmup(), "validate.lua", List.of(slices.get(runs - 1)
                    .toString(), eventId, scanner, Integer.toString(Wrk.THREADS), "warm"), server.pid());

            Table table = new Table("run", "conns", "req/s", "ratio", "p50 ms", "p99 ms", "max ms", "non-200",
                    "sock err", "cpu wrk/srv/pg %");
            Map<Integer, Wrk.Run> distinct = new LinkedHashMap<>();
            Map<Integer, Double> toFloor = new LinkedHashMap<>();
            for (int i = 0; i < LEVELS.size(); i++) {
                int n = LEVELS.get(i);
                Stack.say("measuring: " + n + " connections, " + o.measure().toSeconds() + " s each ...");
                Wrk.Run base = wrk.run("baseline-" + n, baseline.base(), n, o.measure(), "post.lua",
                        List.of(baselinePath, scanBody), baseline.pid());
                add(table, report, "baseline (POST, constant JSON)", base, Double.NaN);
                PgBench.Run least = floor.run(n, o.measure());
                table.add("floor (pgbench, the smallest correct scan)" + (least.clients() < n ? " *" : ""),
                        least.clients(), least.tps(), least.tps() / base.perSecond(), least.p50(), least.p99(),
                        least.max(), least.failed(), 0, "-");
                Map<String, Object> f = report.figure("floor at " + n + " connections");
                f.put("ratioToBaseline", least.tps() / base.perSecond());
                f.putAll(least.json());
                Wrk.Run scans = wrk.run("validate-" + n, server.base(), n, o.measure(), "validate.lua",
                        List.of(slices.get(i).toString(), eventId, scanner, Integer.toString(Wrk.THREADS), "v" + n),
                        server.pid());
                add(table, report, "POST /checkin/validate (distinct tickets)", scans,
                        scans.perSecond() / base.perSecond()).put("ratioToFloor", scans.perSecond() / least.tps());
                toFloor.put(n, scans.perSecond() / least.tps());
                distinct.put(n, scans);
            }
            Thread.sleep(2_000); // scans still in flight when wrk stopped are recorded meanwhile
            long scansBefore = count(c, "SELECT count(*) FROM checkin_scans");
            long admissionsBefore = count(c, "SELECT count(*) FROM checkin_admissions");
            Stack.say("duplicate storm: tickets already inside, 64 connections ...");
            Wrk.Run storm = wrk.run("duplicates-64", server.base(), 64, o.measure(), "validate.lua",
                    List.of(slices.get(0).toString(), eventId, scanner, Integer.toString(Wrk.THREADS), "dup"),
                    server.pid());
            Wrk.Run base64 = wrk.run("baseline-64-again", baseline.base(), 64, o.measure(), "post.lua",
                    List.of(baselinePath, scanBody), baseline.pid());
            add(table, report, "duplicate storm (ALREADY_CHECKED_IN)", storm, storm.perSecond() / base64.perSecond());
            Thread.sleep(2_000);
            long admissionsAfterStorm = count(c, "SELECT count(*) FROM checkin_admissions");
            long scansAfterStorm = count(c, "SELECT count(*) FROM checkin_scans");

            Stack.say("offline sync: " + SYNC_SCANS + " scans in batches of " + SYNC_BATCH + " ...");
            Instant syncStart = Instant.now();
            int accepted = 0;
            for (int b = 0; b < SYNC_SCANS; b += SYNC_BATCH) {
                StringBuilder body = new StringBuilder("{\"scans\":[");
                Instant at = Instant.now().minusSeconds(600);
                for (int k = b; k < b + SYNC_BATCH; k++) {
                    if (k > b) {
                        body.append(',');
                    }
                    body.append("{\"nonce\":\"sync-").append(k).append("\",\"code\":\"").append(syncCodes.get(k))
                            .append("\",\"direction\":\"ENTRY\",\"scannedAt\":\"").append(at.plusMillis(k))
                            .append("\",\"localResult\":\"ADMITTED\",\"gate\":\"Side\"}");
                }
                String answer = api.post(scanner, "/api/v1/checkin/event/" + eventId + "/sync", body.append("]}")
                        .toString(), 200);
                accepted += count(answer, "\"verdict\":\"ACCEPTED\"");
            }
            double syncSeconds = Duration.between(syncStart, Instant.now()).toMillis() / 1000.0;
            long doubles = count(c, "SELECT count(*) FROM (SELECT ticket_id FROM checkin_admissions "
                    + "GROUP BY ticket_id, list_id HAVING count(*) FILTER (WHERE exited_at IS NULL) > 1) d");
            long admitted = count(c, "SELECT count(*) FROM checkin_admissions");

            System.out.println();
            Stack.say("RESULTS (" + (o.quick() ? "quick, " : "") + o.measure().toSeconds() + " s per run; wrk -t"
                    + Wrk.THREADS + "; machine " + Machine.cores() + " cores, load average " + Machine.loadAverage() + ")");
            table.print();
            System.out.println("  ratio: req/s / baseline req/s at the same connections (the storm: against a second "
                    + "baseline run at 64; the floor: the most any validation could reach); cpu: share of the whole "
                    + "machine");
            toFloor.forEach((n, ratio) -> System.out.printf(Locale.ROOT,
                    "VALIDATE AT %d CONNECTIONS: %.3f of the database's floor%n", n, ratio));
            System.out.printf(Locale.ROOT, "DUPLICATE STORM: %,d answers, %,d of them 409; admissions %d -> %d; scan rows "
                            + "%d -> %d (every scan is kept, refusals too)%n", storm.requests(), storm.statuses().getOrDefault(409, 0L),
                    admissionsBefore, admissionsAfterStorm, scansBefore, scansAfterStorm);
            System.out.printf(Locale.ROOT, "SYNC: %,d offline scans in %.2f s (%,d ACCEPTED)%n", SYNC_SCANS, syncSeconds,
                    accepted);
            System.out.printf(Locale.ROOT, "CHECK: %d tickets admitted twice (of %,d admissions)%n", doubles, admitted);
            Map<String, Object> s = report.figure("duplicate storm");
            s.put("admissionsBefore", admissionsBefore);
            s.put("admissionsAfter", admissionsAfterStorm);
            s.put("scanRowsBefore", scansBefore);
            s.put("scanRowsAfter", scansAfterStorm);
            Map<String, Object> sync = report.figure("offline sync");
            sync.put("scans", SYNC_SCANS);
            sync.put("batch", SYNC_BATCH);
            sync.put("seconds", syncSeconds);
            sync.put("accepted", accepted);
            report.checks.put("ticketsAdmittedTwice", doubles);
            report.checks.put("admissions", admitted);
            report.write(stack.root, stack.stamp);
            return doubles == 0 && accepted == SYNC_SCANS ? 0 : 1;
        }
    }

    /** {@code count} tickets of the free tier, bought by seeded attendees ten at a time; answers their codes. */
    private static List<String> buy(Api api, Connection c, Tokens tokens, String tierId, int count) throws Exception {
        int buyers = (count + PER_BUYER - 1) / PER_BUYER;
        List<Seeder.Attendee> attendees = Seeder.attendees(c, buyers);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<String>>> bought = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                Seeder.Attendee a = attendees.get(i);
                int quantity = Math.min(PER_BUYER, count - i * PER_BUYER);
                bought.add(pool.submit(() -> {
                    String token = tokens.mint(a.id(), a.email(), "ATTENDEE", Duration.ofHours(6));
                    String hold = field(api.post(token, "/api/v1/tickets/reserve", "{\"tierId\":\"" + tierId
                            + "\",\"quantity\":" + quantity + "}", 201), "reservationId");
                    api.post(token, "/api/v1/orders", "{\"reservationIds\":[\"" + hold + "\"]}", 201);
                    String mine = api.get(token, "/api/v1/tickets/my-tickets?size=" + PER_BUYER);
                    List<String> codes = new ArrayList<>();
                    Matcher m = CODE.matcher(mine);
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                    if (codes.size() != quantity) {
                        throw new IllegalStateException("expected " + quantity + " tickets, listed " + codes.size());
                    }
                    return codes;
                }));
            }
            List<String> codes = new ArrayList<>();
            for (Future<List<String>> f : bought) {
                codes.addAll(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> add(Table table, Report report, String name, Wrk.Run r, double ratio) {
        table.add(name, r.connections(), r.perSecond(), ratio, r.p50(), r.p99(), r.max(), r.otherThan(200),
                r.socketErrors(), r.cpuShares());
        Map<String, Object> f = report.figure(name + " at " + r.connections() + " connections");
        f.put("ratioToBaseline", ratio);
        f.putAll(r.json());
        return f;
    }

    private static void configuration(Report report, Stack stack, Bench.Options o, Map<String, String> settings,
                                      int answerBytes, int tickets) throws java.io.IOException {
        Map<String, Object> cfg = report.configuration;
        cfg.put("measureSeconds", o.measure().toSeconds());
        cfg.put("warmupSeconds", o.warmup().toSeconds());
        cfg.put("connections", LEVELS);
        cfg.put("tickets", tickets);
        cfg.put("admissionAnswerBytes", answerBytes);
        cfg.put("baseline", "bench/baseline-war: POST /api/constant/" + answerBytes + " with a scan's body");
        cfg.put("wrk", Wrk.version() + ", -t" + Wrk.THREADS + " --timeout " + Wrk.TIMEOUT_SECONDS + "s");
        cfg.put("serverSettingsChanged", LIMITS);
        cfg.put("serverDefaults", stack.jvmDefaults());
        cfg.put("serverSettings", settings.entrySet().stream().filter(e -> !e.getKey().equals("JWT_PRIVATE_KEY"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** A string field of the answer's data (the first one of that name). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A small JSON client of the product server, failing loudly on an unexpected status. */
    private record Api(String base, HttpClient http) {
        Api(String base) {
            this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        String id(String answer) {
            return field(answer, "id");
        }

        String post(String token, String path, String body, int expected) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        String get(String token, String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }
}
