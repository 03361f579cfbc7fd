package io.ipcbench.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;

/**
 * Compares a candidate run with a baseline run and decides whether the candidate's tail latency
 * regressed. Reads the two run folders and nothing else. Never throws for a problem with the runs:
 * a run that is missing, damaged or incomparable gives an {@link Outcome#UNDECIDED} report with
 * the reason.
 */
public final class Gate {
    private static final int LISTED_KEYS = 4;
    /** Interquartile range over median of the per-interval values above which a run is called uneven. */
    private static final double UNEVEN_SPREAD = 0.5;

    private final GateSettings settings;

    public Gate(GateSettings settings) {
        this.settings = settings;
    }

    /** Compares the run at {@code candidatePath} with the one at {@code baselinePath} (folders or run.json files). */
    public GateReport evaluate(Path baselinePath, Path candidatePath) {
        Draft draft = new Draft(baselinePath, candidatePath);
        RunResult baseline;
        RunResult candidate;
        try {
            baseline = RunFolder.read(baselinePath);
        } catch (RunFolder.InvalidRunException e) {
            return draft.undecided("baseline: " + e.getMessage());
        }
        draft.baselineId = baseline.id();
        try {
            candidate = RunFolder.read(candidatePath);
        } catch (RunFolder.InvalidRunException e) {
            return draft.undecided("candidate: " + e.getMessage());
        }
        draft.candidateId = candidate.id();
        noteInterrupted(draft.notes, baseline, "baseline");
        noteInterrupted(draft.notes, candidate, "candidate");

        Map<String, List<CellResult>> baselineCells = byKey(baseline);
        Map<String, List<CellResult>> candidateCells = byKey(candidate);
        List<String> common = new ArrayList<>();
        for (String key : baselineCells.keySet()) {
            if (candidateCells.containsKey(key)) {
                common.add(key);
            } else {
                draft.onlyInBaseline.add(key);
            }
        }
        for (String key : candidateCells.keySet()) {
            if (!baselineCells.containsKey(key)) {
                draft.onlyInCandidate.add(key);
            }
        }
        if (common.isEmpty()) {
            return draft.undecided("no common cells: the baseline has " + list(baselineCells.keySet())
                    + ", the candidate " + list(candidateCells.keySet()));
        }

        EnvironmentCheck.Findings findings =
                EnvironmentCheck.check(baseline, candidate, baselineCells, candidateCells, common);
        draft.environmentDifferences.addAll(findings.differences());
        draft.notes.addAll(findings.notes());
        if (!findings.comparable() && !settings.allowDifferentEnv()) {
            return draft.undecided("the runs come from different environments (" + String.join("; ",
                    findings.differences()) + "); pass --allow-different-env to compare them anyway");
        }

        Path baselineFolder = RunFolder.folderOf(baselinePath);
        Path candidateFolder = RunFolder.folderOf(candidatePath);
        for (String key : common) {
            List<CellResult> b = baselineCells.get(key);
            List<CellResult> c = candidateCells.get(key);
            String problem = whyNotComparable(b, "baseline");
            if (problem == null) {
                problem = whyNotComparable(c, "candidate");
            }
            if (problem != null) {
                draft.notCompared.add(new GateReport.NotCompared(key, problem));
                continue;
            }
            noteFailedRepetitions(draft.notes, key, b, "baseline");
            noteFailedRepetitions(draft.notes, key, c, "candidate");
            CellSamples baselineSamples;
            CellSamples candidateSamples;
            try {
                baselineSamples = CellSamples.read(baselineFolder, usable(b), settings.metric());
            } catch (RunFolder.InvalidRunException e) {
                return draft.undecided("baseline: " + e.getMessage());
            }
            try {
                candidateSamples = CellSamples.read(candidateFolder, usable(c), settings.metric());
            } catch (RunFolder.InvalidRunException e) {
                return draft.undecided("candidate: " + e.getMessage());
            }
            CellComparison comparison = compare(key, baselineSamples, candidateSamples);
            noteUnevenIntervals(draft.notes, key, comparison.baseline(), "baseline");
            noteUnevenIntervals(draft.notes, key, comparison.candidate(), "candidate");
            draft.cells.add(comparison);
        }
        return draft.decided();
    }

    /** Compares one cell's samples; the bootstrap's seed depends on the key, so cell order changes nothing. */
    CellComparison compare(String key, CellSamples baseline, CellSamples candidate) {
        long seed = settings.seed() * 0x9E3779B97F4A7C15L ^ key.hashCode();
        ChangeDecision.Change change = ChangeDecision.decide(baseline.values(), candidate.values(), settings, seed);
        return new CellComparison(key, change.verdict(), side(change.baselineMedian(), baseline),
                side(change.candidateMedian(), candidate), change.change(), change.ciLow(), change.ciHigh(),
                change.pValue(), change.note());
    }

    private static CellComparison.Side side(Double median, CellSamples samples) {
        return new CellComparison.Side(median, samples.size(), samples.intervals(), samples.skippedIntervals(),
                samples.repetitions(), samples.spread());
    }

    /** Intervals this uneven mean the box was busy during the run; the gate then sees little. */
    private static void noteUnevenIntervals(List<String> notes, String key, CellComparison.Side side, String name) {
        if (side.spread() != null && side.spread() > UNEVEN_SPREAD) {
            notes.add(String.format(Locale.ROOT, "%s: the %s's intervals vary by %.0f%% (interquartile range / "
                    + "median): a busy box; a change hides in such noise", key, name, side.spread() * 100));
        }
    }

    /** A run without finishedAt was cut short: it holds the cells it finished, and the gate uses those. */
    private static void noteInterrupted(List<String> notes, RunResult run, String name) {
        if (run.finishedAt() == null) {
            notes.add("the " + name + " run was cut short: it has only the cells it finished");
        }
    }

    private static Map<String, List<CellResult>> byKey(RunResult run) {
        Map<String, List<CellResult>> cells = new LinkedHashMap<>();
        if (run.cells() != null) {
            for (CellResult cell : run.cells()) {
                cells.computeIfAbsent(cell.key(), k -> new ArrayList<>()).add(cell);
            }
        }
        return cells;
    }

    /** The gate judges round-trip latency: a cell needs that mode, success in some repetition, and a log. */
    private static String whyNotComparable(List<CellResult> cells, String side) {
        CellResult first = cells.get(0);
        if (!RunConfig.MODE_LATENCY.equals(first.mode())) {
            return "mode " + first.mode() + ": the gate judges latency cells only";
        }
        if (cells.stream().noneMatch(CellResult::ok)) {
            String error = cells.stream().map(CellResult::error).filter(e -> e != null).findFirst().orElse("no reason");
            return "failed in the " + side + ": " + error;
        }
        if (usable(cells).isEmpty()) {
            return "no interval log in the " + side;
        }
        return null;
    }

    private static List<CellResult> usable(List<CellResult> cells) {
        return cells.stream().filter(c -> c.ok() && c.histogramLog() != null).toList();
    }

    private static void noteFailedRepetitions(List<String> notes, String key, List<CellResult> cells, String side) {
        long failed = cells.stream().filter(c -> !c.ok()).count();
        if (failed > 0) {
            notes.add(key + ": " + failed + " of " + cells.size() + " repetitions failed in the " + side
                    + " and were left out");
        }
    }

    private static String list(Collection<String> keys) {
        if (keys.isEmpty()) {
            return "no cells";
        }
        String shown = keys.stream().limit(LISTED_KEYS).collect(Collectors.joining(", "));
        return keys.size() > LISTED_KEYS ? shown + " and " + (keys.size() - LISTED_KEYS) + " more" : shown;
    }

    /** The report as it is being assembled. */
    private final class Draft {
        final Path baselinePath;
        final Path candidatePath;
        String baselineId;
        String candidateId;
        final List<String> environmentDifferences = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<CellComparison> cells = new ArrayList<>();
        final List<String> onlyInBaseline = new ArrayList<>();
        final List<String> onlyInCandidate = new ArrayList<>();
        final List<GateReport.NotCompared> notCompared = new ArrayList<>();

        Draft(Path baselinePath, Path candidatePath) {
            this.baselinePath = baselinePath;
            this.candidatePath = candidatePath;
        }

        GateReport undecided(String reason) {
            return report(Outcome.UNDECIDED, reason);
        }

        GateReport decided() {
            List<CellComparison> decided = cells.stream().filter(c -> c.verdict() != Verdict.TOO_FEW_SAMPLES).toList();
            if (decided.isEmpty()) {
                if (cells.isEmpty()) {
                    return undecided("no cell in both runs could be compared: " + notCompared.stream()
                            .limit(LISTED_KEYS).map(n -> n.key() + " (" + n.reason() + ")")
                            .collect(Collectors.joining(", ")));
                }
                return undecided("too few samples in every common cell (each side needs " + settings.minSamples()
                        + " intervals with at least " + settings.metric().minimumCount() + " round trips for "
                        + settings.metric() + "): measure longer, use a shorter --interval, or more --repetitions");
            }
            List<CellComparison> regressions = decided.stream().filter(c -> c.verdict() == Verdict.REGRESSION).toList();
            if (!regressions.isEmpty()) {
                String named = regressions.stream().limit(LISTED_KEYS)
                        .map(c -> c.key() + " " + Format.percent(c.change()))
                        .collect(Collectors.joining(", "));
                if (regressions.size() > LISTED_KEYS) {
                    named += " and " + (regressions.size() - LISTED_KEYS) + " more";
                }
                return report(Outcome.REGRESSION, settings.metric() + " regressed in " + regressions.size() + " of "
                        + cells.size() + " cells: " + named);
            }
            long improved = decided.stream().filter(c -> c.verdict() == Verdict.IMPROVEMENT).count();
            long tooFew = cells.size() - decided.size();
            StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "no %s regression in %d cells",
                    settings.metric(), decided.size()));
            if (improved > 0) {
                reason.append(" (").append(improved).append(" improved)");
            }
            if (tooFew > 0) {
                reason.append("; ").append(tooFew).append(" had too few samples to judge");
            }
            return report(Outcome.NO_REGRESSION, reason.toString());
        }

        private GateReport report(Outcome outcome, String reason) {
            return new GateReport(GateReport.SCHEMA, outcome, outcome.exitCode(), reason, settings.metric().name(),
                    settings.threshold(), settings.alpha(), settings.confidence(), settings.minSamples(),
                    settings.seed(), new GateReport.RunRef(baselinePath.toString(), baselineId),
                    new GateReport.RunRef(candidatePath.toString(), candidateId), environmentDifferences,
                    settings.allowDifferentEnv(), notes, cells, onlyInBaseline, onlyInCandidate, notCompared);
        }
    }
}
