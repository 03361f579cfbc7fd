package io.ipcbench.runner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ipcbench.box.BoxProbe;
import io.ipcbench.box.SystemFiles;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.os.KernelSettings;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;

/** Reads what a run's figures depend on: kernel, CPU, JVM, the kernel's socket settings, the box's settings. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    /**
     * @param pin          where the run pins its two sides: the box is described for those CPUs
     * @param peerJvmFlags the options the peer's JVM starts with
     */
    public static Environment capture(Placement pin, List<String> peerJvmFlags) {
        KernelSettings kernel = KernelSettings.read();
        Map<String, Integer> sysctls = new LinkedHashMap<>();
        sysctls.put("net.core.rmem_default", kernel.rmemDefault());
        sysctls.put("net.core.rmem_max", kernel.rmemMax());
        sysctls.put("net.core.wmem_default", kernel.wmemDefault());
        sysctls.put("net.core.wmem_max", kernel.wmemMax());
        sysctls.put("net.unix.max_dgram_qlen", kernel.unixMaxDgramQlen());
        return new Environment(
                hostname(),
                KernelSettings.readText("/proc/sys/kernel/osrelease"),
                cpuModel(),
                logicalCpus(),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                version(),
                gitCommit(),
                sysctls,
                kernel.loopbackMtu(),
                kernel.clockSource(),
                kernel.cpuGovernor(),
                List.copyOf(peerJvmFlags),
                new BoxProbe(SystemFiles.LIVE).read(pin));
    }

    /**
     * The machine's logical CPUs, from /proc/cpuinfo. Not {@code Runtime.availableProcessors()}:
     * that follows the calling thread's affinity (HotSpot even caches it across threads for a few
     * milliseconds), so a pinned measuring thread would make a two-CPU box look like one.
     */
    static int logicalCpus() {
        try {
            long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("processor")).count();
            if (processors > 0) {
                return (int) processors;
            }
        } catch (IOException ignored) {
            // Not Linux, or /proc not mounted.
        }
        return CpuAffinity.allowedCpus().cardinality();
    }

    public static String hostname() {
        String name = KernelSettings.readText("/proc/sys/kernel/hostname");
        return name == null || name.isBlank() ? "localhost" : name;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // Not Linux, or /proc not mounted.
        }
        return System.getProperty("os.arch");
    }

    public static String version() {
        String version = EnvironmentProbe.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The commit the code was built from: IPCBENCH_GIT_COMMIT if set, else git's answer, else null. */
    static String gitCommit() {
        String fromEnvironment = System.getenv("IPCBENCH_GIT_COMMIT");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            git.getOutputStream().close();
            if (!git.waitFor(2, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
