package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.Throughput;

/**
 * Chart 3, one-way throughput against message size: MB/s in one chart, messages/s in another, one
 * line per transport. Drawn only for throughput-mode cells with figures, at one connection.
 */
final class ThroughputCharts {
    static final String BYTES_ID = "throughput-bytes";
    static final String MESSAGES_ID = "throughput-messages";

    private ThroughputCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> cells = overlay.okCells().stream()
                .filter(c -> c.data().throughput() != null && c.data().connections() == 1).toList();
        if (cells.isEmpty()) {
            omitted.add(Omitted.wanting(Kind.THROUGHPUT, "no throughput cells at one connection", Advice.THROUGHPUT));
            return;
        }
        charts.add(chart(overlay, cells, BYTES_ID, "One-way throughput in bytes",
                AxisSpec.log("throughput (MB/s, 10^6 bytes, log)", TickFormat.PLAIN),
                t -> t.bytesPerSec() / 1e6,
                "Bytes per second one side streams to the other, warm-up excluded, one connection."));
        charts.add(chart(overlay, cells, MESSAGES_ID, "One-way throughput in messages",
                AxisSpec.log("throughput (messages/s, log)", TickFormat.COUNT),
                Throughput::messagesPerSec,
                "Messages per second one side streams to the other. At small sizes the per-message cost "
                        + "(system calls, wake-ups) sets the pace."));
    }

    private static ChartSpec chart(Overlay overlay, List<RunCell> cells, String id, String what, AxisSpec yAxis,
                                   ToDoubleFunction<Throughput> metric, String caption) {
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            List<Point> points = SeriesKey.pointsBySize(group.getValue(), atSize -> atSize.stream()
                    .mapToDouble(c -> metric.applyAsDouble(c.data().throughput())).average().orElseThrow());
            String engine = first.data().engine();
            series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(), engine, null),
                    group.getKey().transport(), lineStyles.of(overlay.variantKey(first.run(), engine, null)), points));
        }
        double minSize = cells.stream().mapToInt(c -> c.data().size()).min().orElseThrow();
        double maxSize = cells.stream().mapToInt(c -> c.data().size()).max().orElseThrow();
        return new ChartSpec(id, Kind.THROUGHPUT, what + " against message size — " + overlay.box(cells),
                new AxisSpec("message size (bytes, log)", true, TickFormat.BYTES, minSize / 1.5, maxSize * 1.5),
                yAxis, series, List.of(), caption);
    }
}
