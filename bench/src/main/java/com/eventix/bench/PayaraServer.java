package com.eventix.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WAR (target/eventix.war, or the baseline WAR) on Payara Micro in a child process, launched as the dev server
 * and the tests launch it:
 * java with payara-config/jvm.options, then -DNAME=value overrides, then payara-micro.jar with the PostgreSQL
 * driver added (--addlibs), payara-config/boot-commands.asadmin as pre-boot commands, payara-config's logging,
 * no clustering, at context root /. Its console goes to a log file.
 */
final class PayaraServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final Path workDir;
    private final long launchedNanos;
    private volatile double readySeconds = Double.NaN;

    private PayaraServer(Process process, Path log, int port, Path workDir, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.workDir = workDir;
        this.launchedNanos = launchedNanos;
    }

    /** The product: target/eventix.war of the repository. */
    static Path productWar(Path root) {
        Path war = root.resolve("target/eventix.war");
        if (!Files.exists(war)) {
            throw new IllegalStateException(war + " is missing: run 'mvn -q package -DskipTests' at the repository root");
        }
        return war;
    }

    static PayaraServer start(Path root, Path war, int port, Map<String, String> settings, Path workDir, Path log)
            throws IOException {
        Path config = root.resolve("payara-config");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(config.resolve("jvm.options"))) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                command.add(option);
            }
        }
        // Extra JVM options for every server, {dir} standing for the server's own run folder, e.g. a flight
        // recording to profile a scenario:
        // BENCH_SERVER_JAVA_OPTIONS="-XX:StartFlightRecording=filename={dir}/server.jfr,settings=profile"
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            String dir = workDir.toAbsolutePath().toString();
            for (String option : extra.strip().split("\\s+")) {
                command.add(option.replace("{dir}", dir));
            }
        }
        // Later -D options override the defaults of jvm.options (server-side settings) and are read by
        // MicroProfile Config as the application's settings.
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "-jar", jarContaining("fish/payara/micro/PayaraMicro.class").toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(port),
                "--rootdir", workDir.resolve("payara").toAbsolutePath().toString(),
                "--nocluster",
                "--addlibs", jarContaining("org/postgresql/Driver.class").toString(),
                "--prebootcommandfile", config.resolve("boot-commands.asadmin").toAbsolutePath().toString(),
                "--logproperties", config.resolve("logging.properties").toAbsolutePath().toString()));
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        return new PayaraServer(builder.start(), log, port, workDir, launched);
    }

    /** The jar on this classpath that holds {@code resource} (Maven put it there as a dependency). */
    static Path jarContaining(String resource) {
        URL url = PayaraServer.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " is not on the classpath in a jar");
        }
        String file = url.getPath();
        try {
            return Path.of(URI.create(file.substring(0, file.indexOf("!/"))));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot locate the jar of " + url, e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    Path workDir() {
        return workDir;
    }

    /** The server JVM's process id (java is launched directly, not through a shell). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Seconds from launch to the first UP answer of /health/ready (NaN before it). */
    double readySeconds() {
        return readySeconds;
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    readySeconds = (System.nanoTime() - launchedNanos) / 1e9;
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The last lines of the server's console, for failure reports. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the server's console says went wrong: the number of SEVERE and WARNING records and of lines naming an
     * exception, and the first few distinct such lines.
     */
    Map<String, Object> logSummary() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(log);
            long severe = lines.stream().filter(l -> l.contains("SEVERE")).count();
            long warning = lines.stream().filter(l -> l.contains("WARNING")).count();
            List<String> exceptions = lines.stream()
                    .filter(l -> l.matches(".*\\b[A-Za-z0-9_.$]+(Exception|Error)\\b.*") && !l.startsWith("\tat "))
                    .toList();
            m.put("severe", severe);
            m.put("warning", warning);
            m.put("exceptionLines", exceptions.size());
            m.put("exceptionSamples", exceptions.stream().map(l -> l.length() > 300 ? l.substring(0, 300) : l)
                    .map(l -> l.replaceAll("^\\[[^]]*]\\s*", "")).distinct().limit(8).toList());
        } catch (IOException e) {
            m.put("error", e.toString());
        }
        return m;
    }

    /** Stops the server: SIGTERM (Payara shuts down cleanly), then a kill after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
