package io.ipcbench.box;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake /proc and /sys under a test's folder: files written by the names the kernel gives them. */
final class FakeSystem {
    private final Path root;

    FakeSystem(Path root) {
        this.root = root;
    }

    FakeSystem file(String path, String content) {
        Path file = root.resolve(path.substring(1));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SystemFiles files() {
        return new SystemFiles(root);
    }

    /** A CPU with a cpufreq driver, three idle states (the deepest disabled) and its topology. */
    FakeSystem cpu(int cpu, String governor, String threadSiblings, int core, int packageId) {
        String base = "/sys/devices/system/cpu/cpu" + cpu + "/";
        file(base + "cpufreq/scaling_governor", governor);
        file(base + "cpufreq/scaling_cur_freq", "2100000");
        file(base + "cpufreq/scaling_min_freq", "800000");
        file(base + "cpufreq/scaling_max_freq", "3500000");
        idleState(cpu, 0, "POLL", 0, false);
        idleState(cpu, 1, "C1", 2, false);
        idleState(cpu, 2, "C6", 133, true);
        file(base + "topology/thread_siblings_list", threadSiblings);
        file(base + "topology/core_id", Integer.toString(core));
        file(base + "topology/physical_package_id", Integer.toString(packageId));
        return this;
    }

    FakeSystem idleState(int cpu, int state, String name, int latencyMicros, boolean disabled) {
        String base = "/sys/devices/system/cpu/cpu" + cpu + "/cpuidle/state" + state + "/";
        file(base + "name", name);
        file(base + "latency", Integer.toString(latencyMicros));
        file(base + "disable", disabled ? "1" : "0");
        return this;
    }

    FakeSystem cache(int cpu, int index, int level, String type, String sharedCpus) {
        String base = "/sys/devices/system/cpu/cpu" + cpu + "/cache/index" + index + "/";
        file(base + "level", Integer.toString(level));
        file(base + "type", type);
        file(base + "shared_cpu_list", sharedCpus);
        return this;
    }
}
