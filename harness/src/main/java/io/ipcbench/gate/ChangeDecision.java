package io.ipcbench.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.LogRatio;
import io.ipcbench.stats.MultipleComparisons;

/**
 * The verdict on every cell at once.
 *
 * <p>Each cell is judged on its values <em>net of the box canary</em>: every repetition's value
 * over the canary measured around it. The canary is a pipe round trip between two threads of the
 * client, pinned like the cell, with no transport under test in it, so it moves when the box does
 * (another wake-up mode, a busy neighbour) and not when a transport does. On the 2-CPU VMs this was
 * built on, a run's p50 followed the canary from run to run (correlation 0.9, slope near 1) and
 * net of it the run-to-run spread was 2 to 3 times smaller, which is what lets a real change stand
 * out; a p99 made of the scheduler's time slices did not follow it, and dividing by it widened
 * that spread by a few percent only. Runs without a canary are judged on their values as measured.
 *
 * <ol>
 *   <li>A cell <b>regressed</b> when the one-sided p-value of "net of the canary, more than the
 *       threshold above the baseline's centre" ({@link Shift}), Holm-corrected over the judged cells,
 *       is below alpha, <em>and</em> its value as measured is more than the threshold above the
 *       centre: a regression is a cell that got slower, beyond what the baseline's spread and the
 *       box's own change explain. An <b>improvement</b> is the same downwards, corrected separately.</li>
 *   <li>A cell that the same test on its values as measured would call a regression or an
 *       improvement, and that is not one net of the canary, is <b>box changed</b>: the box moved, and
 *       the cell with it. It passes the gate, and the reason names it.</li>
 * </ol>
 */
final class ChangeDecision {
    private ChangeDecision() {
    }

    /**
     * What is known about one cell.
     *
     * @param candidate the candidate's repetitions
     * @param baseline  the repetitions of each baseline run that has enough of them
     * @param tooFew    why the cell cannot be judged ("needs ≥ 3 repetitions: ..."), or null
     */
    record Evidence(String key, RepetitionValues candidate, List<RepetitionValues> baseline, String tooFew) {
        /** Whether the candidate and every baseline run have a canary around every repetition. */
        boolean hasCanaries() {
            return candidate.canariesNs() != null && baseline.stream().allMatch(r -> r.canariesNs() != null);
        }
    }

    /** One cell's shifts: as measured, and net of the canary (null without canaries). */
    private record Shifts(Shift measured, Shift net) {
        Shift judged() {
            return net != null ? net : measured;
        }
    }

    /** Judges the cells together: Holm's correction runs over those that could be judged. */
    static List<CellComparison> decide(List<Evidence> cells, GateSettings settings) {
        double up = 1 + settings.threshold();
        double down = 1 / up;
        List<Shifts> shifts = new ArrayList<>();
        for (Evidence cell : cells) {
            shifts.add(cell.tooFew() != null ? null : new Shifts(
                    Shift.of(cell.candidate().values(),
                            cell.baseline().stream().map(RepetitionValues::values).toList()),
                    cell.hasCanaries() ? Shift.of(cell.candidate().netOfCanary(),
                            cell.baseline().stream().map(RepetitionValues::netOfCanary).toList()) : null));
        }
        List<Shifts> judged = shifts.stream().filter(s -> s != null).toList();
        double[] regression = holm(judged.stream().map(s -> s.judged().ratio()).toList(), r -> r.pAbove(up));
        double[] improvement = holm(judged.stream().map(s -> s.judged().ratio()).toList(), r -> r.pBelow(down));
        double[] measuredRegression = holm(judged.stream().map(s -> s.measured().ratio()).toList(),
                r -> r.pAbove(up));
        double[] measuredImprovement = holm(judged.stream().map(s -> s.measured().ratio()).toList(),
                r -> r.pBelow(down));

        List<CellComparison> decided = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < cells.size(); i++) {
            Shifts cell = shifts.get(i);
            if (cell == null) {
                decided.add(tooFew(cells.get(i)));
                continue;
            }
            boolean measuredBeyond = measuredRegression[j] < settings.alpha()
                    || measuredImprovement[j] < settings.alpha();
            decided.add(judge(cells.get(i), cell, regression[j], improvement[j], measuredBeyond, settings));
            j++;
        }
        return decided;
    }

    private interface PValue {
        double of(LogRatio ratio);
    }

    /** The Holm-corrected p-values of {@code test} on each ratio. */
    private static double[] holm(List<LogRatio> ratios, PValue test) {
        return MultipleComparisons.holm(ratios.stream().mapToDouble(test::of).toArray());
    }

    private static CellComparison judge(Evidence cell, Shifts shifts, double regressionHolm, double improvementHolm,
                                        boolean measuredBeyond, GateSettings settings) {
        double threshold = settings.threshold();
        double up = 1 + threshold;
        Shift judged = shifts.judged();
        double change = shifts.measured().change();
        Double net = shifts.net() == null ? null : shifts.net().change();
        Double canaryChange = net == null ? null : (1 + change) / (1 + net) - 1;
        String spread = judged.basis() == Basis.RUN_TO_RUN ? "the baseline's run-to-run spread"
                : "the repetitions' spread";
        String limit = "±" + Format.threshold(threshold);
        Verdict verdict;
        String note;
        if (regressionHolm < settings.alpha() && 1 + change > up) {
            verdict = Verdict.REGRESSION;
            note = "beyond +" + Format.threshold(threshold) + " and " + spread + netPhrase(net, canaryChange);
        } else if (improvementHolm < settings.alpha() && (1 + change) * up < 1) {
            verdict = Verdict.IMPROVEMENT;
            note = "beyond -" + Format.threshold(threshold) + " and " + spread + netPhrase(net, canaryChange);
        } else if (net != null && measuredBeyond) {
            verdict = Verdict.BOX_CHANGED;
            note = String.format(Locale.ROOT, "the box canary moved %s with it; net of the box, %s",
                    Format.percent(canaryChange), Format.percent(net));
        } else {
            verdict = Verdict.NO_CHANGE;
            boolean within = 1 + change <= up && (1 + change) * up >= 1;
            if (within && (regressionHolm < settings.alpha() || improvementHolm < settings.alpha())) {
                note = "net of the box " + Format.percent(net) + ", but as measured within " + limit;
            } else {
                note = within ? "within " + limit : "beyond " + limit + " but within " + spread;
            }
        }
        LogRatio.Interval interval = judged.ratio().interval(settings.confidence());
        Shift measured = shifts.measured();
        return new CellComparison(cell.key(), verdict, judged.basis(), net != null, candidate(cell.candidate()),
                baseline(cell, measured.centre(), shifts.net() == null ? null
                        : measured.centre() / shifts.net().centre()),
                change, canaryChange, net, interval.lower() - 1, interval.upper() - 1,
                judged.ratio().pAbove(up), regressionHolm, judged.ratio().pBelow(1 / up), improvementHolm, note);
    }

    /** ", net of the box canary (+2.0%): +31.0%", or nothing without a canary. */
    private static String netPhrase(Double net, Double canaryChange) {
        return net == null ? "" : ", net of the box canary (" + Format.percent(canaryChange) + "): "
                + Format.percent(net);
    }

    private static CellComparison tooFew(Evidence cell) {
        CellComparison.Candidate candidate = candidate(cell.candidate());
        double[] pooled = cell.baseline().stream().flatMapToDouble(r -> Arrays.stream(r.values())).toArray();
        Double centre = pooled.length == 0 ? null : GeometricMean.value(pooled);
        Double change = centre == null || candidate.valueNs() == null ? null : candidate.valueNs() / centre - 1;
        return new CellComparison(cell.key(), Verdict.TOO_FEW_REPETITIONS, null, false, candidate,
                baseline(cell, centre, null), change, null, null, null, null, null, null, null, null, cell.tooFew());
    }

    private static CellComparison.Candidate candidate(RepetitionValues values) {
        return new CellComparison.Candidate(values.size() == 0 ? null : Shift.runValue(values.values()),
                values.size(), values.canariesNs() == null || values.size() == 0 ? null
                : GeometricMean.value(values.canariesNs()));
    }

    private static CellComparison.Baseline baseline(Evidence cell, Double centre, Double canaryCentre) {
        double[] runValues = cell.baseline().stream().filter(r -> r.size() > 0)
                .mapToDouble(r -> Shift.runValue(r.values())).toArray();
        return new CellComparison.Baseline(centre,
                runValues.length == 0 ? null : Arrays.stream(runValues).min().orElseThrow(),
                runValues.length == 0 ? null : Arrays.stream(runValues).max().orElseThrow(),
                cell.baseline().size(), cell.baseline().stream().mapToInt(RepetitionValues::size).sum(), canaryCentre);
    }
}
