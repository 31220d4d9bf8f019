package io.phonectl.bench;

import java.lang.management.ManagementFactory;

/** What the benchmarks print beside their results: this process's CPU time and the machine's load average. */
final class ProcessFigures {

    private ProcessFigures() {
    }

    /** CPU time this JVM has used so far, in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Two CPU-time fields of {@code /proc/self/stat} counted after the command's name ({@code 11}: this process's
     * user and system time; {@code 13}: those of its children that ended and were waited for), in nanoseconds
     * (10 ms ticks).
     */
    static long[] procStatCpu(int field) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(f[field]) * 10_000_000L, Long.parseLong(f[field + 1]) * 10_000_000L};
    }

    /** The 1-minute load average. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
