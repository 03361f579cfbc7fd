package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.ipcbench.plots.Overlay.RunCell;

/**
 * What one line of a chart stands for: a transport on an engine in one run. Sorted by run, then
 * transport in the harness's order, then engine, so legends read the same in every chart.
 */
record SeriesKey(int run, String transport, String engine) implements Comparable<SeriesKey> {
    private static final Comparator<SeriesKey> ORDER = Comparator.comparingInt(SeriesKey::run)
            .thenComparing(SeriesKey::transport, Overlay.TRANSPORT_ORDER)
            .thenComparing(SeriesKey::engine, Overlay.ENGINE_ORDER);

    static SeriesKey of(RunCell cell) {
        return new SeriesKey(cell.run().index(), cell.data().transport(), cell.data().engine());
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }

    /** Cells grouped by series, in legend order. */
    static Map<SeriesKey, List<RunCell>> group(List<RunCell> cells) {
        return cells.stream().collect(Collectors.groupingBy(SeriesKey::of, TreeMap::new, Collectors.toList()));
    }

    /** Cells grouped by another key (size, connection count), sorted by it. */
    static <K extends Comparable<K>> Map<K, List<RunCell>> groupBy(List<RunCell> cells, Function<RunCell, K> key) {
        return cells.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    /** A point per message size, in order: the size, and {@code value} of the cells measured at it. */
    static List<Point> pointsBySize(List<RunCell> cells, ToDoubleFunction<List<RunCell>> value) {
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Integer, List<RunCell>> size : groupBy(cells, c -> c.data().size()).entrySet()) {
            points.add(new Point(size.getKey(), value.applyAsDouble(size.getValue())));
        }
        return points;
    }

    static List<CellData> data(List<RunCell> cells) {
        return cells.stream().map(RunCell::data).toList();
    }
}
