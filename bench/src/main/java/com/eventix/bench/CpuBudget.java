package com.eventix.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's server CPU went: a flight recording of the run (JFR's "profile" settings: a Java stack sampled every
 * 10 ms per running thread), each sample given to the layer of the innermost frame that belongs to a known layer
 * (a HashMap lookup inside EclipseLink counts as EclipseLink), shares turned into milliseconds per answer with the
 * server's measured CPU time. Garbage collection and the JIT compiler are not Java threads and get no samples: their
 * time is spread over the layers in proportion, so the milliseconds are estimates and the shares exact.
 */
final class CpuBudget {
    /** Layers in the order they are printed; a frame belongs to the first whose prefixes it starts with. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("JWT verification (MP-JWT, Nimbus)", List.of("com.nimbusds.", "fish.payara.microprofile.jwtauth.",
                "com.eventix.platform.security."));
        LAYERS.put("Ed25519 ticket codes (Bouncy Castle)", List.of("org.bouncycastle."));
        LAYERS.put("JSON (JSON-B, JSON-P)", List.of("org.eclipse.yasson.", "org.glassfish.json.", "org.eclipse.parsson.",
                "jakarta.json."));
        LAYERS.put("Bean Validation", List.of("org.hibernate.validator."));
        LAYERS.put("JDBC driver", List.of("org.postgresql."));
        LAYERS.put("Pool and JTA", List.of("com.sun.enterprise.resource.", "com.sun.enterprise.transaction.",
                "com.sun.jts.", "org.glassfish.resourcebase.", "com.sun.gjc.", "fish.payara.jdbc.",
                "fish.payara.nucleus.requesttracing."));
        LAYERS.put("EclipseLink", List.of("org.eclipse.persistence."));
        LAYERS.put("Redis (Jedis)", List.of("redis.clients.", "org.apache.commons.pool2."));
        LAYERS.put("CDI and EJB interceptors", List.of("org.jboss.weld.", "com.sun.ejb.", "org.glassfish.ejb.",
                "org.glassfish.weld.", "fish.payara.cdi."));
        LAYERS.put("Security (Jakarta Security)", List.of("org.glassfish.soteria.", "com.sun.enterprise.security.",
                "org.glassfish.exousia.", "com.sun.web.security.", "fish.payara.security."));
        LAYERS.put("Metrics and telemetry", List.of("fish.payara.microprofile.metrics.", "io.opentelemetry.",
                "fish.payara.telemetry.", "fish.payara.microprofile.telemetry.", "io.smallrye.metrics.",
                "com.eventix.platform.observability."));
        LAYERS.put("Logging", List.of("java.util.logging.", "com.sun.enterprise.server.logging.", "fish.payara.logging."));
        LAYERS.put("JAX-RS (Jersey)", List.of("org.glassfish.jersey."));
        LAYERS.put("HTTP and servlet (Grizzly, Catalina)", List.of("org.glassfish.grizzly.", "org.apache.catalina.",
                "org.apache.coyote.", "com.sun.enterprise.web.", "org.glassfish.web."));
        LAYERS.put("Eventix code", List.of("com.eventix."));
    }

    private static final String OTHER = "JDK and other";

    record Layer(String name, long samples, double share, double msPerAnswer) {
    }

    private final List<Layer> layers;
    private final long samples;

    private CpuBudget(List<Layer> layers, long samples) {
        this.layers = layers;
        this.samples = samples;
    }

    /** Starts a recording named {@code name} on the server process; {@link #stop} ends it. */
    static void start(long pid, String name, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    /** Ends the recording {@code name} (written to the file it was started with) and reads it. */
    static CpuBudget stop(long pid, String name, Path file, double serverCpuSeconds, long answers)
            throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
        return read(file, serverCpuSeconds, answers);
    }

    static CpuBudget read(Path file, double serverCpuSeconds, long answers) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        LAYERS.keySet().forEach(layer -> counts.put(layer, 0L));
        counts.put(OTHER, 0L);
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            counts.merge(layerOf(event.getStackTrace()), 1L, Long::sum);
            total++;
        }
        double msPerAnswer = answers == 0 ? Double.NaN : serverCpuSeconds * 1000.0 / answers;
        List<Layer> layers = new ArrayList<>();
        long all = total;
        counts.forEach((layer, n) -> {
            double share = all == 0 ? 0 : (double) n / all;
            layers.add(new Layer(layer, n, share, share * msPerAnswer));
        });
        return new CpuBudget(layers, total);
    }

    private static String layerOf(RecordedStackTrace stack) {
        if (stack == null) {
            return OTHER;
        }
        for (RecordedFrame frame : stack.getFrames()) { // innermost first
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                for (String prefix : layer.getValue()) {
                    if (type.startsWith(prefix)) {
                        return layer.getKey();
                    }
                }
            }
        }
        return OTHER;
    }

    String table(String title) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "CPU budget: %s (%d samples)%n%-40s %8s %7s %10s%n", title, samples, "layer", "samples", "share",
                "ms/answer"));
        for (Layer layer : layers) {
            out.append(String.format(Locale.ROOT, "%-40s %8d %6.1f%% %10.3f%n", layer.name(), layer.samples(),
                    layer.share() * 100, layer.msPerAnswer()));
        }
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        for (Layer layer : layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("samples", layer.samples());
            l.put("share", layer.share());
            l.put("msPerAnswer", layer.msPerAnswer());
            m.put(layer.name(), l);
        }
        return m;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd failed: " + String.join(" ", line) + "\n" + out);
        }
    }

    static boolean wanted() {
        return "1".equals(System.getenv("BENCH_PROFILE")) || "true".equalsIgnoreCase(System.getenv("BENCH_PROFILE"));
    }

    static Path fileFor(Path dir, String run) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve("profile-" + run.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
    }
}
