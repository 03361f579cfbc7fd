/**
 * The statistics behind every verdict, in one place: the claims and the gate both use them.
 *
 * <p><b>The unit is a repetition.</b> A repetition of a cell is one fresh peer process. On a small
 * VM each process lands in one of a few wake-up modes (say near 20, 28 or 33 µs) and stays there
 * for its life, C programs as much as Java ones, so the 100 ms intervals of one process are not
 * independent draws: an interval built from them describes that process, not the box, and a second
 * run can contradict it. Each repetition therefore gives one value (its p50, p99, round trips per
 * second or throughput), and confidence comes from how the repetitions of a cell differ.
 *
 * <p><b>Welch's t on logarithms, not a bootstrap.</b> {@link io.ipcbench.stats.LogRatio} compares
 * two cells by the ratio of the geometric means of their repetitions, with an interval from
 * Welch's t on the log values. Two reasons. There are few repetitions (3 to 10), and a percentile
 * bootstrap of so few values cannot reach beyond them, so its intervals come out too narrow;
 * Student's t with the degrees of freedom it has widens as it should, and widens further when the
 * repetitions disagree (repetitions in two modes give a wide interval, not a confident answer).
 * And latencies and rates are positive and skewed, and changes are read as factors: on the log
 * scale they are nearer normal and a difference is a ratio. With fewer than 3 repetitions a side
 * the verdict is "inconclusive": two values give a spread with one degree of freedom.
 *
 * <p><b>Runs against a history.</b> A whole run can drift (every repetition of it moving
 * together); the gate therefore judges a new run against the values of several earlier runs with
 * {@link io.ipcbench.stats.LogRatio#againstHistory}, the standard error of predicting one more run.
 *
 * <p><b>Many comparisons.</b> A claim that needs only one of k comparisons to hold widens each
 * interval by Bonferroni; the gate corrects its cells' p-values by Holm
 * ({@link io.ipcbench.stats.MultipleComparisons}). A claim that needs every comparison to hold
 * needs no correction: each must hold on its own.
 *
 * <p><b>Modes.</b> {@link io.ipcbench.stats.Modes} finds repetitions that sit in separate groups,
 * so that a report says "bimodal: 4 of 6 repetitions near 33 µs, 2 near 28 µs" instead of
 * averaging them into a value no process had.
 */
package io.ipcbench.stats;
