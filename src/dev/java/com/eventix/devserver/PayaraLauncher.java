package com.eventix.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts target/eventix.war on Payara Micro as a process of its own, with payara-config/ and the given settings:
 * the one way the development server and the tests that restart or kill a server launch it.
 *
 * <p>The runtime folder is emptied before every start: Payara Micro redeploys whatever an earlier run left in it,
 * and then undeploys that copy again for {@code --deploy}, so an instance would report ready, go away and come
 * back.
 */
public final class PayaraLauncher {
    private final int port;
    private final Path rootDir;
    private final Map<String, String> settings;
    /** What the last readiness probe got: the answer's status and body, or why there was none. */
    private volatile String lastReadinessAnswer = "not asked yet";

    public PayaraLauncher(int port, Path rootDir, Map<String, String> settings) {
        this.port = port;
        this.rootDir = rootDir;
        this.settings = Map.copyOf(settings);
    }

    /** Whether something already listens on (or holds) the port on any local address. */
    public static boolean portTaken(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public int port() {
        return port;
    }

    public Process start(ProcessBuilder.Redirect output) throws IOException {
        Path war = Path.of("target", "eventix.war");
        if (!Files.exists(war)) {
            throw new IllegalStateException("target/eventix.war is missing: run 'mvn -Prun package'");
        }
        deleteRecursively(rootDir);
        Files.createDirectories(rootDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PayaraConfig.jvmOptions());
        // Server-side settings (pool, threads) are system properties: the settings and the environment decide
        // them here, after the defaults of jvm.options.
        for (String name : PayaraConfig.serverSettingNames()) {
            String value = settings.containsKey(name) ? settings.get(name) : System.getenv(name);
            if (value != null) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.add("-jar");
        command.add(PayaraConfig.microJar().toString());
        command.add("--deploy");
        command.add(war.toAbsolutePath().toString());
        command.add("--contextroot");
        command.add("/");
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--rootdir");
        command.add(rootDir.toAbsolutePath().toString());
        command.addAll(PayaraConfig.microOptions());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(settings);
        return builder.start();
    }

    /**
     * Waits until /health/ready answers 200; false when the process ended or the time ran out first (then
     * {@link #lastReadinessAnswer} tells what the server last said).
     */
    public boolean awaitReady(Process server, Duration timeout) throws InterruptedException {
        // HTTP/1.1: the JDK client's default upgrades to HTTP/2 (h2c) on the first answer and then sends every later
        // probe on that one connection; one upgraded while the WAR was still deploying answered nothing ever after
        // (each probe timed out for minutes beside a server whose log said it was ready).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + port + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                lastReadinessAnswer = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
                lastReadinessAnswer = "no answer: " + e;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The last answer of /health/ready to {@link #awaitReady}, for the message of a server that never got ready. */
    public String lastReadinessAnswer() {
        return lastReadinessAnswer;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + dir, e);
        }
    }
}
