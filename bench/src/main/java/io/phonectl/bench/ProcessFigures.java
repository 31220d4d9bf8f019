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
        return procStatCpu("self", field);
    }

    /** The same two fields of {@code /proc/PID/stat}. */
    private static long[] procStatCpu(String pid, int field) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(f[field]) * 10_000_000L, Long.parseLong(f[field + 1]) * 10_000_000L};
    }

    /** A child process's CPU time so far (user + system, from /proc), in nanoseconds; -1 where there is none. */
    static long cpuNanos(Process child) {
        try {
            long[] us = procStatCpu(Long.toString(child.pid()), 11); // utime, stime
            return us[0] + us[1];
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops a child that runs until its stdin closes: closes it, waits 20 s, then destroys it. */
    static void stop(Process child) throws java.io.IOException {
        child.getOutputStream().close();
        try {
            if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroy();
                child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
        }
    }

    /** The 1-minute load average. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
