package io.ipcbench.results;

import java.util.List;
import java.util.Map;

/**
 * The box a run was made on: enough to tell whether two runs can be compared.
 *
 * @param sysctls kernel settings by their sysctl names, e.g. {@code net.core.rmem_default}; -1 if unreadable
 * @param peerJvmFlags the options the peer JVM was started with, beside the client's {@code jvmFlags}
 * @param box          the box's frequency, idle, topology, hypervisor and kernel settings; null in older runs
 * @param link         the veth link the tcp and udp cells crossed ({@code --link netns}); null on loopback
 */
public record Environment(String hostname, String kernel, String cpuModel, int logicalCpus,
                          String jvmVendor, String jvmVersion, List<String> jvmFlags,
                          String ipcbenchVersion, String gitCommit,
                          Map<String, Integer> sysctls, int loopbackMtu, String clockSource, String cpuGovernor,
                          List<String> peerJvmFlags, Box box, NetworkLink link) {

    /** An environment on loopback, as runs recorded it before links. */
    public Environment(String hostname, String kernel, String cpuModel, int logicalCpus, String jvmVendor,
                       String jvmVersion, List<String> jvmFlags, String ipcbenchVersion, String gitCommit,
                       Map<String, Integer> sysctls, int loopbackMtu, String clockSource, String cpuGovernor,
                       List<String> peerJvmFlags, Box box) {
        this(hostname, kernel, cpuModel, logicalCpus, jvmVendor, jvmVersion, jvmFlags, ipcbenchVersion, gitCommit,
                sysctls, loopbackMtu, clockSource, cpuGovernor, peerJvmFlags, box, null);
    }

    /** An environment without the peer's flags and the box, as runs recorded it before they were read. */
    public Environment(String hostname, String kernel, String cpuModel, int logicalCpus, String jvmVendor,
                       String jvmVersion, List<String> jvmFlags, String ipcbenchVersion, String gitCommit,
                       Map<String, Integer> sysctls, int loopbackMtu, String clockSource, String cpuGovernor) {
        this(hostname, kernel, cpuModel, logicalCpus, jvmVendor, jvmVersion, jvmFlags, ipcbenchVersion, gitCommit,
                sysctls, loopbackMtu, clockSource, cpuGovernor, null, null, null);
    }

    /** The same environment with the link its tcp and udp cells crossed. */
    public Environment withLink(NetworkLink crossed) {
        return new Environment(hostname, kernel, cpuModel, logicalCpus, jvmVendor, jvmVersion, jvmFlags,
                ipcbenchVersion, gitCommit, sysctls, loopbackMtu, clockSource, cpuGovernor, peerJvmFlags, box, crossed);
    }
}
