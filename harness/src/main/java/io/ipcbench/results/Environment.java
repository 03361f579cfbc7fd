package io.ipcbench.results;

import java.util.List;
import java.util.Map;

/**
 * The box a run was made on: enough to tell whether two runs can be compared.
 *
 * @param sysctls kernel settings by their sysctl names, e.g. {@code net.core.rmem_default}; -1 if unreadable
 */
public record Environment(String hostname, String kernel, String cpuModel, int logicalCpus,
                          String jvmVendor, String jvmVersion, List<String> jvmFlags,
                          String ipcbenchVersion, String gitCommit,
                          Map<String, Integer> sysctls, int loopbackMtu, String clockSource, String cpuGovernor) {
}
