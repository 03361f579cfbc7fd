package io.ipcbench.plots;

import java.util.Comparator;

import io.ipcbench.results.SummaryTable;

/** Message size and connection count: what one spectrum chart holds fixed. */
record CellShape(int size, int connections) implements Comparable<CellShape> {
    private static final Comparator<CellShape> ORDER = Comparator.comparingInt(CellShape::size)
            .thenComparingInt(CellShape::connections);

    static CellShape of(CellData cell) {
        return new CellShape(cell.size(), cell.connections());
    }

    @Override
    public int compareTo(CellShape other) {
        return ORDER.compare(this, other);
    }

    /** "64B", "64B-8c": for file names. */
    String slug() {
        return size + "B" + (connections > 1 ? "-" + connections + "c" : "");
    }

    /** "64 B messages", "64 B messages, 8 connections": for titles. */
    String text() {
        return SummaryTable.size(size) + " messages" + (connections > 1 ? ", " + connections + " connections" : "");
    }
}
