package io.ipcbench.results;

/** How a figure varies across the connections of a cell: the best, median and worst connection. */
public record Spread(long best, long median, long worst) {
}
