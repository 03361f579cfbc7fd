package io.ipcbench.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;

/**
 * A run as benchmark-action/github-action-benchmark's custom tools read it: a JSON array of
 * {@code {name, unit, value, range, extra}}. The action takes one direction per file, so the figures
 * where smaller is better ({@code tool: customSmallerIsBetter}: latency, CPU and context switches
 * per message) and those where bigger is better ({@code tool: customBiggerIsBetter}: throughput)
 * are written one direction at a time.
 */
public final class GithubActionBenchmark {
    private GithubActionBenchmark() {
    }

    /** The entries of one direction, e.g. {@code {"name": "tcp/raw/64B/1c/latency p99", "unit": "ns", ...}}. */
    public static ArrayNode render(RunResult run, boolean smallerIsBetter) {
        ArrayNode entries = RunFolder.json().createArrayNode();
        for (Map.Entry<String, List<CellResult>> cell : ExportedCells.byKey(run).entrySet()) {
            for (ExportedFigure figure : ExportedFigure.values()) {
                RepetitionFigure value = figure.smallerIsBetter() == smallerIsBetter
                        ? ExportedCells.figure(cell.getValue(), figure) : null;
                if (value == null) {
                    continue;
                }
                ObjectNode entry = entries.addObject().put("name", cell.getKey() + " " + figure.label())
                        .put("unit", figure.unit()).put("value", value.value());
                if (value.hasInterval()) {
                    entry.put("range", "± " + plain(Math.max(value.value() - value.lower(),
                            value.upper() - value.value())));
                }
                entry.put("extra", extra(value, cell.getValue().get(0)));
            }
        }
        return entries;
    }

    /** What the value rests on, for the chart's tooltip. */
    private static String extra(RepetitionFigure value, CellResult cell) {
        String text = value.repetitions() == 1 ? "1 repetition" : value.repetitions() + " repetitions";
        if (value.hasInterval()) {
            text += "\ninterval " + plain(value.lower()) + " to " + plain(value.upper());
        }
        return text + "\nplacement " + cell.placement();
    }

    /** Whole numbers from 1,000 up, else four significant digits; never an exponent: "14213", "2.134". */
    static String plain(double value) {
        BigDecimal decimal = new BigDecimal(value);
        return (Math.abs(value) >= 1_000 ? decimal.setScale(0, RoundingMode.HALF_EVEN)
                : decimal.round(new MathContext(4)).stripTrailingZeros()).toPlainString();
    }
}
