package io.ipcbench.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunResult;

/**
 * A run's successful cells grouped by {@link CellResult#key()} (transport/engine/size/connections/mode),
 * each group holding the cell's repetitions, in run order; and a group's figures over them. Failed
 * cells are left out: a benchmark dashboard would read their partial figures as results.
 */
final class ExportedCells {
    private ExportedCells() {
    }

    static Map<String, List<CellResult>> byKey(RunResult run) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult cell : run.cells()) {
            if (cell.ok()) {
                groups.computeIfAbsent(cell.key(), key -> new ArrayList<>()).add(cell);
            }
        }
        return groups;
    }

    /** The figure over the group's repetitions, or null when none of them has it. */
    static RepetitionFigure figure(List<CellResult> repetitions, ExportedFigure figure) {
        double[] values = repetitions.stream().map(figure::of).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : RepetitionFigure.of(values);
    }
}
