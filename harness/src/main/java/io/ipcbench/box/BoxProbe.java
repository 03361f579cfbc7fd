package io.ipcbench.box;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipcbench.results.Box;
import io.ipcbench.results.Box.CpuPair;
import io.ipcbench.results.Box.CpuState;
import io.ipcbench.results.CpuList;
import io.ipcbench.results.Placement;

/**
 * Reads {@link Box} from the kernel's files: what pyperf's {@code system show} looks at, for the
 * CPUs a run is pinned to. Nothing here fails: what a box does not show is unknown.
 */
public final class BoxProbe {
    static final String CPU = "/sys/devices/system/cpu/";
    /** The kernel parameters that isolate CPUs from other work or change what system calls cost. */
    static final List<String> KERNEL_PARAMETERS = List.of("isolcpus", "nohz_full", "mitigations");
    static final List<String> TCP_SETTINGS = List.of("tcp_rmem", "tcp_wmem", "tcp_autocorking");
    private static final Pattern SELECTED_MODE = Pattern.compile("\\[([^]]+)]");

    private final SystemFiles files;

    public BoxProbe(SystemFiles files) {
        this.files = files;
    }

    /** The box as a run with this placement finds it. */
    public Box read(Placement pin) {
        return new Box(cpus(pin), pin.pinned() ? pair(pin.client(), pin.peer()) : null, turbo(), hypervisor(),
                vulnerabilities(), kernelParameters(), transparentHugePages(), tcpSettings(),
                loadAverage(files).orElse(null));
    }

    /** The one-minute load average, the first figure of {@code /proc/loadavg}. */
    static Optional<Double> loadAverage(SystemFiles files) {
        try {
            return files.firstLine("/proc/loadavg").map(line -> Double.parseDouble(line.split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<CpuState> cpus(Placement pin) {
        List<CpuState> cpus = new ArrayList<>();
        if (pin.pinned()) {
            if (pin.client().equals(pin.peer())) {
                cpus.add(cpu(pin.client(), "client and peer"));
            } else {
                cpus.add(cpu(pin.client(), "client"));
                cpus.add(cpu(pin.peer(), "peer"));
            }
        } else {
            for (int cpu : CpuList.parse(files.firstLine(CPU + "online").orElse(""))) {
                cpus.add(cpu(cpu, null));
            }
        }
        return cpus;
    }

    private CpuState cpu(int cpu, String role) {
        String freq = CPU + "cpu" + cpu + "/cpufreq/";
        String idle = CPU + "cpu" + cpu + "/cpuidle/";
        String deepest = Box.UNKNOWN;
        Long latency = null;
        List<String> states = files.list(idle).stream().filter(name -> name.matches("state\\d+"))
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5))))
                .toList();
        if (!states.isEmpty()) {
            deepest = Box.NONE;
            for (String state : states) {
                // A state is enabled unless its "disable" file says 1.
                if (files.number(idle + state + "/disable").orElse(0L) == 0) {
                    deepest = files.firstLine(idle + state + "/name").orElse(state);
                    latency = files.number(idle + state + "/latency").orElse(null);
                }
            }
        }
        return new CpuState(cpu, role, files.firstLine(freq + "scaling_governor").orElse(Box.UNKNOWN),
                files.number(freq + "scaling_cur_freq").or(() -> files.number(freq + "cpuinfo_cur_freq")).orElse(null),
                files.number(freq + "scaling_min_freq").orElse(null), files.number(freq + "scaling_max_freq").orElse(null),
                deepest, latency);
    }

    private CpuPair pair(int client, int peer) {
        String topology = CPU + "cpu" + client + "/topology/";
        Boolean smtSiblings = files.firstLine(topology + "thread_siblings_list")
                .map(list -> client != peer && CpuList.parse(list).contains(peer)).orElse(null);
        Optional<Long> clientPackage = files.number(topology + "physical_package_id");
        Optional<Long> peerPackage = files.number(CPU + "cpu" + peer + "/topology/physical_package_id");
        Boolean samePackage = clientPackage.isPresent() && peerPackage.isPresent()
                ? clientPackage.get().equals(peerPackage.get()) : null;
        String cache = CPU + "cpu" + client + "/cache/";
        List<String> indexes = files.list(cache).stream().filter(name -> name.startsWith("index")).toList();
        List<String> shared = null;
        if (!indexes.isEmpty()) {
            shared = new ArrayList<>();
            for (String index : indexes) {
                if (CpuList.parse(files.firstLine(cache + index + "/shared_cpu_list").orElse("")).contains(peer)) {
                    shared.add("L" + files.firstLine(cache + index + "/level").orElse("?") + " "
                            + files.firstLine(cache + index + "/type").orElse("cache"));
                }
            }
        }
        return new CpuPair(client, peer, smtSiblings, samePackage, shared);
    }

    /** intel_pstate says whether turbo is off; acpi-cpufreq and amd-pstate say whether boost is on. */
    private String turbo() {
        Optional<Long> noTurbo = files.number(CPU + "intel_pstate/no_turbo");
        if (noTurbo.isPresent()) {
            return noTurbo.get() == 0 ? "on" : "off";
        }
        return files.number(CPU + "cpufreq/boost").map(boost -> boost == 1 ? "on" : "off").orElse(Box.UNKNOWN);
    }

    /**
     * Xen names itself in /sys/hypervisor; other hypervisors only set the CPU's flag, and the
     * machine's DMI name (e.g. "QEMU Standard PC") then says whose it is.
     */
    private String hypervisor() {
        Optional<String> type = files.firstLine("/sys/hypervisor/type").filter(t -> !t.isBlank());
        if (type.isPresent()) {
            return type.get();
        }
        Optional<String> flags = files.lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("flags"))
                .findFirst();
        if (flags.isEmpty()) {
            return Box.UNKNOWN;
        }
        if (!List.of(flags.get().substring(flags.get().indexOf(':') + 1).trim().split("\\s+")).contains("hypervisor")) {
            return Box.NONE;
        }
        String machine = (files.firstLine("/sys/class/dmi/id/sys_vendor").orElse("") + " "
                + files.firstLine("/sys/class/dmi/id/product_name").orElse("")).trim();
        return machine.isEmpty() ? Box.PRESENT : machine;
    }

    private Map<String, String> vulnerabilities() {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : files.list(CPU + "vulnerabilities")) {
            found.put(name, files.firstLine(CPU + "vulnerabilities/" + name).orElse(Box.UNKNOWN));
        }
        return found;
    }

    private Map<String, String> kernelParameters() {
        Optional<String> commandLine = files.firstLine("/proc/cmdline");
        Map<String, String> found = new LinkedHashMap<>();
        for (String parameter : KERNEL_PARAMETERS) {
            found.put(parameter, commandLine.isEmpty() ? Box.UNKNOWN : Box.NOT_SET);
        }
        for (String word : commandLine.orElse("").split("\\s+")) {
            int equals = word.indexOf('=');
            if (equals > 0 && KERNEL_PARAMETERS.contains(word.substring(0, equals))) {
                found.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return found;
    }

    private String transparentHugePages() {
        return files.firstLine("/sys/kernel/mm/transparent_hugepage/enabled").map(SELECTED_MODE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).orElse(Box.UNKNOWN);
    }

    private Map<String, String> tcpSettings() {
        Map<String, String> found = new LinkedHashMap<>();
        for (String setting : TCP_SETTINGS) {
            found.put("net.ipv4." + setting, files.firstLine("/proc/sys/net/ipv4/" + setting)
                    .map(value -> value.replaceAll("\\s+", " ")).orElse(Box.UNKNOWN));
        }
        return found;
    }
}
