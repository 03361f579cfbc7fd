package io.ipcbench.plots;

/** One point of a series, in the units of the chart's axes. */
public record Point(double x, double y) {
}
