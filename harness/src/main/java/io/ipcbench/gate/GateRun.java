package io.ipcbench.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.stats.GeometricMean;

/**
 * A run as the gate reads it: where it came from, what run.json says, and its cells grouped by key
 * (a key's cells are its repetitions).
 *
 * @param path   as given: a run folder or its run.json
 * @param folder the folder that holds its interval logs
 * @param cells  the run's cells by {@link CellResult#key()}, in first-seen order
 */
record GateRun(Path path, Path folder, RunResult result, Map<String, List<CellResult>> cells) {
    public GateRun {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** Reads a run folder or a run.json. */
    public static GateRun read(Path path) throws RunFolder.InvalidRunException {
        RunResult result = RunFolder.read(path);
        Map<String, List<CellResult>> byKey = new LinkedHashMap<>();
        if (result.cells() != null) {
            for (CellResult cell : result.cells()) {
                byKey.computeIfAbsent(cell.key(), k -> new ArrayList<>()).add(cell);
            }
        }
        return new GateRun(path, RunFolder.folderOf(path), result, byKey);
    }

    public String id() {
        return result.id();
    }

    /** The run's id, or its path when it has none. */
    public String name() {
        return id() != null ? id() : path.toString();
    }

    /**
     * The box canary over the whole run: the geometric mean of every cell's {@code Canary.meanNs()};
     * null for a run measured without one.
     */
    public Double canaryNs() {
        double[] values = result.cells() == null ? new double[0] : result.cells().stream()
                .filter(c -> c.canary() != null).mapToDouble(c -> c.canary().meanNs()).filter(v -> v > 0).toArray();
        return values.length == 0 ? null : GeometricMean.value(values);
    }
}
