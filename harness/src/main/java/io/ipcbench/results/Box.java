package io.ipcbench.results;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of the box that decide whether its figures are steady and comparable, beyond the
 * kernel and the CPU model: frequency and idle states of the CPUs the run uses, how the two pinned
 * CPUs share a core and caches, a hypervisor, mitigations, the kernel command line, transparent
 * huge pages and TCP's buffer settings. Read at the start of a run, and by {@code ipcbench doctor}.
 * A text the box does not show is {@link #UNKNOWN}; a number it does not show is null.
 *
 * @param cpus                 the CPUs the two sides are pinned to (every online CPU when unpinned)
 * @param pair                 how the client's and the peer's CPUs relate; null when unpinned
 * @param turbo                "on", "off" or {@link #UNKNOWN}: whether the CPUs may clock above their base frequency
 * @param hypervisor           {@link #NONE}, the hypervisor's or the machine's name, or {@link #PRESENT}
 *                             when only the CPU's {@code hypervisor} flag tells
 * @param vulnerabilities      the kernel's report on each CPU vulnerability, by its name in sysfs
 * @param kernelParameters     {@code isolcpus}, {@code nohz_full} and {@code mitigations} from the kernel
 *                             command line, {@link #NOT_SET} when absent
 * @param transparentHugePages the selected mode of transparent huge pages ({@code always}, {@code madvise}, {@code never})
 * @param tcpSettings          {@code net.ipv4.tcp_rmem}, {@code tcp_wmem} and {@code tcp_autocorking}, as the kernel prints them
 * @param loadAverage          the one-minute load average when the box was read
 */
public record Box(List<CpuState> cpus, CpuPair pair, String turbo, String hypervisor,
                  Map<String, String> vulnerabilities, Map<String, String> kernelParameters,
                  String transparentHugePages, Map<String, String> tcpSettings, Double loadAverage) {
    public static final String UNKNOWN = "unknown";
    public static final String NONE = "none";
    public static final String PRESENT = "present";
    public static final String NOT_SET = "not set";

    public Box {
        cpus = cpus == null ? List.of() : List.copyOf(cpus);
        vulnerabilities = sorted(vulnerabilities);
        kernelParameters = sorted(kernelParameters);
        tcpSettings = sorted(tcpSettings);
    }

    /** Sorted by name, so that a box reads and compares the same whichever order the kernel listed it in. */
    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }

    /**
     * One CPU the run uses, as its frequency driver and idle driver set it.
     *
     * @param role                      "client", "peer", "client and peer", or null when unpinned
     * @param governor                  the cpufreq governor, e.g. {@code performance}
     * @param currentKhz                the frequency when read, in kHz
     * @param deepestIdleState          the deepest idle state not disabled, e.g. {@code C6}, or {@link #NONE}
     * @param deepestIdleLatencyMicros  how long that state takes to wake from
     */
    public record CpuState(int cpu, String role, String governor, Long currentKhz, Long minKhz, Long maxKhz,
                           String deepestIdleState, Long deepestIdleLatencyMicros) {
    }

    /**
     * The two pinned CPUs, side by side: SMT siblings share one core's execution units and caches;
     * CPUs of one package share its last-level cache.
     *
     * @param smtSiblings  whether they are two hardware threads of one core (false for one CPU)
     * @param samePackage  whether they are in one physical package
     * @param sharedCaches the caches both use, e.g. {@code L3 Unified}; every cache when both are one CPU
     */
    public record CpuPair(int client, int peer, Boolean smtSiblings, Boolean samePackage, List<String> sharedCaches) {
        public CpuPair {
            sharedCaches = sharedCaches == null ? null : List.copyOf(sharedCaches);
        }

        public boolean sameCpu() {
            return client == peer;
        }
    }
}
