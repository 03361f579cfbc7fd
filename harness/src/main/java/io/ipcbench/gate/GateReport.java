package io.ipcbench.gate;

import java.util.List;

/**
 * Everything the gate found, as printed and as written to JSON (schema {@code ipcbench.gate/2}).
 * An undecided report still names its reason, so a CI job summary can show why.
 *
 * @param reason                 the outcome in one line
 * @param threshold              smallest change that counts, as a fraction
 * @param confidence             two-sided coverage of the reported intervals (1 - 2 alpha: each end is a one-sided
 *                               1 - alpha bound)
 * @param holmCells              cells judged together, over which Holm's correction ran
 * @param baselines              the baseline runs compared with, oldest first
 * @param box                    the box canary over the whole candidate run against the baseline runs'; null when
 *                               a side has none
 * @param environmentDifferences what makes a baseline run incomparable; empty when they are alike
 * @param notes                  differences and caveats worth knowing that do not stop the gate
 * @param cells                  cells in the candidate and a baseline run that were compared, in the candidate's order
 * @param onlyInBaseline         keys of cells the candidate lacks
 * @param onlyInCandidate        keys of cells no baseline run has
 * @param notCompared            cells in both that could not be compared, and why
 */
public record GateReport(String schema, GateOutcome outcome, int exitCode, String reason, String metric,
                         double threshold, double alpha, double confidence, int minRepetitions, int holmCells,
                         RunRef candidate, List<RunRef> baselines, BoxChange box,
                         List<String> environmentDifferences, boolean allowDifferentEnv, List<String> notes,
                         List<CellComparison> cells, List<String> onlyInBaseline, List<String> onlyInCandidate,
                         List<NotCompared> notCompared) {
    public static final String SCHEMA = "ipcbench.gate/2";

    public GateReport {
        baselines = List.copyOf(baselines);
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
     * @param path as given on the command line, or found in the history folder
     * @param id   the run's id, null if it could not be read
     */
    public record RunRef(String path, String id) {
    }

    /**
     * The box canary over a whole run (the geometric mean over its cells), the candidate's against
     * the baseline runs'.
     *
     * @param candidateNs the candidate run's canary
     * @param baselineNs  the geometric mean of the baseline runs' canaries
     * @param lowNs       the lowest baseline run's canary
     * @param highNs      the highest
     * @param runs        baseline runs with a canary
     * @param change      candidate / baseline - 1: how much the box itself changed
     */
    public record BoxChange(double candidateNs, double baselineNs, double lowNs, double highNs, int runs,
                            double change) {
    }

    /** A cell in both that was not compared, e.g. because it failed in the candidate. */
    public record NotCompared(String key, String reason) {
    }

    /** The cells with this verdict. */
    public List<CellComparison> cellsWith(Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).toList();
    }
}
