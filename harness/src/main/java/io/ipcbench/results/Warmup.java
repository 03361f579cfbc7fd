package io.ipcbench.results;

/**
 * The warm-up before measurement: counted and reported, never recorded in the cell's histogram.
 *
 * @param count    round trips made during warm-up
 * @param seconds  how long it took
 * @param p50Ns    its median, to show how far the JIT had to come
 */
public record Warmup(long count, double seconds, long p50Ns) {
}
