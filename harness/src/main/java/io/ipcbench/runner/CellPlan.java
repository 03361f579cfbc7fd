package io.ipcbench.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;

/**
 * The cells of a run, in the order they run, and the combinations left out with the reason, one
 * line each.
 *
 * @param cells     what will be measured
 * @param skipped   what the configuration asked for that cannot be measured here at all
 * @param oversized sizes a transport cannot carry in one message: a run refuses them unless told to skip
 * @param tooLarge  cells whose message buffers do not fit the memory at hand ({@link MemoryBudget}): a
 *                  run refuses them unless told to skip
 */
public record CellPlan(List<Cell> cells, List<String> skipped, List<String> oversized, List<String> tooLarge) {
    /**
     * One cell to measure.
     *
     * @param variant the transport's variant (shm's idle strategy), or null for a kind that has none
     */
    public record Cell(TransportKind transport, String variant, Engine engine, CellMode mode, int size,
                       int connections, int repetition) {
        /** A cell of a transport that has no variants. */
        public Cell(TransportKind transport, Engine engine, CellMode mode, int size, int connections, int repetition) {
            this(transport, null, engine, mode, size, connections, repetition);
        }

        /** What measures a cell of this mode. */
        CellKind kind() {
            return CellKind.of(mode);
        }

        /** The transport and its variant, as cells are named: {@code shm-spin}. */
        public String transportName() {
            return CellResult.transportName(transport.label(), variant);
        }

        public String describe() {
            return transportName() + (engine == Engine.RAW ? "" : " (" + engine.label() + ")") + ", "
                    + (mode == CellMode.LATENCY ? "" : mode.label() + ", ") + size + " B"
                    + (connections > 1 ? ", " + connections + " connections" : "")
                    + (repetition > 0 ? ", repetition " + (repetition + 1) : "");
        }
    }

    /** Every line of what is left out, for a run that skips it. */
    public List<String> leftOut() {
        List<String> all = new ArrayList<>(skipped);
        all.addAll(oversized);
        all.addAll(tooLarge);
        return all;
    }

    /** The plan of {@code config} for the memory this JVM and this box allow now. */
    public static CellPlan of(RunConfig config) {
        return of(config, MemoryBudget.ofThisProcess());
    }

    /**
     * Every engine × transport (× variant, for a kind that has some) × mode × size of that mode ×
     * connection count, once per repetition, less a transport on an engine that does not implement
     * it, what a transport cannot carry or take and what does not fit {@code memory}, each with the
     * reason, once. Each
     * repetition runs all its cells before the next starts, in its own shuffled order (seeded with
     * {@link RunConfig#orderSeed()}): a box that drifts during the run then drifts across every
     * transport alike, instead of lining up with whichever ran last.
     */
    public static CellPlan of(RunConfig config, MemoryBudget memory) {
        List<Cell> cells = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> oversized = new LinkedHashSet<>();
        List<String> tooLarge = new ArrayList<>();
        Random order = new Random(config.orderSeed());
        for (int repetition = 0; repetition < config.repetitions(); repetition++) {
            int first = cells.size();
            for (String engineLabel : config.engines()) {
                Engine engine = Engine.fromLabel(engineLabel);
                for (String label : config.transports()) {
                    TransportKind kind = TransportKind.fromLabel(label);
                    String notOn = kind.whyNotOn(engine);
                    if (notOn != null) {
                        skipped.add(kind.label() + " on the " + engine.label() + " engine: " + notOn);
                        continue;
                    }
                    for (String variant : config.variantsOf(kind)) {
                        addCells(config, kind, variant, engine, repetition, memory, cells, skipped, oversized,
                                tooLarge);
                    }
                }
            }
            Collections.shuffle(cells.subList(first, cells.size()), order);
        }
        return new CellPlan(List.copyOf(cells), List.copyOf(skipped), List.copyOf(oversized), List.copyOf(tooLarge));
    }

    /** The cells of one transport (in one variant) on one engine in one repetition; what cannot be, said. */
    private static void addCells(RunConfig config, TransportKind kind, String variant, Engine engine, int repetition,
                                 MemoryBudget memory, List<Cell> cells, Set<String> skipped, Set<String> oversized,
                                 List<String> tooLarge) {
        for (CellMode mode : CellMode.values()) {
            List<Integer> sizes = CellKind.of(mode).sizes(config);
            String notThisMode = sizes.isEmpty() ? null : CellKind.of(mode).whyNot(kind, engine);
            if (notThisMode != null) {
                skipped.add(CellResult.transportName(kind.label(), variant)
                        + (engine == Engine.RAW ? "" : " (" + engine.label() + ")") + " " + mode.label() + " cells: "
                        + notThisMode);
                continue;
            }
            for (int size : sizes) {
                String cannotCarry = whyCannotCarry(kind, size);
                if (cannotCarry != null) {
                    oversized.add(cannotCarry);
                    continue;
                }
                for (int connections : config.connections()) {
                    if (connections > 1 && !takesManyConnections(config, kind.label())) {
                        continue;
                    }
                    String reason = connections > 1 ? kind.whyNotManyConnections(engine) : null;
                    if (reason == null) {
                        add(new Cell(kind, variant, engine, mode, size, connections, repetition), memory, cells,
                                tooLarge);
                    } else {
                        skipped.add(kind.label() + " at " + connections + " connections: " + reason);
                    }
                }
            }
        }
    }

    /** Null if {@code kind} carries a {@code size}-byte message in one piece here, else why not, in a line. */
    public static String whyCannotCarry(TransportKind kind, int size) {
        return size > kind.maxMessageSize()
                ? kind.label() + " cannot carry a " + size + " B message: " + kind.maxSizeReason() : null;
    }

    /** Adds the cell if its buffers fit, else says why not (once, not for every repetition). */
    private static void add(Cell cell, MemoryBudget memory, List<Cell> cells, List<String> tooLarge) {
        String why = memory.whyNot(cell);
        if (why == null) {
            cells.add(cell);
        } else if (cell.repetition() == 0) {
            tooLarge.add(cell.describe() + ": " + why);
        }
    }

    /** Whether the configuration asks for many-connection cells of this transport. */
    private static boolean takesManyConnections(RunConfig config, String label) {
        return config.connectionTransports().isEmpty() || config.connectionTransports().contains(label);
    }

}
