package com.eventix.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one scenario run, written as JSON: scenario, when, whether it was a quick run, the machine, the
 * configuration (server settings changed for the run, durations, connection counts), the figures (one entry per
 * measured row) and checks. Every run writes bench/target/results/&lt;scenario&gt;-&lt;timestamp&gt;.json; a
 * full-length run also replaces bench/results/&lt;scenario&gt;.json, the committed copy of the latest full run.
 */
final class Report {
    final String scenario;
    final boolean quick;
    final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Map<String, Object> machine = Machine.describe();
    final Map<String, Object> configuration = new LinkedHashMap<>();
    final List<Map<String, Object>> figures = new ArrayList<>();
    final Map<String, Object> checks = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    Report(String scenario, boolean quick) {
        this.scenario = scenario;
        this.quick = quick;
    }

    Map<String, Object> figure(String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        figures.add(f);
        return f;
    }

    /** Writes the result file(s); returns the path of the timestamped one. */
    Path write(Path root, String stamp) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", scenario);
        doc.put("started", started.toString());
        doc.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("quick", quick);
        Map<String, Object> m = new LinkedHashMap<>(machine);
        m.put("loadAverageAtEnd", Machine.loadAverage());
        doc.put("machine", m);
        Map<String, Object> cfg = new LinkedHashMap<>(configuration);
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            // After jvm.options on the servers' command line: a -D here overrides the defaults listed above.
            cfg.put("serverJavaOptionsAdded", extra.strip());
        }
        doc.put("configuration", cfg);
        doc.put("figures", figures);
        if (!checks.isEmpty()) {
            doc.put("checks", checks);
        }
        if (!notes.isEmpty()) {
            doc.put("notes", notes);
        }
        String json = Json.write(doc);
        Path file = root.resolve("bench/target/results/" + scenario + "-" + stamp + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        Stack.say("result: " + root.relativize(file));
        if (!quick) {
            Path latest = root.resolve("bench/results/" + scenario + ".json");
            Files.createDirectories(latest.getParent());
            Files.copy(file, latest, StandardCopyOption.REPLACE_EXISTING);
            Stack.say("result: " + root.relativize(latest) + " (latest full run)");
        }
        return file;
    }
}
