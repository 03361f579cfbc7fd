package io.ipcbench.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.Modes;

/**
 * Judges a candidate run against one or more baseline runs and decides whether its tail latency
 * regressed. Reads run folders and nothing else. Never throws for a problem with the runs: a run
 * that is missing, damaged or incomparable gives an {@link GateOutcome#UNDECIDED} report with the reason.
 */
public final class Gate {
    /** Baseline runs named one by one (the option repeats). */
    public static final Advice BASELINE = Advice.of("gate", "--baseline", "RUN");
    /** Baseline runs as the newest runs of a folder. */
    public static final Advice HISTORY = Advice.of("gate", "--history", "DIR");
    /** Compare runs from different environments all the same. */
    public static final Advice ALLOW_DIFFERENT_ENV = Advice.of("gate", "--allow-different-env");
    private static final int LISTED_KEYS = 4;

    private final GateSettings settings;

    public Gate(GateSettings settings) {
        this.settings = settings;
    }

    /**
     * Judges the run at {@code candidatePath} (a folder or run.json) against the given baseline runs
     * and the newest runs of {@code history} (a folder of run folders, or null).
     */
    public GateReport evaluate(List<Path> baselinePaths, Path history, Path candidatePath) {
        Draft draft = new Draft(candidatePath);
        GateRun candidate;
        try {
            candidate = GateRun.read(candidatePath);
        } catch (RunFolder.InvalidRunException e) {
            return draft.undecided("candidate: " + e.getMessage());
        }
        draft.candidateId = candidate.id();
        Baselines.Found found;
        try {
            found = Baselines.find(baselinePaths, history, settings.historySize(), candidatePath);
        } catch (RunFolder.InvalidRunException e) {
            return draft.undecided("baseline: " + e.getMessage());
        }
        draft.notes.addAll(found.notes());
        if (found.runs().isEmpty()) {
            return draft.undecided("no baseline run: " + (history == null ? "give " + BASELINE.options()
                    : "the history folder " + history + " holds no run folder"));
        }
        noteInterrupted(draft.notes, candidate, "the candidate run");

        List<String> refused = new ArrayList<>();
        List<GateRun> baselines = comparable(found.runs(), candidate, draft, refused);
        if (baselines.isEmpty()) {
            return draft.undecided("the runs come from different environments (" + String.join("; ", refused)
                    + "); pass " + ALLOW_DIFFERENT_ENV.options() + " to compare them anyway");
        }
        draft.baselines.addAll(baselines);
        for (GateRun run : baselines) {
            noteInterrupted(draft.notes, run, "baseline run " + run.name());
        }

        Set<String> baselineKeys = new LinkedHashSet<>();
        baselines.forEach(run -> baselineKeys.addAll(run.cells().keySet()));
        List<String> common = new ArrayList<>();
        for (String key : candidate.cells().keySet()) {
            (baselineKeys.contains(key) ? common : draft.onlyInCandidate).add(key);
        }
        baselineKeys.stream().filter(key -> !candidate.cells().containsKey(key)).forEach(draft.onlyInBaseline::add);
        if (common.isEmpty()) {
            return draft.undecided("no common cells: the baseline has " + list(baselineKeys)
                    + ", the candidate " + list(candidate.cells().keySet()));
        }

        List<ChangeDecision.Evidence> evidence = new ArrayList<>();
        for (String key : common) {
            try {
                ChangeDecision.Evidence cell = evidence(key, candidate, baselines, draft);
                if (cell != null) {
                    evidence.add(cell);
                }
            } catch (RunFolder.InvalidRunException e) {
                return draft.undecided(e.getMessage());
            }
        }
        draft.cells.addAll(ChangeDecision.decide(evidence, settings));
        draft.box = boxChange(candidate, baselines);
        noteCanary(draft, candidate, baselines);
        return draft.decided();
    }

    /**
     * Baseline runs measured like the candidate. The others are left out and said, or kept with a
     * warning when allowed; {@code refused} gets the differences of the first one left out.
     */
    private List<GateRun> comparable(List<GateRun> runs, GateRun candidate, Draft draft, List<String> refused) {
        List<GateRun> kept = new ArrayList<>();
        for (GateRun run : runs) {
            EnvironmentCheck.Findings findings = EnvironmentCheck.check(run, candidate);
            draft.notes.addAll(findings.notes());
            if (findings.comparable() || settings.allowDifferentEnv()) {
                kept.add(run);
                draft.environmentDifferences.addAll(findings.differences());
                continue;
            }
            if (refused.isEmpty()) {
                refused.addAll(findings.differences());
            }
            draft.notes.add("baseline run " + run.name() + " was left out: another environment ("
                    + String.join("; ", findings.differences()) + ")");
        }
        return kept;
    }

    /** What is known about one key, or null when it cannot be compared (said in the draft). */
    private ChangeDecision.Evidence evidence(String key, GateRun candidate, List<GateRun> baselines, Draft draft)
            throws RunFolder.InvalidRunException {
        List<CellResult> candidateCells = candidate.cells().get(key);
        String problem = whyNotComparable(candidateCells, "the candidate");
        List<GateRun> holding = baselines.stream().filter(run -> run.cells().containsKey(key)
                && whyNotComparable(run.cells().get(key), "") == null).toList();
        if (problem == null && holding.isEmpty()) {
            problem = whyNotComparable(baselines.stream().filter(run -> run.cells().containsKey(key)).findFirst()
                    .orElseThrow().cells().get(key), "every baseline run");
        }
        if (problem != null) {
            draft.notCompared.add(new GateReport.NotCompared(key, problem));
            return null;
        }
        RepetitionValues candidateValues = read(candidate, key, "candidate: ");
        noteLeftOut(draft.notes, key, "the candidate", candidateValues.failed(), candidateValues.tooFew(),
                candidateCells.size());
        String modes = Modes.describe(Modes.of(candidateValues.values()), ns -> Format.micros(ns) + " µs");
        if (modes != null) {
            draft.notes.add(key + ": the candidate's repetitions are " + modes);
        }

        List<RepetitionValues> all = baselineValues(key, holding, draft.notes);
        List<RepetitionValues> enough = all.stream().filter(v -> v.size() >= settings.minRepetitions()).toList();
        int needed = settings.minRepetitions();
        if (candidateValues.size() < needed) {
            return new ChangeDecision.Evidence(key, candidateValues, all,
                    "needs ≥ " + needed + " repetitions: the candidate has " + candidateValues.size());
        }
        if (enough.isEmpty()) {
            return new ChangeDecision.Evidence(key, candidateValues, all, "needs ≥ " + needed + " repetitions: no "
                    + "baseline run has " + needed + " (at most " + all.stream().mapToInt(RepetitionValues::size)
                    .max().orElse(0) + ")");
        }
        int lacking = all.size() - enough.size();
        if (lacking > 0) {
            boolean one = lacking == 1;
            draft.notes.add(key + ": " + lacking + " of " + all.size() + " baseline runs " + (one ? "has" : "have")
                    + " fewer than " + needed + " repetitions of it and " + (one ? "was" : "were") + " left out");
        }
        int least = enough.stream().mapToInt(RepetitionValues::size).min().orElseThrow();
        if (enough.size() >= Shift.RUNS_FOR_SPREAD && candidateValues.size() < least) {
            draft.notes.add(key + ": the candidate has " + candidateValues.size() + " repetitions, each baseline run "
                    + "at least " + least + ": its value is noisier than the spread of theirs shows");
        }
        return new ChangeDecision.Evidence(key, candidateValues, enough, null);
    }

    /** Each baseline run's repetitions of the key; what was left out of them is noted. */
    private List<RepetitionValues> baselineValues(String key, List<GateRun> holding, Collection<String> notes)
            throws RunFolder.InvalidRunException {
        List<RepetitionValues> all = new ArrayList<>();
        int failed = 0;
        int tooFew = 0;
        int repetitions = 0;
        for (GateRun run : holding) {
            RepetitionValues values = read(run, key, "baseline run " + run.name() + ": ");
            failed += values.failed();
            tooFew += values.tooFew();
            repetitions += run.cells().get(key).size();
            all.add(values);
        }
        noteLeftOut(notes, key, "the baseline runs", failed, tooFew, repetitions);
        return all;
    }

    private RepetitionValues read(GateRun run, String key, String side) throws RunFolder.InvalidRunException {
        try {
            return RepetitionValues.read(run, run.cells().get(key), settings.metric());
        } catch (RunFolder.InvalidRunException e) {
            throw new RunFolder.InvalidRunException(side + e.getMessage());
        }
    }

    /** The gate judges round-trip latency: a cell needs that mode, success in some repetition, and a log. */
    private static String whyNotComparable(List<CellResult> cells, String side) {
        CellResult first = cells.get(0);
        if (!CellMode.LATENCY.label().equals(first.mode())) {
            return "mode " + first.mode() + ": the gate judges latency cells only";
        }
        if (cells.stream().noneMatch(c -> c.ok() && c.histogramLog() != null)) {
            String error = cells.stream().map(CellResult::error).filter(e -> e != null).findFirst()
                    .orElse("no interval log");
            return "failed in " + side + ": " + error;
        }
        return null;
    }

    private static void noteLeftOut(Collection<String> notes, String key, String side, int failed, int tooFew,
                                    int all) {
        if (failed > 0) {
            notes.add(key + ": " + failed + " of " + all + " repetitions failed in " + side + " and "
                    + (failed == 1 ? "was" : "were") + " left out");
        }
        if (tooFew > 0) {
            notes.add(key + ": " + tooFew + " of " + all + " repetitions in " + side + (tooFew == 1 ? " has" : " have")
                    + " too few round trips for the metric and " + (tooFew == 1 ? "was" : "were") + " left out");
        }
    }

    /** A run without finishedAt was cut short: it holds the cells it finished, and the gate uses those. */
    private static void noteInterrupted(Collection<String> notes, GateRun run, String name) {
        if (run.result().finishedAt() == null) {
            notes.add(name + " was cut short: it has only the cells it finished");
        }
    }

    private static GateReport.BoxChange boxChange(GateRun candidate, List<GateRun> baselines) {
        Double candidateNs = candidate.canaryNs();
        double[] baselineNs = baselines.stream().map(GateRun::canaryNs).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray();
        if (candidateNs == null || baselineNs.length == 0) {
            return null;
        }
        double centre = GeometricMean.value(baselineNs);
        return new GateReport.BoxChange(candidateNs, centre, Arrays.stream(baselineNs).min().orElseThrow(),
                Arrays.stream(baselineNs).max().orElseThrow(), baselineNs.length, candidateNs / centre - 1);
    }

    private static void noteCanary(Draft draft, GateRun candidate, List<GateRun> baselines) {
        long without = baselines.stream().filter(run -> run.canaryNs() == null).count();
        String consequence = " is judged without one, so a change of the box itself cannot be told from a regression";
        if (candidate.canaryNs() == null) {
            draft.notes.add("the candidate run has no box canary: it" + consequence);
        } else if (without == baselines.size()) {
            draft.notes.add("no baseline run has a box canary: the candidate" + consequence);
        } else if (without > 0) {
            draft.notes.add(without + " of " + baselines.size() + " baseline runs " + (without == 1 ? "has" : "have")
                    + " no box canary: the candidate" + consequence);
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
        final Path candidatePath;
        String candidateId;
        final List<GateRun> baselines = new ArrayList<>();
        GateReport.BoxChange box;
        final Set<String> environmentDifferences = new LinkedHashSet<>();
        final Set<String> notes = new LinkedHashSet<>();
        final List<CellComparison> cells = new ArrayList<>();
        final List<String> onlyInBaseline = new ArrayList<>();
        final List<String> onlyInCandidate = new ArrayList<>();
        final List<GateReport.NotCompared> notCompared = new ArrayList<>();

        Draft(Path candidatePath) {
            this.candidatePath = candidatePath;
        }

        GateReport undecided(String reason) {
            return report(GateOutcome.UNDECIDED, reason);
        }

        GateReport decided() {
            List<CellComparison> judged = cells.stream()
                    .filter(c -> c.verdict() != Verdict.TOO_FEW_REPETITIONS).toList();
            if (judged.isEmpty()) {
                if (cells.isEmpty()) {
                    return undecided("no cell in both could be compared: " + notCompared.stream()
                            .limit(LISTED_KEYS).map(n -> n.key() + " (" + n.reason() + ")")
                            .collect(Collectors.joining(", ")));
                }
                return undecided("too few repetitions in every common cell (the candidate and a baseline run each "
                        + "need " + settings.minRepetitions() + " with at least " + settings.metric().minimumCount()
                        + " round trips for " + settings.metric() + "): run with "
                        + Advice.repetitions(settings.minRepetitions()).options() + " or more");
            }
            if (judged.stream().anyMatch(c -> c.basis() == Basis.REPETITIONS)) {
                notes.add(baselineRunsPhrase() + ": the run-to-run spread is unknown until at least "
                        + Shift.RUNS_FOR_SPREAD + " baseline runs exist, so a drift of the whole box between runs "
                        + "looks like a change; cells are judged on the spread of their repetitions");
            }
            List<CellComparison> regressions = cellsWith(Verdict.REGRESSION);
            String boxChanged = boxChangedPhrase();
            if (!regressions.isEmpty()) {
                return report(GateOutcome.REGRESSION, settings.metric() + " regressed in " + regressions.size() + " of "
                        + cells.size() + " cells: " + named(regressions) + boxChanged);
            }
            long improved = judged.stream().filter(c -> c.verdict() == Verdict.IMPROVEMENT).count();
            long tooFew = cells.size() - judged.size();
            StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "no %s regression in %d cells",
                    settings.metric(), judged.size()));
            if (improved > 0) {
                reason.append(" (").append(improved).append(" improved)");
            }
            reason.append(boxChanged);
            if (tooFew > 0) {
                reason.append("; ").append(tooFew).append(" had too few repetitions to judge");
            }
            return report(GateOutcome.NO_REGRESSION, reason.toString());
        }

        private String baselineRunsPhrase() {
            return baselines.size() == 1 ? "1 baseline run" : baselines.size() + " baseline runs";
        }

        private List<CellComparison> cellsWith(Verdict verdict) {
            return cells.stream().filter(c -> c.verdict() == verdict).toList();
        }

        /** "; the box changed: tcp/raw/64B/1c/latency +25% (canary +22%)", or nothing. */
        private String boxChangedPhrase() {
            List<CellComparison> changed = cellsWith(Verdict.BOX_CHANGED);
            if (changed.isEmpty()) {
                return "";
            }
            return "; the box changed, not the cells: " + changed.stream().limit(LISTED_KEYS)
                    .map(c -> c.key() + " " + Format.percent(c.change()) + " (canary "
                            + Format.percent(c.canaryChange()) + ")")
                    .collect(Collectors.joining(", "))
                    + (changed.size() > LISTED_KEYS ? " and " + (changed.size() - LISTED_KEYS) + " more" : "");
        }

        private String named(List<CellComparison> cells) {
            String named = cells.stream().limit(LISTED_KEYS).map(c -> c.key() + " " + Format.percent(c.change()))
                    .collect(Collectors.joining(", "));
            return cells.size() > LISTED_KEYS ? named + " and " + (cells.size() - LISTED_KEYS) + " more" : named;
        }

        private GateReport report(GateOutcome outcome, String reason) {
            int holmCells = (int) cells.stream().filter(c -> c.verdict() != Verdict.TOO_FEW_REPETITIONS).count();
            List<GateReport.RunRef> baselineRefs = baselines.stream()
                    .map(run -> new GateReport.RunRef(run.path().toString(), run.id())).toList();
            return new GateReport(GateReport.SCHEMA, outcome, outcome.exitCode(), reason, settings.metric().name(),
                    settings.threshold(), settings.alpha(), settings.confidence(), settings.minRepetitions(),
                    holmCells, new GateReport.RunRef(candidatePath.toString(), candidateId), baselineRefs, box,
                    List.copyOf(environmentDifferences), settings.allowDifferentEnv(), List.copyOf(notes), cells,
                    onlyInBaseline, onlyInCandidate, notCompared);
        }
    }
}
