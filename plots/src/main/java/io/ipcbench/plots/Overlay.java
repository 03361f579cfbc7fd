package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;

/**
 * The runs drawn together, and the naming rules every chart shares: a series names its run only
 * when there are several, its engine only when the runs used several, and transports always come
 * in the same order.
 */
final class Overlay {
    private final List<RunData> runs;
    private final boolean severalRuns;
    private final boolean severalEngines;

    Overlay(List<RunData> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to draw");
        }
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).index() != i) {
                throw new IllegalArgumentException("run " + runs.get(i).label() + " has index " + runs.get(i).index()
                        + " at position " + i);
            }
        }
        this.runs = List.copyOf(runs);
        this.severalRuns = runs.size() > 1;
        this.severalEngines = runs.stream().flatMap(r -> r.cells().stream()).map(CellData::engine)
                .distinct().count() > 1;
    }

    List<RunData> runs() {
        return runs;
    }

    boolean severalRuns() {
        return severalRuns;
    }

    /** A cell together with the run it belongs to. */
    record RunCell(RunData run, CellData data) {
    }

    /** Every cell that finished ok, of every run, in run order. */
    List<RunCell> okCells() {
        List<RunCell> cells = new ArrayList<>();
        for (RunData run : runs) {
            for (CellData cell : run.okCells()) {
                cells.add(new RunCell(run, cell));
            }
        }
        return cells;
    }

    /** Transports in the order the harness lists them; others after, alphabetically. */
    static final Comparator<String> TRANSPORT_ORDER = Comparator
            .comparingInt((String t) -> {
                int i = RunConfig.DEFAULT_TRANSPORTS.indexOf(t);
                return i < 0 ? Integer.MAX_VALUE : i;
            })
            .thenComparing(Comparator.naturalOrder());

    /** Engines with raw first. */
    static final Comparator<String> ENGINE_ORDER = Comparator
            .comparing((String e) -> !RunConfig.ENGINE_RAW.equals(e))
            .thenComparing(Comparator.naturalOrder());

    /** "tcp", "tcp jdk", "tcp p99", "tcp jdk p99 · before": the parts that tell series apart. */
    String seriesName(RunData run, String transport, String engine, String metric) {
        StringBuilder name = new StringBuilder(transport);
        if (severalEngines) {
            name.append(' ').append(engine);
        }
        if (metric != null) {
            name.append(' ').append(metric);
        }
        if (severalRuns) {
            name.append(" · ").append(run.label());
        }
        return name.toString();
    }

    /** The part of a series that the line style shows (run, engine, metric), as a key. */
    String variantKey(RunData run, String engine, String metric) {
        return run.index() + "/" + (severalEngines ? engine : "") + "/" + Objects.toString(metric, "");
    }

    /** Hands out line styles in the order variants first appear in a chart. */
    static final class LineStyles {
        private final Map<String, Integer> styles = new LinkedHashMap<>();

        int of(String variantKey) {
            return styles.computeIfAbsent(variantKey, key -> styles.size());
        }
    }

    /**
     * The box the figures come from, for a chart title: host, kernel, CPU, placement. Said once when
     * every run agrees, else per run.
     */
    String box(List<RunCell> cellsInChart) {
        List<Set<String>> placements = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            placements.add(new LinkedHashSet<>());
        }
        for (RunCell cell : cellsInChart) {
            placements.get(cell.run().index()).add(placement(cell.data().cell().placement()));
        }
        Set<String> machines = new LinkedHashSet<>();
        Set<String> placementTexts = new LinkedHashSet<>();
        List<String> placementPerRun = new ArrayList<>();
        List<String> wholePerRun = new ArrayList<>();
        for (RunData run : runs) {
            Set<String> used = placements.get(run.index());
            if (used.isEmpty()) {
                continue;
            }
            String placementText = String.join(" / ", used);
            machines.add(machine(run.environment()));
            placementTexts.add(placementText);
            placementPerRun.add(run.label() + ": " + placementText);
            wholePerRun.add(run.label() + ": " + machine(run.environment()) + " · " + placementText);
        }
        if (machines.size() > 1) {
            return String.join(" | ", wholePerRun);
        }
        // One machine: say it once, and the placement once if every run agrees.
        String machine = machines.isEmpty() ? machine(runs.get(0).environment()) : machines.iterator().next();
        return placementTexts.size() <= 1 ? machine + (placementTexts.isEmpty() ? "" : " · " + placementTexts.iterator().next())
                : machine + " · " + String.join(" | ", placementPerRun);
    }

    /** "vm · Linux 6.18.44 · AMD EPYC ×2". */
    static String machine(Environment e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.hostname() != null ? e.hostname() : "unknown host");
        if (e.kernel() != null) {
            parts.add("Linux " + e.kernel());
        }
        if (e.cpuModel() != null) {
            parts.add(e.cpuModel() + (e.logicalCpus() > 0 ? " ×" + e.logicalCpus() : ""));
        }
        return String.join(" · ", parts);
    }

    /** "CPUs 0,1", "both on CPU 0", "unpinned". */
    static String placement(Placement p) {
        if (p == null || !p.pinned()) {
            return "unpinned";
        }
        return Objects.equals(p.client(), p.peer()) ? "both on CPU " + p.client()
                : String.format(Locale.ROOT, "CPUs %d,%d", p.client(), p.peer());
    }
}
