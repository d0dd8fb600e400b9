package com.eventix.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about this machine and its processes, read from /proc. */
final class Machine {
    /** USER_HZ: the unit of utime and stime in /proc/PID/stat (100 on Linux for x86 and arm). */
    static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static long memoryMb() {
        return statusField(Path.of("/proc/meminfo"), "MemTotal:") / 1024;
    }

    /** Resident set size of a process in MiB (VmRSS of /proc/PID/status), -1 when unknown. */
    static double rssMb(long pid) {
        long kb = statusField(Path.of("/proc/" + pid + "/status"), "VmRSS:");
        return kb < 0 ? -1 : kb / 1024.0;
    }

    private static long statusField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or unreadable
        }
        return -1;
    }

    /** CPU time (user + system) a process has used so far, in seconds; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        return cpuTicks(Path.of("/proc/" + pid + "/stat")) / TICKS_PER_SECOND;
    }

    private static long cpuTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            // pid (comm) state ppid ...: utime and stime are fields 14 and 15, counted from the pid.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds used so far by all running PostgreSQL processes of this machine (backends, WAL writer,
     * checkpointer, ...). Backends that exit between two readings take their time with them, so deltas are
     * meaningful while the clients keep their connections (the server's pool, pgbench's clients).
     */
    static double postgresCpuSeconds() {
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    if ("postgres".equals(Files.readString(proc.resolve("comm")).trim())) {
                        ticks += cpuTicks(proc.resolve("stat"));
                    }
                } catch (IOException | RuntimeException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** What goes into every result file under "machine". */
    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", cores());
        m.put("memoryMb", memoryMb());
        m.put("loadAverageAtStart", loadAverage());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }
}
