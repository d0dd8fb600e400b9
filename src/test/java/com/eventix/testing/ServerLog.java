package com.eventix.testing;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the deployed server logs. The Arquillian container copies the server's console to this JVM's
 * System.out line by line; a tee keeps the recent lines so tests can assert on what operators would read.
 */
public final class ServerLog {
    private static final int KEEP = 50_000;
    private static final List<String> LINES = new ArrayList<>();
    private static long dropped;

    private ServerLog() {
    }

    static synchronized void install() {
        PrintStream original = System.out;
        System.setOut(new PrintStream(original, true) {
            @Override
            public void println(String line) {
                record(line);
                super.println(line);
            }
        });
    }

    private static synchronized void record(String line) {
        if (LINES.size() == KEEP) {
            LINES.remove(0);
            dropped++;
        }
        LINES.add(line);
    }

    /** A position in the log; {@link #awaitAfter} looks only at lines logged after it. */
    public static synchronized long mark() {
        return dropped + LINES.size();
    }

    /** Waits up to {@code timeout} for a line after {@code mark} that contains {@code text}. */
    public static boolean awaitAfter(long mark, String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        do {
            synchronized (ServerLog.class) {
                for (int i = (int) Math.max(0, mark - dropped); i < LINES.size(); i++) {
                    if (LINES.get(i) != null && LINES.get(i).contains(text)) {
                        return true;
                    }
                }
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return false;
    }
}
