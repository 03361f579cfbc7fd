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
import io.ipcbench.results.RequestedRate;
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
     * @param rate    the rate a rate cell offers; null in the other modes
     */
    public record Cell(TransportKind transport, String variant, Engine engine, CellMode mode, int size,
                       int connections, RequestedRate rate, int repetition) {
        /** A cell of a transport that has no variants. */
        public Cell(TransportKind transport, Engine engine, CellMode mode, int size, int connections,
                    RequestedRate rate, int repetition) {
            this(transport, null, engine, mode, size, connections, rate, repetition);
        }

        /** What measures a cell of this mode. */
        CellKind kind() {
            return CellKind.of(mode);
        }

        /** The transport and its variant, as cells are named: {@code shm-spin}. */
        public String transportName() {
            return CellResult.transportName(transport.label(), variant);
        }

        /**
         * The closed-loop latency cell this cell's rate is a percentage of (same transport, variant,
         * engine, size, connections and repetition), which must run first; null if its rate is not a
         * percentage.
         */
        public Cell closedLoopReference() {
            return rate != null && rate.relative()
                    ? new Cell(transport, variant, engine, CellMode.LATENCY, size, connections, null, repetition)
                    : null;
        }

        public String describe() {
            return transportName() + (engine == Engine.RAW ? "" : " (" + engine.label() + ")") + ", "
                    + (mode == CellMode.LATENCY ? "" : mode.label() + (rate == null ? "" : " " + rate.label()) + ", ")
                    + size + " B" + (connections > 1 ? ", " + connections + " connections" : "")
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
     * connection count (× rate, for rate cells), once per repetition, less a transport on an engine
     * that does not implement it, what a transport cannot carry or take and what does not fit
     * {@code memory}, each with the reason, once. Each repetition runs all its cells before the next
     * starts, in its own shuffled order (seeded with {@link RunConfig#orderSeed()}): a box that
     * drifts during the run then drifts across every transport alike, instead of lining up with
     * whichever ran last. A rate cell at a percentage of the closed-loop maximum needs its
     * {@linkplain Cell#closedLoopReference() closed-loop cell} measured first: such cells form a
     * second group, shuffled in turn, after the first, which holds their closed-loop cells (added
     * where the latency sweep lacks them).
     */
    public static CellPlan of(RunConfig config, MemoryBudget memory) {
        List<Cell> cells = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> oversized = new LinkedHashSet<>();
        List<String> tooLarge = new ArrayList<>();
        Random order = new Random(config.orderSeed());
        for (int repetition = 0; repetition < config.repetitions(); repetition++) {
            Planned planned = new Planned(new ArrayList<>(), new ArrayList<>(), skipped, oversized, tooLarge);
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
                        addCells(config, kind, variant, engine, repetition, memory, planned);
                    }
                }
            }
            for (Cell cell : planned.afterTheirReference()) {
                if (!planned.first().contains(cell.closedLoopReference())) {
                    add(cell.closedLoopReference(), memory, planned.first(), tooLarge);
                }
            }
            Collections.shuffle(planned.first(), order);
            Collections.shuffle(planned.afterTheirReference(), order);
            cells.addAll(planned.first());
            cells.addAll(planned.afterTheirReference());
        }
        return new CellPlan(List.copyOf(cells), List.copyOf(skipped), List.copyOf(oversized), List.copyOf(tooLarge));
    }

    /**
     * One repetition's cells as the plan gathers them, and what it leaves out.
     *
     * @param first               cells that need no other cell before them
     * @param afterTheirReference rate cells at a percentage, which run after their closed-loop cell
     */
    private record Planned(List<Cell> first, List<Cell> afterTheirReference, Set<String> skipped,
                           Set<String> oversized, List<String> tooLarge) {
    }

    /** The cells of one transport (in one variant) on one engine in one repetition; what cannot be, said. */
    private static void addCells(RunConfig config, TransportKind kind, String variant, Engine engine, int repetition,
                                 MemoryBudget memory, Planned planned) {
        for (CellMode mode : CellMode.values()) {
            CellKind cellKind = CellKind.of(mode);
            if (!cellKind.measures(config, kind.label())) {
                continue;
            }
            String notForKind = cellKind.whyNotFor(kind);
            if (notForKind != null) {
                planned.skipped().add(kind.label() + " " + mode.label() + " cells: " + notForKind);
                continue;
            }
            String notOnEngine = cellKind.whyNotOn(engine);
            if (notOnEngine != null) {
                planned.skipped().add(kind.label() + " " + mode.label() + " cells: " + notOnEngine);
                continue;
            }
            for (int size : cellKind.sizes(config)) {
                String cannotCarry = whyCannotCarry(kind, size);
                if (cannotCarry != null) {
                    planned.oversized().add(cannotCarry);
                    continue;
                }
                for (int connections : cellKind.connections(config)) {
                    if (connections > 1 && !takesManyConnections(config, kind.label(), mode)) {
                        continue;
                    }
                    String reason = connections > 1 ? kind.whyNotManyConnections(engine) : null;
                    if (reason != null) {
                        planned.skipped().add(kind.label() + " at " + connections + " connections: " + reason);
                        continue;
                    }
                    for (RequestedRate rate : cellKind.rates(config)) {
                        Cell cell = new Cell(kind, variant, engine, mode, size, connections, rate, repetition);
                        add(cell, memory, cell.closedLoopReference() == null ? planned.first()
                                : planned.afterTheirReference(), planned.tooLarge());
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

    /**
     * Whether the configuration asks for many-connection cells of this transport in this mode.
     * {@code --connection-transports} picks the closed-loop ones; rate cells have their own
     * transports ({@code --rate-transports}), each at every rate connection count it takes, so that a
     * rate sweep over connection counts can cover every transport without the closed-loop sweep
     * doing the same (the closed-loop cell a percentage needs is added for it).
     */
    private static boolean takesManyConnections(RunConfig config, String label, CellMode mode) {
        return mode == CellMode.RATE || config.connectionTransports().isEmpty()
                || config.connectionTransports().contains(label);
    }

}
