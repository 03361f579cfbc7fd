package io.ipcbench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.ipcbench.command.Advice;
import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;
import io.ipcbench.results.RunResult;

/**
 * Whether a baseline run was measured under conditions that can be compared with the candidate's.
 * Differences that change latency by themselves (CPU model, kernel, CPU count, engine, where the
 * two sides were pinned) keep the baseline run out, unless the user says otherwise; lesser ones
 * (another host of the same kind, another JVM build, another cell length) are noted and the gate
 * goes on.
 */
final class EnvironmentCheck {
    private static final String UNPINNED = Placement.UNPINNED.toString();

    private EnvironmentCheck() {
    }

    /**
     * @param differences one phrase per difference that makes the runs incomparable
     * @param notes       one phrase per difference worth knowing that does not
     */
    public record Findings(List<String> differences, List<String> notes) {
        public Findings {
            differences = List.copyOf(differences);
            notes = List.copyOf(notes);
        }

        public boolean comparable() {
            return differences.isEmpty();
        }
    }

    /** Compares one baseline run with the candidate; only the placements of cells both hold are compared. */
    static Findings check(GateRun baselineRun, GateRun candidateRun) {
        RunResult baseline = baselineRun.result();
        RunResult candidate = candidateRun.result();
        List<String> commonKeys = baselineRun.cells().keySet().stream()
                .filter(candidateRun.cells()::containsKey).toList();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Environment b = baseline.environment();
        Environment c = candidate.environment();
        if (b == null || c == null) {
            differences.add("the " + (b == null ? "baseline" : "candidate") + " records no environment");
        } else {
            differ(differences, "CPU", b.cpuModel(), c.cpuModel());
            differ(differences, "kernel", b.kernel(), c.kernel());
            differ(differences, "logical CPUs", b.logicalCpus(), c.logicalCpus());
            differ(notes, "host", b.hostname(), c.hostname());
            differ(notes, "JVM", b.jvmVersion(), c.jvmVersion());
            differ(notes, "clock source", b.clockSource(), c.clockSource());
            sysctls(notes, b.sysctls(), c.sysctls());
        }
        RunConfig bc = baseline.config();
        RunConfig cc = candidate.config();
        if (bc == null || cc == null) {
            differences.add("the " + (bc == null ? "baseline" : "candidate") + " records no configuration");
        } else {
            differ(differences, "engine", bc.engine(), cc.engine());
            if (bc.durationMillis() != cc.durationMillis() || bc.iterations() != cc.iterations()) {
                notes.add("cells measured for " + length(bc) + " vs " + length(cc)
                        + ": the tail percentiles of shorter and longer repetitions are not quite alike");
            }
            if (bc.tcpNoDelay() != cc.tcpNoDelay()) {
                notes.add("TCP_NODELAY " + onOff(bc.tcpNoDelay()) + " vs " + onOff(cc.tcpNoDelay()));
            }
            if (bc.peerDelayMicros() > 0) {
                notes.add("the baseline has an injected peer delay of " + bc.peerDelayMicros() + " µs");
            }
            if (cc.peerDelayMicros() > 0) {
                notes.add("the candidate has an injected peer delay of " + cc.peerDelayMicros() + " µs");
            }
        }
        placements(differences, notes, baselineRun.cells(), candidateRun.cells(), commonKeys);
        return new Findings(differences, notes);
    }

    private static void differ(List<String> into, String what, Object baseline, Object candidate) {
        if (!Objects.equals(baseline, candidate)) {
            into.add(what + " " + quote(baseline) + " vs " + quote(candidate));
        }
    }

    private static String quote(Object value) {
        return value == null ? "unknown" : value instanceof String ? "'" + value + "'" : value.toString();
    }

    private static String length(RunConfig config) {
        return config.iterations() > 0 ? config.iterations() + " round trips" : config.durationMillis() + " ms";
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static void sysctls(List<String> notes, Map<String, Integer> baseline, Map<String, Integer> candidate) {
        if (baseline == null || candidate == null) {
            return;
        }
        Set<String> names = new TreeSet<>(baseline.keySet());
        names.addAll(candidate.keySet());
        for (String name : names) {
            if (!Objects.equals(baseline.get(name), candidate.get(name))) {
                notes.add(name + " " + quote(baseline.get(name)) + " vs " + quote(candidate.get(name)));
            }
        }
    }

    /** Cells pinned differently are not comparable: same-CPU and cross-CPU round trips differ about 3x. */
    private static void placements(List<String> differences, List<String> notes,
                                   Map<String, List<CellResult>> baselineCells,
                                   Map<String, List<CellResult>> candidateCells, List<String> commonKeys) {
        Map<String, String> differing = new TreeMap<>();
        boolean unpinned = false;
        for (String key : commonKeys) {
            Set<String> b = placementsOf(baselineCells.getOrDefault(key, List.of()));
            Set<String> c = placementsOf(candidateCells.getOrDefault(key, List.of()));
            if (!b.equals(c)) {
                differing.put(key, String.join("+", b) + " vs " + String.join("+", c));
            }
            unpinned |= b.contains(UNPINNED) || c.contains(UNPINNED);
        }
        if (unpinned) {
            notes.add("some cells are unpinned: their round trips land on one CPU or on two from run to run, "
                    + "about 3x apart; pin both runs (" + Advice.PIN_CROSS_CPU.options()
                    + ") for a gate that does not flap");
        }
        if (differing.isEmpty()) {
            return;
        }
        Map.Entry<String, String> first = differing.entrySet().iterator().next();
        String example = "placement " + first.getValue() + " (" + first.getKey() + ")";
        differences.add(differing.size() == 1 ? example
                : example + " and in " + (differing.size() - 1) + " more cells");
    }

    private static Set<String> placementsOf(List<CellResult> cells) {
        Set<String> placements = new TreeSet<>();
        for (CellResult cell : cells) {
            placements.add(cell.placement() == null ? "unknown" : cell.placement().toString());
        }
        return placements;
    }
}
