package io.ipcbench.export;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;

/**
 * A run in Bencher Metric Format (BMF), the JSON that {@code bencher run --adapter json} reads: one
 * benchmark per cell key ({@code tcp/raw/64B/1c/latency}), one measure per {@link ExportedFigure}
 * the cell has, each with its {@code value} (the median over the cell's repetitions) and, from three
 * repetitions on, {@code lower_value} and {@code upper_value}.
 *
 * <pre>
 * { "tcp/raw/64B/1c/latency": { "latency-p50": { "value": 14210.0, "lower_value": 14100.0, "upper_value": 14500.0 },
 *                               "latency-p99": { ... }, ... } }
 * </pre>
 */
public final class BencherMetricFormat {
    private BencherMetricFormat() {
    }

    public static ObjectNode render(RunResult run) {
        ObjectNode benchmarks = RunFolder.json().createObjectNode();
        for (Map.Entry<String, List<CellResult>> cell : ExportedCells.byKey(run).entrySet()) {
            ObjectNode measures = RunFolder.json().createObjectNode();
            for (ExportedFigure figure : ExportedFigure.values()) {
                RepetitionFigure value = ExportedCells.figure(cell.getValue(), figure);
                if (value == null) {
                    continue;
                }
                ObjectNode metric = measures.putObject(figure.slug()).put("value", value.value());
                if (value.hasInterval()) {
                    metric.put("lower_value", value.lower()).put("upper_value", value.upper());
                }
            }
            if (!measures.isEmpty()) {
                benchmarks.set(cell.getKey(), measures);
            }
        }
        return benchmarks;
    }
}
