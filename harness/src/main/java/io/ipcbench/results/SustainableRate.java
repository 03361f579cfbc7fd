package io.ipcbench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The most load a transport took within a latency budget, in one repetition of one rate sweep: the
 * highest offered rate whose p99 (timed from the intended send) stayed within the budget and whose
 * rate was achieved. Derived from the rate cells when a run is saved, one per transport, engine,
 * size, connection count, placement and repetition that ran rate cells; a repetition is the unit a
 * comparison rests on, as for every other figure.
 *
 * @param placement   "0,1" or "unpinned"
 * @param budgetNs    the p99 budget of the run ({@code --p99-budget})
 * @param perSec      the highest rate within the budget, round trips per second; null when no rate of the sweep was
 * @param rates       rate cells in the sweep
 * @param firstBeyond the lowest rate above it that was not within the budget, and why, in words; null when every
 *                    rate above it was (the sweep did not find the limit)
 */
public record SustainableRate(String transport, String engine, int size, int connections, String placement,
                              int repetition, long budgetNs, Double perSec, int rates, String firstBeyond) {

    /**
     * A sweep's sustainable rate over its repetitions, as the summary and the report show it.
     *
     * @param transport    the sweep's transport
     * @param sweep        {@code tcp/raw/64B/1c}
     * @param repetitions  repetitions that ran the sweep
     * @param perSec       the rate within the budget, over the repetitions that had one; null when none had
     * @param withoutOne   repetitions in which no rate was within the budget
     * @param firstBeyond  where the first repetition's sweep left the budget, in words; null if it never did
     */
    public record OverRepetitions(String transport, String sweep, String placement, long budgetNs, int repetitions,
                                  RepetitionSummary.Figure perSec, int withoutOne, String firstBeyond) {
    }

    /** {@code tcp/raw/64B/1c}: the sweep, as cell keys name it. */
    public String sweep() {
        return transport + "/" + engine + "/" + size + "B/" + connections + "c";
    }

    /** Each sweep's repetitions together, in the order the sweeps first appear. */
    public static List<OverRepetitions> overRepetitions(List<SustainableRate> rates) {
        Map<String, List<SustainableRate>> sweeps = new LinkedHashMap<>();
        for (SustainableRate rate : rates) {
            sweeps.computeIfAbsent(rate.sweep() + "@" + rate.placement(), key -> new ArrayList<>()).add(rate);
        }
        List<OverRepetitions> summaries = new ArrayList<>();
        for (List<SustainableRate> sweep : sweeps.values()) {
            SustainableRate first = sweep.get(0);
            List<Double> found = sweep.stream().map(SustainableRate::perSec).filter(v -> v != null).toList();
            summaries.add(new OverRepetitions(first.transport(), first.sweep(), first.placement(), first.budgetNs(),
                    sweep.size(),
                    found.isEmpty() ? null : RepetitionSummary.Figure.of(found,
                            v -> String.format(Locale.ROOT, "%,.0f/s", v)),
                    sweep.size() - found.size(), first.firstBeyond()));
        }
        return List.copyOf(summaries);
    }

    /** One entry per sweep and repetition, in the order the sweeps first appear among {@code cells}. */
    public static List<SustainableRate> of(List<CellResult> cells, long budgetNs) {
        Map<String, List<CellResult>> sweeps = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            if (cell.rate() != null) {
                sweeps.computeIfAbsent(cell.transportName() + "/" + cell.engine() + "/" + cell.size() + "/"
                        + cell.connections() + "/" + cell.placement() + "/" + cell.repetition(),
                        key -> new ArrayList<>()).add(cell);
            }
        }
        List<SustainableRate> found = new ArrayList<>();
        for (List<CellResult> sweep : sweeps.values()) {
            found.add(of(sweep, budgetNs, sweep.get(0)));
        }
        return List.copyOf(found);
    }

    private static SustainableRate of(List<CellResult> sweep, long budgetNs, CellResult first) {
        List<CellResult> byRate = sweep.stream()
                .sorted(Comparator.comparingDouble((CellResult c) -> c.rate().targetPerSec())).toList();
        Double highest = null;
        for (CellResult cell : byRate) {
            if (whyBeyond(cell, budgetNs) == null) {
                highest = cell.rate().targetPerSec();
            }
        }
        String firstBeyond = null;
        for (CellResult cell : byRate) {
            String why = whyBeyond(cell, budgetNs);
            if (why != null && (highest == null || cell.rate().targetPerSec() > highest)) {
                firstBeyond = String.format(Locale.ROOT, "%s (%,.0f/s): %s", cell.rate().requested().text(),
                        cell.rate().targetPerSec(), why);
                break;
            }
        }
        return new SustainableRate(first.transportName(), first.engine(), first.size(), first.connections(),
                String.valueOf(first.placement()), first.repetition(), budgetNs, highest, sweep.size(), firstBeyond);
    }

    /** Null if the cell kept its rate within the budget, else why not, in a few words. */
    static String whyBeyond(CellResult cell, long budgetNs) {
        if (!cell.ok()) {
            return "failed";
        }
        if (cell.rate().rateMissed()) {
            return String.format(Locale.ROOT, "rate missed, %,.0f/s achieved", cell.rate().achievedPerSec());
        }
        if (cell.latencyNs().count() == 0 || cell.latencyNs().p99() > budgetNs) {
            return String.format(Locale.ROOT, "p99 %.1f µs", cell.latencyNs().p99() / 1e3);
        }
        return null;
    }
}
