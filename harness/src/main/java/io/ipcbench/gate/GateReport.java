package io.ipcbench.gate;

import java.util.List;

/**
 * Everything the gate found, as printed and as written to JSON (schema {@code ipcbench.gate/1}).
 * An undecided report still names its reason, so a CI job summary can show why.
 *
 * @param reason                 the outcome in one line
 * @param threshold              smallest change that counts, as a fraction
 * @param confidence             two-sided coverage of the reported intervals (1 - 2 alpha: each end is a one-sided 1 - alpha bound)
 * @param environmentDifferences what makes the runs incomparable; empty when they are alike
 * @param notes                  differences and caveats worth knowing that do not stop the gate
 * @param cells                  cells in both runs that were compared, in the baseline's order
 * @param onlyInBaseline         keys of cells the candidate lacks
 * @param onlyInCandidate        keys of cells the baseline lacks
 * @param notCompared            cells in both runs that could not be compared, and why
 */
public record GateReport(String schema, Outcome outcome, int exitCode, String reason, String metric,
                         double threshold, double alpha, double confidence, int minSamples, long seed,
                         RunRef baseline, RunRef candidate, List<String> environmentDifferences,
                         boolean allowDifferentEnv, List<String> notes, List<CellComparison> cells,
                         List<String> onlyInBaseline, List<String> onlyInCandidate, List<NotCompared> notCompared) {
    public static final String SCHEMA = "ipcbench.gate/1";

    public GateReport {
        environmentDifferences = List.copyOf(environmentDifferences);
        notes = List.copyOf(notes);
        cells = List.copyOf(cells);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCandidate = List.copyOf(onlyInCandidate);
        notCompared = List.copyOf(notCompared);
    }

    /**
     * Which run a side was.
     *
     * @param path as given on the command line
     * @param id   the run's id, null if it could not be read
     */
    public record RunRef(String path, String id) {
    }

    /** A cell in both runs that was not compared, e.g. because it failed in one of them. */
    public record NotCompared(String key, String reason) {
    }

    /** The cells with this verdict. */
    public List<CellComparison> cellsWith(Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).toList();
    }
}
