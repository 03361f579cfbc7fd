package io.ipcbench.results;

/**
 * Which CPU each side's measuring thread was pinned to; null for a side left to the scheduler.
 * On a small VM the same-CPU and cross-CPU cases differ by about 3x, so every figure carries this.
 */
public record Placement(Integer client, Integer peer) {
    public static final Placement UNPINNED = new Placement(null, null);

    public boolean pinned() {
        return client != null && peer != null;
    }

    /** "0,1", or "unpinned". */
    @Override
    public String toString() {
        return pinned() ? client + "," + peer : "unpinned";
    }
}
