package io.ipcbench.results;

/**
 * The box canary around one cell: the median of a fixed pipe round trip between two threads of the
 * client process, pinned like the cell, measured just before the cell's peer starts and just after
 * it stops. It moves when the box does (another wake-up mode, a busy neighbour), whatever the
 * transport, which is how a drift of the box is told apart from a change of a transport.
 *
 * @param beforeNs median round trip before the cell, nanoseconds
 * @param afterNs  median round trip after the cell, nanoseconds
 */
public record Canary(long beforeNs, long afterNs) {
    /** The geometric mean of the two: the box's state over the cell. */
    public double meanNs() {
        return Math.sqrt((double) beforeNs * afterNs);
    }
}
