package com.eventix.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.ServiceBusyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    @Test
    void permitsComeFromTheHeapAndAreNeverZero() {
        long mib = 1024L * 1024;
        assertThat(Bulkhead.permitsFor(512 * mib, 64 * mib)).isEqualTo(8);
        assertThat(Bulkhead.permitsFor(2048 * mib, 64 * mib)).isEqualTo(32);
        assertThat(Bulkhead.permitsFor(32 * mib, 64 * mib)).isEqualTo(1);
    }

    @Test
    void neverRunsMoreThanItsPermitsAndRefusesTheRestWithRetryAfter() throws Exception {
        Bulkhead bulkhead = new Bulkhead("test", 3, Duration.ofMillis(200));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return bulkhead.call(() -> {
                        highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(500);
                        running.decrementAndGet();
                        return "ran";
                    });
                } catch (ServiceBusyException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_BUSY);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                    return "busy";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(highest.get()).isEqualTo(3);
        assertThat(outcomes).filteredOn("ran"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("busy"::equals).hasSize(17);
        assertThat(bulkhead.available()).isEqualTo(3);
    }

    @Test
    void aFailingCallGivesItsPermitBack() {
        Bulkhead bulkhead = new Bulkhead("test", 1, Duration.ofMillis(10));
        for (int i = 0; i < 3; i++) {
            try {
                bulkhead.call(() -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the work's own failure passes through
            }
        }
        assertThat(bulkhead.call(() -> "still usable")).isEqualTo("still usable");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
