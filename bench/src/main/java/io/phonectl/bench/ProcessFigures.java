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

    /** The 1-minute load average. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
