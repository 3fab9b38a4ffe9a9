package dev.e2ee.bench.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this process and, when its pid is known, by the vault's (Linux {@code /proc/<pid>/stat}, user +
 * system at 100 ticks per second), so the cost per request holds on a machine others load too.
 */
record CpuMeter(long vaultPid) {

    private static final long NANOS_PER_TICK = 10_000_000L;

    record Reading(long clientNanos, long vaultNanos) {}

    /** From {@code -Dbench.vaultPid=PID}; without it the vault's CPU reads as zero. */
    static CpuMeter fromSystemProperty() {
        return new CpuMeter(Long.getLong("bench.vaultPid", 0L));
    }

    /** The 1-minute load average ({@code /proc/loadavg}), or "?" where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    Reading read() {
        long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(client, vaultPid > 0 ? vaultNanos() : 0);
    }

    private long vaultNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(vaultPid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
