package io.ipcbench.claims;

import java.util.List;

import io.ipcbench.results.CellResult;

/**
 * The cells of a run that measured the same thing at the same placement: one transport (in one
 * variant), engine, mode, size and connection count, over its repetitions. Their interval samples
 * are pooled.
 *
 * @param transport the transport as cells name it, with its variant: {@code tcp}, {@code shm-spin}
 * @param placement "0,1" or "unpinned"
 * @param cells     the successful cells, in run order
 */
record CellGroup(String transport, String engine, String mode, int size, int connections, String placement,
                 List<CellResult> cells) {

    /** The engine a cell ran on; runs written before the engine field existed were all raw. */
    static String engineOf(CellResult cell) {
        return cell.engine() == null ? "raw" : cell.engine();
    }

    static String placementOf(CellResult cell) {
        return cell.placement() == null ? "unpinned" : cell.placement().toString();
    }

    boolean pinned() {
        return !"unpinned".equals(placement);
    }

    /** Distinct repetitions among the cells. */
    int repetitions() {
        return (int) cells.stream().mapToInt(CellResult::repetition).distinct().count();
    }

    /** Whether {@code other} measured the same size, connections, engine, mode and placement. */
    boolean matches(CellGroup other) {
        return engine.equals(other.engine) && mode.equals(other.mode) && size == other.size
                && connections == other.connections && placement.equals(other.placement);
    }

    /** "tcp/raw/64B/1c/latency@0,1": unique within a run. */
    String id() {
        return transport + "/" + engine + "/" + size + "B/" + connections + "c/" + mode + "@" + placement;
    }
}
