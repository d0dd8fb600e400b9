package com.eventix.platform.concurrency;

import com.eventix.platform.api.ServiceBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code permits} callers at once run the guarded work; others wait up to {@code maxWait} and are then
 * refused with 503 SERVICE_BUSY (Retry-After). For work whose memory or CPU would take the JVM down when a burst
 * runs it all at once.
 */
public final class Bulkhead {
    private final String name;
    private final int permits;
    private final Duration maxWait;
    private final Semaphore semaphore;

    public Bulkhead(String name, int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException(name + ": permits must be at least 1");
        }
        this.name = name;
        this.permits = permits;
        this.maxWait = maxWait;
        // Fair: under a burst the longest waiter goes next, so waits stay near the bound instead of starving some.
        this.semaphore = new Semaphore(permits, true);
    }

    /** One permit per {@code bytesPerPermit} of the heap, at least one. */
    public static int permitsFor(long maxHeapBytes, long bytesPerPermit) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeapBytes / bytesPerPermit));
    }

    public <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            semaphore.release();
        }
    }

    private ServiceBusyException busy() {
        return new ServiceBusyException(Math.max(1, (maxWait.toMillis() + 999) / 1000));
    }

    public int permits() {
        return permits;
    }

    public int available() {
        return semaphore.availablePermits();
    }

    @Override
    public String toString() {
        return name + " (" + permits + " permits, wait " + maxWait + ")";
    }
}
