package com.eventix.testing;

import com.eventix.devserver.PayaraLauncher;
import com.eventix.devserver.Ports;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An Eventix server as an operator runs it: the built WAR on Payara Micro in a process of its own (through the
 * same launcher as {@code mvn -Prun}), on a database and broker of its own and the suite's other services. Unlike an Arquillian container it can be
 * killed with SIGKILL and started again on the same port and runtime folder, to test what a crash or a restart
 * leaves behind. Its console goes to target/servers/NAME.log.
 */
public final class ServerProcess implements AutoCloseable {
    private final PayaraLauncher launcher;
    private final Path log;
    private final IsolatedServices own;
    private Process process;

    private ServerProcess(PayaraLauncher launcher, Path log, IsolatedServices own) {
        this.launcher = launcher;
        this.log = log;
        this.own = own;
    }

    /**
     * A server on a database and broker of its own ({@link IsolatedServices}), for a test that runs in parallel
     * with the others; not started yet. Closing it drops them.
     */
    public static ServerProcess isolated(String name) throws Exception {
        return isolated(name, Map.of());
    }

    /** As {@link #isolated(String)}, with {@code settings} over the suite's (an empty value unsets one). */
    public static ServerProcess isolated(String name, Map<String, String> settings) throws Exception {
        IsolatedServices own = SuiteServices.get().isolated(name);
        Path dir = Path.of("target", "servers").toAbsolutePath();
        Files.createDirectories(dir);
        Map<String, String> all = new HashMap<>(own.settings());
        all.putAll(settings);
        // Restarts of this server append to its log; an earlier run's lines are not this one's.
        Files.deleteIfExists(dir.resolve(name + ".log"));
        return new ServerProcess(new PayaraLauncher(Ports.free(), dir.resolve(name), all),
                dir.resolve(name + ".log"), own);
    }

    /** The server's own database. */
    public Database database() {
        return Database.of(own.database);
    }

    /** Starts the process and returns at once; {@link #awaitReady} waits for it. */
    public ServerProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = launcher.start(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return this;
    }

    public ServerProcess awaitReady(Duration timeout) throws InterruptedException {
        if (!launcher.awaitReady(process, timeout)) {
            throw new IllegalStateException("The server did not become ready in " + timeout + "; its last readiness "
                    + "answer: " + launcher.lastReadinessAnswer() + "; see " + log);
        }
        return this;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no connection closed cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public URL url() {
        try {
            return new URL("http://localhost:" + launcher.port() + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
        own.close();
    }
}
