package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.SustainableRate;

/**
 * What one run offers the judge: its cells grouped by what they measured, one value per repetition
 * from run.json, its probes and its environment. Absent parts are empty, never null, so a claim can
 * ask and be told "nothing".
 */
final class Evidence {
    private final RunResult run;
    private final ClaimSettings settings;

    Evidence(RunResult run, ClaimSettings settings) {
        this.run = Objects.requireNonNull(run, "run");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    RunResult run() {
        return run;
    }

    ClaimSettings settings() {
        return settings;
    }

    List<CellResult> cells() {
        return run.cells() == null ? List.of() : run.cells();
    }

    ProbeResults probes() {
        ProbeResults probes = run.probes();
        if (probes == null) {
            return ProbeResults.NONE;
        }
        return new ProbeResults(orEmpty(probes.boundaries()), orEmpty(probes.largestDatagrams()), orEmpty(probes.nagle()),
                orEmpty(probes.bulk()));
    }

    /** The run's environment, or null for a run that lacks one. */
    Environment environment() {
        return run.environment();
    }

    /** Whether tcp cells ran with TCP_NODELAY on (the harness default), as far as the config says. */
    boolean tcpNoDelay() {
        return run.config() == null || run.config().tcpNoDelay();
    }

    /**
     * The successful cells of a transport (named with its variant, as {@link CellResult#transportName()}
     * does) in a mode, grouped; ordered by engine, connections, size, placement.
     */
    List<CellGroup> groups(String transport, String mode) {
        Map<String, List<CellResult>> byKey = new LinkedHashMap<>();
        for (CellResult cell : cells()) {
            if (cell.ok() && transport.equals(cell.transportName()) && mode.equals(cell.mode())) {
                String key = CellGroup.engineOf(cell) + "|" + cell.size() + "|" + cell.connections() + "|"
                        + CellGroup.placementOf(cell);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
            }
        }
        List<CellGroup> groups = new ArrayList<>();
        for (List<CellResult> cells : byKey.values()) {
            CellResult first = cells.get(0);
            groups.add(new CellGroup(transport, CellGroup.engineOf(first), mode, first.size(), first.connections(),
                    CellGroup.placementOf(first), List.copyOf(cells)));
        }
        groups.sort(Comparator.comparing(CellGroup::engine).thenComparingInt(CellGroup::connections)
                .thenComparingInt(CellGroup::size).thenComparing(CellGroup::placement));
        return groups;
    }

    /** Cells of these transports that failed: kept out of every comparison, and said so. */
    List<CellResult> failed(Collection<String> transports) {
        return cells().stream().filter(c -> !c.ok() && transports.contains(c.transportName())).toList();
    }

    /** The metric's values of a group, one per repetition; cells that cannot define it are left out, and said. */
    Repetitions repetitions(CellGroup group, Measure metric) {
        if (metric.ofSweep()) {
            return sustainableRates(group);
        }
        List<Double> values = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (CellResult cell : group.cells()) {
            Double value = metric.valueOf(cell);
            if (value == null) {
                leftOut.add(cellName(cell) + " has too few round trips for " + metric.shortLabel());
            } else {
                values.add(value);
            }
        }
        return new Repetitions(values.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(leftOut));
    }

    /** A rate group's sustainable rate in each repetition; a repetition with no rate within the budget is left out, and said. */
    private Repetitions sustainableRates(CellGroup group) {
        List<Double> values = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (SustainableRate rate : sustainableRates(group.transport())) {
            if (rate.engine().equals(group.engine()) && rate.size() == group.size()
                    && rate.connections() == group.connections() && rate.placement().equals(group.placement())) {
                if (rate.perSec() == null) {
                    leftOut.add(group.transport() + " " + Text.size(group.size()) + " " + group.connections() + "c r"
                            + rate.repetition() + ": no rate of its sweep kept p99 within "
                            + Text.nanos(rate.budgetNs()));
                } else {
                    values.add(rate.perSec());
                }
            }
        }
        return new Repetitions(values.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(leftOut));
    }

    /** The run's sustainable rates of a transport's rate sweeps, one per sweep and repetition. */
    List<SustainableRate> sustainableRates(String transport) {
        List<SustainableRate> all = run.sustainableRates() == null ? List.of() : run.sustainableRates();
        return all.stream().filter(rate -> rate.transport().equals(transport)).toList();
    }

    /** "tcp 64 B 1c latency r0". */
    static String cellName(CellResult cell) {
        String engine = CellGroup.engineOf(cell);
        return cell.transportName() + " " + Text.size(cell.size()) + " " + cell.connections() + "c " + cell.mode()
                + " r" + cell.repetition() + ("raw".equals(engine) ? "" : " (" + engine + ")");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
