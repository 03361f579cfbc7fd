/**
 * The claims judge: turns a run folder into verdicts on the well-known claims about local IPC
 * listed in the project's docs/claims.md (holds, does not hold, inconclusive, not measured), each with
 * the figures, sample counts and scope behind it.
 *
 * <p>It is a view: it reads only what {@link io.ipcbench.results.RunFolder} gives it (run.json and
 * nothing else), never transports, the runner or the peer, so a run from another box
 * can be judged here.
 *
 * <p>Comparisons of two transports use repetitions, not single numbers and not intervals of one
 * process: each repetition of a cell (a fresh peer process) gives one value, as run.json holds it
 * (its p50, its p99, its round trips per second, its throughput). The ratio of the two transports'
 * geometric means comes with an interval from Welch's t on the logarithms (see
 * {@link io.ipcbench.stats} for why); a comparison holds only when that whole interval lies on the
 * claimed side of 1, fails when it lies wholly on the other side, and is inconclusive otherwise or
 * with fewer than 3 repetitions a side. A claim is judged per size and connection count and the
 * parts are combined: a claim about every case holds only where every part holds; a claim that
 * something can happen ("TCP can beat Unix sockets") widens each part's interval by Bonferroni, and
 * a size it states ("by up to 3x") is tested too. Mixed parts give "inconclusive" with the
 * breakdown in the figures; each comparison is also kept as data for the report's forest plot.
 */
package io.ipcbench.claims;
