package io.ipcbench.plots;

/**
 * One interval of a cell's interval log, reduced to what the timeline shows.
 *
 * @param seconds start of the interval, in seconds since the start of the cell's log (so the first is 0)
 */
public record LoggedInterval(double seconds, long count, long p50Ns, long p99Ns, long maxNs) {
}
