package com.eventix.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests (GETs, or POSTs as users: {@link #request}) sent at a fixed rate whatever the answers do, each timed from when it was due rather
 * than from when it went out, so a server that falls behind shows its queue in the latencies (wrk's closed loop
 * slows down with the server instead, which hides it). Before the measured seconds it opens {@code connections}
 * keep-alive connections, a thread each, which stay open; each measured request is queued when it is due and goes
 * out on whichever connection is free (its wait in the queue counts in its latency). Plain sockets rather than an
 * HTTP client library: the JDK's HttpClient took as much CPU as the server with 1,000 connections open. It runs in a
 * JVM of its own with the default compilers ({@link #start}), so that the benchmark's own JVM does not set its pace,
 * and prints one line of results.
 *
 * <p>{@code java -cp ... com.eventix.bench.OpenLoop <base URL> <file of requests> <requests/s> <seconds> <connections>}
 * (one request a line, sent in turn; "ok" counts the 2xx answers).
 */
final class OpenLoop {
    private static final String RESULT = "OPEN-LOOP ";

    /**
     * What one run measured; latencies in milliseconds from when each request was due. CPU as shares of the machine:
     * the client's over its measured seconds, the server's over the client process' whole life (its connections'
     * opening included), so indicative only.
     */
    record Run(double offered, int connections, long notOpened, long requests, long ok, long other, long failed,
               double achieved, double p50, double p90, double p99, double p999, double max, double senderLagMs,
               double clientCpuShare, double serverCpuShare) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offeredPerSecond", offered);
            m.put("connections", connections);
            m.put("connectionsNotOpened", notOpened);
            m.put("requests", requests);
            m.put("ok", ok);
            m.put("otherStatus", other);
            m.put("failed", failed);
            m.put("achievedPerSecond", achieved);
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", p50);
            latency.put("p90", p90);
            latency.put("p99", p99);
            latency.put("p999", p999);
            latency.put("max", max);
            m.put("latencyMsFromDue", latency);
            m.put("senderLagMs", senderLagMs);
            m.put("clientCpuShare", clientCpuShare);
            m.put("serverCpuShare", serverCpuShare);
            return m;
        }
    }

    private OpenLoop() {
    }

    /**
     * Runs the load in a JVM of its own against {@code base} and waits for its result; {@code serverPid}'s CPU is
     * measured over the run.
     */
    static Run start(String base, Path requests, double rate, Duration duration, int connections, long serverPid,
                     Path log) throws IOException, InterruptedException {
        String classpath = codeSource(OpenLoop.class) + java.io.File.pathSeparator + codeSource(Histogram.class);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, OpenLoop.class.getName(), base, requests.toString(),
                Double.toString(rate), Long.toString(duration.toSeconds()), Integer.toString(connections));
        double serverBefore = Machine.cpuSeconds(serverPid);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(duration.toSeconds() + 300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the open-loop load did not end; see " + log);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double serverCpu = Machine.cpuSeconds(serverPid) - serverBefore;
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith(RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the open-loop load printed no result; see " + log));
        Map<String, String> r = new LinkedHashMap<>();
        for (String field : line.substring(RESULT.length()).split(" ")) {
            String[] kv = field.split("=", 2);
            r.put(kv[0], kv[1]);
        }
        double measured = Double.parseDouble(r.get("seconds"));
        return new Run(rate, connections, Long.parseLong(r.get("openFailures")), Long.parseLong(r.get("requests")),
                Long.parseLong(r.get("ok")), Long.parseLong(r.get("other")), Long.parseLong(r.get("failed")),
                Double.parseDouble(r.get("achieved")), Double.parseDouble(r.get("p50")), Double.parseDouble(r.get("p90")),
                Double.parseDouble(r.get("p99")), Double.parseDouble(r.get("p999")), Double.parseDouble(r.get("max")),
                Double.parseDouble(r.get("lag")), Double.parseDouble(r.get("cpu")) / measured / Machine.cores(),
                serverCpu / seconds / Machine.cores());
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        double rate = Double.parseDouble(args[2]);
        long seconds = Long.parseLong(args[3]);
        int connections = Integer.parseInt(args[4]);
        String host = base.getHost() + ":" + base.getPort();
        List<byte[]> requests = lines.stream().map(l -> request(host, l)).toList();

        long total = (long) (rate * seconds);
        Histogram latencies = new ConcurrentHistogram(Load.MAX_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch((int) total);
        BlockingQueue<Job> due = new LinkedBlockingQueue<>();
        // The connections: a thread each, blocked on its socket or on the queue, so that an idle one costs nothing.
        CountDownLatch open = new CountDownLatch(connections);
        AtomicLong openFailures = new AtomicLong();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                Connection c = null;
                try {
                    c = new Connection(base.getHost(), base.getPort());
                } catch (IOException e) {
                    openFailures.incrementAndGet();
                }
                open.countDown();
                while (true) {
                    Job job;
                    try {
                        job = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int status = -1;
                    for (int attempt = 0; attempt < 2 && status < 0; attempt++) {
                        try {
                            if (c == null) {
                                c = new Connection(base.getHost(), base.getPort());
                            }
                            status = c.exchange(requests.get((int) (job.index() % requests.size())));
                            if (c.closing) {
                                c.close();
                                c = null;
                            }
                        } catch (IOException e) {
                            // Closed by the server while idle (its keep-alive timeout): once more on a new connection.
                            if (c != null) {
                                c.close();
                            }
                            c = null;
                        }
                    }
                    long now = System.nanoTime();
                    latencies.recordValue(Math.min(Math.max(1, (now - job.due()) / 1_000), Load.MAX_MICROS));
                    lastAnswer.accumulateAndGet(now, Math::max);
                    (status < 0 ? failed : status / 100 == 2 ? ok : other).incrementAndGet();
                    answered.countDown();
                }
            }, "connection-" + i);
            t.setDaemon(true);
            t.start();
        }
        open.await(120, TimeUnit.SECONDS);
        Thread.sleep(1_000);

        double cpuBefore = ownCpuSeconds();
        long start = System.nanoTime() + 50_000_000L;
        long lag = 0;
        for (long i = 0; i < total; i++) {
            long at = start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lag = Math.max(lag, System.nanoTime() - at);
            due.add(new Job(i, at));
        }
        boolean all = answered.await(120, TimeUnit.SECONDS);
        double measured = (lastAnswer.get() - start) / 1e9;
        double cpu = ownCpuSeconds() - cpuBefore;
        System.out.println(String.format(Locale.ROOT, RESULT + "requests=%d ok=%d other=%d failed=%d achieved=%.1f "
                        + "p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f lag=%.3f cpu=%.3f seconds=%.3f "
                        + "unanswered=%d openFailures=%d",
                total, ok.get(), other.get(), failed.get() + (all ? 0 : answered.getCount()), total / measured,
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(90) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0, latencies.getValueAtPercentile(99.9) / 1000.0,
                latencies.getMaxValue() / 1000.0, lag / 1e6, cpu, measured, answered.getCount(), openFailures.get()));
        System.exit(0);
    }

    /** The {@code index}th request, due at {@code due} (System.nanoTime). */
    private record Job(long index, long due) {
    }

    /** One keep-alive HTTP/1.1 connection: a request written whole, the answer read to its last byte. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        /** The server said it closes the connection after this answer. */
        boolean closing;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 30_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        /** Sends {@code request} and reads its answer; returns the status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("closed");
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            closing = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    skip(size);
                    line();
                }
                String trailer = line();
                while (trailer != null && !trailer.isEmpty()) {
                    trailer = line();
                }
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private long chunkSize() throws IOException {
            String size = line();
            if (size == null) {
                throw new IOException("closed in a chunked body");
            }
            return Long.parseLong(size.split(";")[0].trim(), 16);
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("closed in a body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        /** A header line without its CRLF; null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int end = b.length();
                    return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * One line of the requests file as the bytes of an HTTP/1.1 request: a path to GET, or POST, the path, the bearer
     * token and the JSON body, separated by tabs. The headers are those of the closed-loop runs (get.lua,
     * reserve.lua), so both load the server alike.
     */
    static byte[] request(String host, String line) {
        String[] f = line.split("\t", 4);
        StringBuilder r = new StringBuilder();
        if (f.length == 1) {
            r.append("GET ").append(f[0]).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nAccept: application/json\r\nAccept-Encoding: gzip\r\n\r\n");
            return r.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (!f[0].equals("POST") || f.length != 4) {
            throw new IllegalArgumentException("a request line is a path, or POST, path, token and body: " + line);
        }
        byte[] body = f[3].getBytes(StandardCharsets.UTF_8);
        r.append("POST ").append(f[1]).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nAccept: application/json\r\nAuthorization: Bearer ").append(f[2])
                .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\n\r\n").append(f[3]);
        return r.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A line of the requests file that POSTs {@code body} to {@code path} as the holder of {@code token}. */
    static String post(String path, String token, String body) {
        return "POST\t" + path + "\t" + token + "\t" + body;
    }

    /** This JVM's CPU time so far, in seconds. */
    private static double ownCpuSeconds() {
        return Machine.cpuSeconds(ProcessHandle.current().pid());
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
