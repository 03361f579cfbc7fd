/**
 * The regression gate: judges a candidate run against earlier runs of the same box, cell by cell,
 * and says whether latency got worse.
 *
 * <p>It reads only run folders (through {@link io.ipcbench.results.RunFolder}), never transports,
 * the runner or the peer, so baseline runs can come from another day or a CI cache. The unit is the
 * repetition, a fresh peer process: its value is the metric of all its round trips, and a run's value
 * is the median of its repetitions' (one stalled repetition moves it little). With 3 or more
 * baseline runs a cell is judged against
 * their spread from run to run (a prediction of one more run); with 1 or 2, against the spread of
 * repetitions, blind to a drift of the whole box, which the report says. Each repetition is judged
 * net of the box canary measured around it, so that a box that moved is told from a cell that did
 * ("box changed"). A regression is more than the threshold slower, beyond the spread, at alpha after
 * Holm's correction over the cells ({@link io.ipcbench.gate.ChangeDecision}). Too few repetitions
 * is said, never guessed. docs/gate.md has the measurements behind these choices.
 */
package io.ipcbench.gate;
