package com.eventix.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void countsUpToTheLimitThenAnswersTheWaitUntilTheWindowEnds() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("login:a@b", 3, MINUTE)).isZero();
        }
        now.addAndGet(20_000);
        assertThat(limiter.acquire("login:a@b", 3, MINUTE)).isEqualTo(40_000);
        assertThat(limiter.acquire("login:other", 3, MINUTE)).as("keys are counted apart").isZero();
    }

    @Test
    void aNewWindowStartsWhenTheOldOneEnds() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, now::get);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("k", 2, MINUTE);
        }
        assertThat(limiter.acquire("k", 2, MINUTE)).isPositive();
        now.addAndGet(60_000);
        assertThat(limiter.acquire("k", 2, MINUTE)).isZero();
        assertThat(limiter.acquire("k", 2, MINUTE)).isZero();
        assertThat(limiter.acquire("k", 2, MINUTE)).isPositive();
    }

    @Test
    void memoryStaysBoundedByDroppingEndedWindowsFirst() {
        LocalRateLimiter limiter = new LocalRateLimiter(1_000, now::get);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("old-" + i, 5, MINUTE);
        }
        now.addAndGet(61_000);
        limiter.acquire("new", 5, MINUTE);
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void whenFullOfLiveWindowsTheOnesEndingSoonestMakeRoom() {
        LocalRateLimiter limiter = new LocalRateLimiter(1_000, now::get);
        for (int i = 0; i < 1_000; i++) {
            now.incrementAndGet();
            limiter.acquire("k" + i, 1, MINUTE);
        }
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("flood-" + i, 1, MINUTE);
            assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
        }
        // The latest keys are still counted: a flood of new keys does not reset the ones being limited right now.
        assertThat(limiter.acquire("flood-9999", 1, MINUTE)).isPositive();
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheLimit() throws Exception {
        LocalRateLimiter limiter = new LocalRateLimiter(100, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return limiter.acquire("hot", 37, MINUTE);
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Long> f : results) {
                if (f.get() == 0) {
                    allowed++;
                }
            }
            assertThat(allowed).isEqualTo(37);
        } finally {
            pool.shutdown();
        }
    }
}
