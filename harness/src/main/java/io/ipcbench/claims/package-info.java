/**
 * The claims judge: turns a run folder into verdicts on the ten well-known claims about local IPC
 * listed in the project's CLAIMS.md (holds, does not hold, inconclusive, not measured), each with
 * the figures, sample counts and scope behind it.
 *
 * <p>It is a view: it reads only what {@link io.ipcbench.results.RunFolder} gives it (run.json and
 * the cells' interval logs), never transports, the runner or the peer, so a run from another box
 * can be judged here.
 *
 * <p>Comparisons of two transports use distributions, not single numbers: every interval of a
 * cell's interval log gives one sample (its p50, its p99, its round trips per second; or, for a
 * throughput cell, one entry of its throughput series), pooled over repetitions. A seeded
 * percentile bootstrap gives a 95% interval of the ratio of medians; a comparison holds only when
 * that whole interval lies on the claimed side of 1, fails when it lies wholly on the other side,
 * and is inconclusive otherwise, or with too few intervals, or when it would rest on one unpinned
 * run (which lands in either CPU mode, about 3x apart on a small VM). A claim is judged per size
 * and connection count and the parts are combined; mixed parts give "inconclusive" with the
 * breakdown in the figures.
 *
 * <p>What it cannot see: intervals of one run are not independent (a busy neighbour for the whole
 * run shifts them all), so the interval is narrower than the spread between runs. Repetitions and
 * pinning are the guard; the verdict says how many it rests on.
 */
package io.ipcbench.claims;
