package com.eventix.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command per scenario: {@code flash-sale} (with the oversell check and the sold-out storm), {@code browse},
 * {@code search}, {@code footprint}, {@code checkin}, and {@code all}. See bench/README.md.
 *
 * <pre>mvn -f bench/pom.xml -q compile exec:java -Dexec.args="flash-sale --quick"</pre>
 */
public final class Bench {
    static final List<String> SCENARIOS = List.of("all", "flash-sale", "browse", "search", "footprint", "checkin");

    /** Options shared by the scenarios; {@code rest} goes to the search scenario. */
    record Options(String scenario, boolean quick, Integer duration, Stack.Services services, List<String> rest) {
        /** How long each measured run lasts: --duration, else 5 s quick, 20 s full. */
        Duration measure() {
            return measure(20);
        }

        /**
         * --duration, else 5 s quick, else {@code fullSeconds}: runs the specification does not fix at 20 s are
         * shorter, so that each scenario stays under 3 minutes.
         */
        Duration measure(int fullSeconds) {
            return Duration.ofSeconds(duration != null ? duration : quick ? 5 : fullSeconds);
        }

        /** Warm-up before the measured runs: the server's JIT compiles the hot paths meanwhile. */
        Duration warmup() {
            return Duration.ofSeconds(quick ? 5 : 8);
        }

        /** One round of the oversell check; rounds repeat until the 1,000-ticket tier is sold out. */
        Duration oversell() {
            return Duration.ofSeconds(5);
        }

        /** Wait for the server to settle before reading its idle footprint. */
        Duration settle() {
            return Duration.ofSeconds(quick ? 3 : 5);
        }

        static Options parse(String[] args) {
            String scenario = null;
            Map<String, String> a = new LinkedHashMap<>();
            List<String> rest = new ArrayList<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (!part.startsWith("--")) {
                        if (scenario != null || !SCENARIOS.contains(part)) {
                            throw new IllegalArgumentException("Unknown argument " + part + "\n" + usage());
                        }
                        scenario = part;
                        continue;
                    }
                    int eq = part.indexOf('=');
                    String name = eq < 0 ? part.substring(2) : part.substring(2, eq);
                    String value = eq < 0 ? "true" : part.substring(eq + 1);
                    switch (name) {
                        case "quick", "duration", "keep-database", "pg-host", "pg-port", "pg-user", "redis-host",
                             "redis-port", "help" -> a.put(name, value);
                        default -> rest.add(part);
                    }
                    if (name.startsWith("keep-database") || name.startsWith("pg-") || name.startsWith("redis-")) {
                        rest.add(part);
                    }
                }
            }
            if (a.containsKey("help") && "search".equals(scenario)) {
                a.remove("help");
                rest.add("--help");
            }
            if (a.containsKey("help") || scenario == null) {
                System.out.println(usage());
                System.exit(scenario == null && !a.containsKey("help") ? 2 : 0);
            }
            boolean searchOptions = rest.stream().anyMatch(r -> !r.startsWith("--keep-database")
                    && !r.startsWith("--pg-") && !r.startsWith("--redis-"));
            if (searchOptions && !scenario.equals("search") && !scenario.equals("all")) {
                throw new IllegalArgumentException("Unknown option(s) " + rest + " for " + scenario + "\n" + usage());
            }
            Stack.Services d = Stack.Services.defaults();
            Stack.Services services = new Stack.Services(a.getOrDefault("pg-host", d.pgHost()),
                    Integer.parseInt(a.getOrDefault("pg-port", Integer.toString(d.pgPort()))),
                    a.getOrDefault("pg-user", d.pgUser()), a.getOrDefault("redis-host", d.redisHost()),
                    Integer.parseInt(a.getOrDefault("redis-port", Integer.toString(d.redisPort()))),
                    Boolean.parseBoolean(a.getOrDefault("keep-database", "false")));
            return new Options(scenario, Boolean.parseBoolean(a.getOrDefault("quick", "false")),
                    a.containsKey("duration") ? Integer.valueOf(a.get("duration")) : null, services, rest);
        }

        static String usage() {
            return """
                    Usage: mvn -f bench/pom.xml -q compile exec:java -Dexec.args="SCENARIO [options]"
                    Scenarios:
                      flash-sale   reserve on one hot tier at 16, 64, 256 connections vs pgbench; oversell check;
                                   sold-out storm; the server's footprint
                      browse       GET /api/v1/events and /api/v1/events/{id} at 64, 256, 1000 connections vs a bare
                                   JAX-RS endpoint on the same Payara Micro
                      search       search at catalogue scale (SearchBench; its options: search --help)
                      footprint    time to ready and resident memory, idle and after 256 connections of holds
                      checkin      validations of distinct tickets at 16, 64 connections vs a bare POST endpoint;
                                   the duplicate storm; a 10,000-scan offline sync; no ticket admitted twice
                      all          flash-sale (which records the footprint too), browse, search
                    Options:
                      --quick          short runs (5 s measured, 5 s warm-up; search on 20,000 events)
                      --duration=S     seconds of each measured run [20, quick 5]
                      --keep-database  keep the databases for investigation
                      --pg-host, --pg-port, --pg-user    PostgreSQL (trust auth) [127.0.0.1, 5432, postgres]
                      --redis-host, --redis-port         Redis [127.0.0.1, 6379]""";
        }
    }

    private Bench() {
    }

    public static void main(String[] args) {
        int status;
        try {
            Options options = Options.parse(args);
            checkTools(options.scenario());
            status = switch (options.scenario()) {
                case "flash-sale" -> FlashSale.run(options, FlashSale.Mode.FULL);
                case "footprint" -> FlashSale.run(options, FlashSale.Mode.FOOTPRINT);
                case "browse" -> Browse.run(options);
                case "checkin" -> Checkin.run(options);
                case "search" -> SearchBench.run(searchArgs(options));
                default -> {
                    int worst = FlashSale.run(options, FlashSale.Mode.FULL);
                    worst = Math.max(worst, Browse.run(options));
                    worst = Math.max(worst, SearchBench.run(searchArgs(options)));
                    yield worst;
                }
            };
        } catch (Exception e) {
            System.out.println();
            System.out.println("Benchmark aborted: " + e);
            e.printStackTrace(System.out);
            status = 2;
        }
        System.out.flush();
        // Ends the JVM (also under exec:java) whatever threads the broker or HTTP client left behind.
        System.exit(status);
    }

    /** The search benchmark's arguments: in quick mode a smaller catalogue and query sets, then what was given. */
    private static String[] searchArgs(Options options) {
        List<String> args = new ArrayList<>();
        if (options.quick()) {
            args.addAll(List.of("--events=20000", "--cold=200", "--single=50", "--warm=600", "--warmup=100",
                    "--live=600", "--quick"));
        }
        args.addAll(options.rest());
        return args.toArray(String[]::new);
    }

    private static void checkTools(String scenario) {
        if (!scenario.equals("search")) {
            if (!Files.isExecutable(Path.of("/usr/bin/wrk")) && Wrk.version().equals("?")) {
                throw new IllegalStateException("wrk is not installed (apt-get install -y wrk)");
            }
        }
    }
}
