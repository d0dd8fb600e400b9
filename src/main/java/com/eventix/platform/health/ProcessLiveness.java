package com.eventix.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process answers and has heap to work with; restart it if not. The heap is judged by what the last
 * garbage collection left, not by what is in use now: right after a burst the heap is mostly garbage not yet
 * collected, and a restart then would throw away a healthy server in the middle of a sale.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {
    private static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long live = heapAfterLastCollection();
        return HealthCheckResponse.named("process").status((double) live / rt.maxMemory() < MAX_HEAP_USE)
                .withData("heapUsedMiB", used / (1024 * 1024))
                .withData("heapAfterLastGcMiB", live / (1024 * 1024))
                .withData("heapMaxMiB", rt.maxMemory() / (1024 * 1024))
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }

    /** The heap in use right after the most recent collection of each pool (0 before the first). */
    private static long heapAfterLastCollection() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                bytes += pool.getCollectionUsage().getUsed();
            }
        }
        return bytes;
    }
}
