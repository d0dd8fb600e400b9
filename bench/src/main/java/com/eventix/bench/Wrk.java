package com.eventix.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: wrk (2 threads, closed loop: each connection sends its next request when the previous
 * one answered) with one of the Lua scripts of src/main/resources/wrk/ and common.lua, which prints the
 * summary parsed here. The CPU time of the server process and of PostgreSQL is read around the run.
 */
final class Wrk {
    static final int THREADS = 2;
    /** wrk's default of 2 s would drop slower answers from the latency figures (counted as timeouts). */
    static final int TIMEOUT_SECONDS = 30;

    /** One wrk run. Latencies in milliseconds; CPU in seconds over the run. */
    record Run(String name, int connections, double seconds, long requests, long bytes, double p50, double p90,
               double p99, double p999, double max, double mean, Map<Integer, Long> statuses, long connectErrors,
               long readErrors, long writeErrors, long timeouts, double wrkCpu, double serverCpu,
               double postgresCpu) {

        /**
         * Consecutive runs as one: counts and CPU added, latency percentiles of the longest run (wrk gives no
         * histogram to merge), max of all.
         */
        static Run combine(String name, List<Run> runs) {
            if (runs.size() == 1) {
                return runs.get(0);
            }
            Run longest = runs.stream().max(java.util.Comparator.comparingLong(Run::requests)).orElseThrow();
            Map<Integer, Long> statuses = new TreeMap<>();
            runs.forEach(r -> r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum)));
            return new Run(name, longest.connections(), runs.stream().mapToDouble(Run::seconds).sum(),
                    runs.stream().mapToLong(Run::requests).sum(), runs.stream().mapToLong(Run::bytes).sum(),
                    longest.p50(), longest.p90(), longest.p99(), longest.p999(),
                    runs.stream().mapToDouble(Run::max).max().orElse(0), longest.mean(), statuses,
                    runs.stream().mapToLong(Run::connectErrors).sum(), runs.stream().mapToLong(Run::readErrors).sum(),
                    runs.stream().mapToLong(Run::writeErrors).sum(), runs.stream().mapToLong(Run::timeouts).sum(),
                    runs.stream().mapToDouble(Run::wrkCpu).sum(), runs.stream().mapToDouble(Run::serverCpu).sum(),
                    runs.stream().mapToDouble(Run::postgresCpu).sum());
        }

        long status(int code) {
            return statuses.getOrDefault(code, 0L);
        }

        /** Answers with a status other than {@code expected}. */
        long otherThan(int... expected) {
            long n = 0;
            outer:
            for (Map.Entry<Integer, Long> e : statuses.entrySet()) {
                for (int code : expected) {
                    if (e.getKey() == code) {
                        continue outer;
                    }
                }
                n += e.getValue();
            }
            return n;
        }

        long socketErrors() {
            return connectErrors + readErrors + writeErrors + timeouts;
        }

        double perSecond() {
            return requests / seconds;
        }

        double perSecond(int code) {
            return status(code) / seconds;
        }

        /** CPU share of the machine (all cores) used by wrk, the server and PostgreSQL during the run. */
        double share(double cpuSeconds) {
            return cpuSeconds / (seconds * Machine.cores());
        }

        /** "wrk/server/postgres" CPU shares of the machine in percent, "-" where unknown. */
        String cpuShares() {
            return percent(share(wrkCpu)) + "/" + percent(share(serverCpu)) + "/" + percent(share(postgresCpu));
        }

        private static String percent(double share) {
            return Double.isNaN(share) ? "-" : String.format(java.util.Locale.ROOT, "%.0f", 100 * share);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("connections", connections);
            m.put("seconds", seconds);
            m.put("requests", requests);
            m.put("requestsPerSecond", perSecond());
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", p50);
            latency.put("p90", p90);
            latency.put("p99", p99);
            latency.put("p99.9", p999);
            latency.put("max", max);
            latency.put("mean", mean);
            m.put("latencyMs", latency);
            Map<String, Object> s = new LinkedHashMap<>();
            statuses.forEach((code, n) -> s.put(code.toString(), n));
            m.put("statuses", s);
            Map<String, Object> errors = new LinkedHashMap<>();
            errors.put("connect", connectErrors);
            errors.put("read", readErrors);
            errors.put("write", writeErrors);
            errors.put("timeout", timeouts);
            m.put("socketErrors", errors);
            m.put("bytesReceived", bytes);
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("wrkSeconds", wrkCpu);
            cpu.put("serverSeconds", serverCpu);
            cpu.put("postgresSeconds", postgresCpu);
            cpu.put("wrkShareOfMachine", share(wrkCpu));
            cpu.put("serverShareOfMachine", share(serverCpu));
            cpu.put("postgresShareOfMachine", share(postgresCpu));
            m.put("cpu", cpu);
            return m;
        }
    }

    private final Path workDir;
    private int runs;

    Wrk(Path workDir) {
        this.workDir = workDir;
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("?").replaceAll("\\s+Copyright.*", "").trim();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed (apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Writes {@code lines} to a file of the run directory, for a script argument. */
    Path file(String name, List<String> lines) throws IOException {
        Path file = workDir.resolve(name);
        Files.createDirectories(workDir);
        Files.write(file, lines);
        return file;
    }

    /**
     * Runs wrk against {@code url} with {@code connections} connections for {@code duration}, using
     * {@code script} (a resource of wrk/) and its arguments; {@code serverPid} is the process whose CPU time is
     * reported (0: none).
     */
    Run run(String name, String url, int connections, Duration duration, String script, List<String> args,
            long serverPid) throws IOException, InterruptedException {
        Path lua = workDir.resolve("wrk-" + script);
        if (!Files.exists(lua)) {
            Files.createDirectories(workDir);
            Files.writeString(lua, resource("wrk/" + script) + "\n" + resource("wrk/common.lua"));
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", TIMEOUT_SECONDS + "s", "-s", lua.toString(), url));
        if (!args.isEmpty()) {
            command.add("--");
            command.addAll(args);
        }
        Path out = workDir.resolve(String.format("wrk-%02d-%s.txt", ++runs, name.replaceAll("[^A-Za-z0-9]+", "-")));
        // BENCH_PROFILE=1: a flight recording of the server during each measured run, read into a CPU budget.
        boolean profiled = CpuBudget.wanted() && serverPid > 0 && !name.startsWith("warm-up");
        Path recording = profiled ? CpuBudget.fileFor(workDir, name) : null;
        if (profiled) {
            CpuBudget.start(serverPid, "bench-" + runs, recording);
        }
        double serverBefore = serverPid > 0 ? Machine.cpuSeconds(serverPid) : 0;
        double pgBefore = Machine.postgresCpuSeconds();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(duration.toSeconds() + TIMEOUT_SECONDS + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + out);
        }
        double serverCpu = serverPid > 0 ? Machine.cpuSeconds(serverPid) - serverBefore : Double.NaN;
        if (profiled) {
            Map<String, String> measured = fields(Files.readString(out), "WRK_RESULT ");
            long answers = measured == null ? 0 : Long.parseLong(measured.get("requests"));
            String table = CpuBudget.stop(serverPid, "bench-" + runs, recording, serverCpu, answers).table(name);
            System.out.print(table);
            Files.writeString(workDir.resolve(recording.getFileName().toString().replace(".jfr", ".txt")), table);
        }
        // Backends that exit during the run take their CPU time with them: no figure then rather than a wrong one.
        double pgCpu = Machine.postgresCpuSeconds() - pgBefore;
        if (pgCpu < 0) {
            pgCpu = Double.NaN;
        }
        String text = Files.readString(out);
        Map<String, String> result = fields(text, "WRK_RESULT ");
        Map<String, String> codes = fields(text, "WRK_STATUS ");
        if (p.exitValue() != 0 || result == null) {
            throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                    + "\n" + text);
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        if (codes != null) {
            codes.forEach((code, n) -> statuses.put(Integer.parseInt(code), Long.parseLong(n)));
        }
        double seconds = Long.parseLong(result.get("duration_us")) / 1e6;
        return new Run(name, connections, seconds, Long.parseLong(result.get("requests")),
                Long.parseLong(result.get("bytes")), ms(result, "p50"), ms(result, "p90"), ms(result, "p99"),
                ms(result, "p999"), ms(result, "max"), ms(result, "mean"), statuses,
                Long.parseLong(result.get("connect")), Long.parseLong(result.get("read")),
                Long.parseLong(result.get("write")), Long.parseLong(result.get("timeout")),
                Long.parseLong(result.get("cpu_ticks")) / Machine.TICKS_PER_SECOND, serverCpu, pgCpu);
    }

    private static double ms(Map<String, String> result, String key) {
        return Double.parseDouble(result.get(key)) / 1000.0;
    }

    private static Map<String, String> fields(String text, String marker) {
        return text.lines().filter(l -> l.startsWith(marker)).findFirst().map(line -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : line.substring(marker.length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    m.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return m;
        }).orElse(null);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Wrk.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The open-files limit this JVM (and so wrk and the servers it starts) runs with. */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }
}
