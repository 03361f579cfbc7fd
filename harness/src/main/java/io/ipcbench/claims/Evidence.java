package io.ipcbench.claims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Probes;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.Throughput;
import org.HdrHistogram.Histogram;

/**
 * What one run offers the judge: its cells grouped by what they measured, their interval samples
 * (read once, through {@link RunFolder}), its probes and its environment. Absent parts are empty,
 * never null, so a claim can ask and be told "nothing".
 */
final class Evidence {
    private final RunResult run;
    private final Path folder;
    private final ClaimSettings settings;
    private final Map<String, List<Histogram>> intervalsByLog = new HashMap<>();
    private final Map<String, String> unreadableLogs = new HashMap<>();
    private final Map<String, Samples> samplesCache = new HashMap<>();

    Evidence(RunResult run, Path folder, ClaimSettings settings) {
        this.run = Objects.requireNonNull(run, "run");
        this.folder = Objects.requireNonNull(folder, "folder");
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

    Probes probes() {
        Probes probes = run.probes();
        if (probes == null) {
            return Probes.NONE;
        }
        return new Probes(orEmpty(probes.boundaries()), orEmpty(probes.largestDatagrams()), orEmpty(probes.nagle()),
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

    /** The successful cells of a transport in a mode, grouped; ordered by engine, connections, size, placement. */
    List<CellGroup> groups(String transport, String mode) {
        Map<String, List<CellResult>> byKey = new LinkedHashMap<>();
        for (CellResult cell : cells()) {
            if (cell.ok() && transport.equals(cell.transport()) && mode.equals(cell.mode())) {
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
        return cells().stream().filter(c -> !c.ok() && transports.contains(c.transport())).toList();
    }

    /** The metric's samples of a group: one value per usable interval, pooled over its repetitions. */
    Samples samples(CellGroup group, Metric metric) {
        return samplesCache.computeIfAbsent(group.id() + "#" + metric, k -> read(group, metric));
    }

    private Samples read(CellGroup group, Metric metric) {
        List<Double> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int intervals = 0;
        int skipped = 0;
        for (CellResult cell : group.cells()) {
            if (metric == Metric.BYTES_PER_SEC) {
                Throughput throughput = cell.throughput();
                List<Throughput.ThroughputSample> series = throughput == null || throughput.series() == null
                        ? List.of() : throughput.series();
                for (Throughput.ThroughputSample sample : series) {
                    intervals++;
                    double seconds = sample.endSeconds() - sample.startSeconds();
                    if (seconds > 0) {
                        values.add(sample.bytes() / seconds);
                    } else {
                        skipped++;
                    }
                }
                continue;
            }
            List<Histogram> histograms = intervals(cell, problems);
            for (Histogram histogram : histograms) {
                intervals++;
                Double value = valueOf(histogram, metric);
                if (value == null) {
                    skipped++;
                } else {
                    values.add(value);
                }
            }
        }
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray(), intervals, skipped,
                List.copyOf(problems));
    }

    /** The metric of one interval, or null when the interval cannot define it. */
    private static Double valueOf(Histogram histogram, Metric metric) {
        if (metric == Metric.ROUND_TRIPS_PER_SEC) {
            // The log stores each interval's start and length to the millisecond.
            long millis = histogram.getEndTimeStamp() - histogram.getStartTimeStamp();
            return millis > 0 ? histogram.getTotalCount() * 1_000.0 / millis : null;
        }
        if (histogram.getTotalCount() < Math.max(1, metric.minimumCount())) {
            return null;
        }
        return (double) histogram.getValueAtPercentile(metric.percentile());
    }

    private List<Histogram> intervals(CellResult cell, List<String> problems) {
        String log = cell.histogramLog();
        if (log == null) {
            problems.add(cellName(cell) + " has no interval log");
            return List.of();
        }
        if (unreadableLogs.containsKey(log)) {
            problems.add(unreadableLogs.get(log));
            return List.of();
        }
        List<Histogram> cached = intervalsByLog.get(log);
        if (cached != null) {
            return cached;
        }
        try {
            List<Histogram> read = RunFolder.readIntervals(folder.resolve(log));
            intervalsByLog.put(log, read);
            return read;
        } catch (RunFolder.InvalidRunException e) {
            unreadableLogs.put(log, e.getMessage());
            problems.add(e.getMessage());
            return List.of();
        }
    }

    /** "tcp 64 B 1c latency r0". */
    static String cellName(CellResult cell) {
        String engine = CellGroup.engineOf(cell);
        return cell.transport() + " " + Text.size(cell.size()) + " " + cell.connections() + "c " + cell.mode()
                + " r" + cell.repetition() + ("raw".equals(engine) ? "" : " (" + engine + ")");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
