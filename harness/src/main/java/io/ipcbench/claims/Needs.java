package io.ipcbench.claims;

import io.ipcbench.command.Advice;

/**
 * What a run must collect for a claim to be judged, in words, and the options of {@code ipcbench run}
 * that collect it: "not measured in this run: needs {@link #text()}".
 *
 * @param what   the cells or probes, e.g. "latency cells of unix-stream and tcp at the same size with 1 connection"
 * @param advice the run that collects them
 */
record Needs(String what, Advice advice) {
    /** "latency cells of unix-stream and tcp at the same size with 1 connection (--transports tcp,unix-stream)". */
    String text() {
        return what + " (" + advice.options() + ")";
    }
}
