/**
 * The regression gate: compares a candidate run with a baseline run, cell by cell, and says
 * whether tail latency got worse.
 *
 * <p>It reads only run folders (through {@link io.ipcbench.results.RunFolder}), never transports,
 * the runner or the peer, so a baseline can come from another day or a CI artifact. Its samples are
 * per-interval percentiles from each cell's interval log, pooled over repetitions; a change counts
 * as a regression only when it is significant (a one-sided Mann-Whitney U test and a bootstrap
 * interval of the ratio of medians both say so) <em>and</em> the ratio of medians is above the
 * threshold. Too few samples is said, never guessed.
 *
 * <p>What it cannot see: the samples come from within each run, so noise that shifts a whole run
 * (a busy neighbour for the length of a run, another CPU mode) looks like a real change. The
 * threshold is the guard against it; size it from two runs of the same build (see docs/gate.md).
 */
package io.ipcbench.gate;
