package com.eventix.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Runs a list of requests with a fixed number of client threads (closed loop: each thread sends its next
 * request when the previous one has answered) and records every request's latency.
 */
final class Load {
    /** Latencies are recorded in microseconds, up to 2 minutes, 3 significant digits. */
    static final long MAX_MICROS = 120_000_000L;

    interface Task<T> {
        void run(int index, T item, int thread) throws Exception;
    }

    /** A phase's outcome: latencies (all, and by label), wall time, failures. */
    static final class Result {
        final String name;
        final int requests;
        final long wallNanos;
        final long[] micros;          // per request, -1 where it failed
        final Histogram all = histogram();
        final Map<String, Histogram> byLabel = new LinkedHashMap<>();
        final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        int errors;

        Result(String name, int requests, long wallNanos, long[] micros) {
            this.name = name;
            this.requests = requests;
            this.wallNanos = wallNanos;
            this.micros = micros;
        }

        double perSecond() {
            return (requests - errors) / (wallNanos / 1e9);
        }

        double p(double percentile) {
            return all.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return all.getMaxValue() / 1000.0;
        }
    }

    private Load() {
    }

    static Histogram histogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    static <T> Result run(String name, List<T> items, int threads, Function<T, List<String>> labels, Task<T> task)
            throws InterruptedException {
        long[] micros = new long[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                int i;
                while ((i = next.getAndIncrement()) < items.size() && !Thread.currentThread().isInterrupted()) {
                    long start = System.nanoTime();
                    try {
                        task.run(i, items.get(i), thread);
                        micros[i] = (System.nanoTime() - start) / 1000;
                    } catch (Exception e) {
                        micros[i] = -1;
                        errors.incrementAndGet();
                        if (errorSamples.size() < 5) {
                            errorSamples.add(items.get(i) + ": " + e);
                        }
                    }
                }
            }, "bench-" + name + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        Result result = new Result(name, items.size(), System.nanoTime() - start, micros);
        result.errors = errors.get();
        result.errorSamples.addAll(errorSamples);
        for (int i = 0; i < items.size(); i++) {
            if (micros[i] < 0) {
                continue;
            }
            long value = Math.min(Math.max(micros[i], 1), MAX_MICROS);
            result.all.recordValue(value);
            for (String label : labels.apply(items.get(i))) {
                result.byLabel.computeIfAbsent(label, l -> histogram()).recordValue(value);
            }
        }
        return result;
    }
}
