package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.ipcbench.stats.LogRatio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The decision on generated repetitions, over many seeds. A run's box state is a log-normal factor
 * that every repetition of the run shares (the wake-up mode a small VM lands in, a neighbour), and
 * that the box canary follows; each repetition adds its own noise. Every seed is fixed, so these
 * tests give the same answer every time; they fail if the decision loses its power or starts
 * crying wolf.
 */
@Timeout(60)
class ChangeDecisionTest {
    private static final GateSettings DEFAULTS = GateSettings.defaults();
    private static final int SEEDS = 400;
    private static final int REPETITIONS = 5;
    private static final double VALUE = 30_000;
    private static final double CANARY = 20_000;

    /**
     * One run's repetitions.
     *
     * @param boxLog     the run's box state, as a log factor shared by its repetitions and the canary
     * @param cellFactor what the code under test does to the cell (1 for no change)
     * @param canary     whether the run measured a canary
     */
    private static RepetitionValues run(SplittableRandom random, double boxLog, double cellFactor, boolean canary) {
        double[] values = new double[REPETITIONS];
        double[] canaries = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            values[r] = VALUE * cellFactor * Math.exp(boxLog + 0.05 * random.nextGaussian());
            canaries[r] = CANARY * Math.exp(boxLog + 0.03 * random.nextGaussian());
        }
        return new RepetitionValues(values, canary ? canaries : null, 0, 0);
    }

    /** {@code runs} baseline runs whose box states spread by {@code boxSpread} (standard deviation of the log). */
    private static List<RepetitionValues> history(SplittableRandom random, int runs, double boxSpread,
                                                  boolean canary) {
        List<RepetitionValues> history = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            history.add(run(random, boxSpread * random.nextGaussian(), 1, canary));
        }
        return history;
    }

    private static CellComparison decide(RepetitionValues candidate, List<RepetitionValues> history) {
        return ChangeDecision.decide(List.of(new ChangeDecision.Evidence("tcp", candidate, history, null)), DEFAULTS)
                .get(0);
    }

    private interface Trial {
        CellComparison run(SplittableRandom random);
    }

    private static int count(Verdict verdict, Trial trial) {
        int n = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            if (trial.run(new SplittableRandom(seed)).verdict() == verdict) {
                n++;
            }
        }
        return n;
    }

    @Test
    void oneMoreRunOfTheSameBoxRarelyFails() {
        // Runs drift by 15% from one to the next; a candidate drifting as much is no regression.
        for (boolean canary : new boolean[] {true, false}) {
            int regressions = count(Verdict.REGRESSION, random -> decide(
                    run(random, 0.15 * random.nextGaussian(), 1, canary), history(random, 10, 0.15, canary)));
            assertTrue(regressions <= 0.02 * SEEDS, regressions + " false regressions in " + SEEDS
                    + (canary ? " seeds with" : " seeds without") + " a canary");
        }
    }

    /** With no threshold to hide behind, the test alone must keep false alarms near alpha (1%). */
    @Test
    void withoutAThresholdTheTestAloneRarelyFiresOnNoise() {
        GateSettings noThreshold = DEFAULTS.withThreshold(0);
        int regressions = count(Verdict.REGRESSION, random -> ChangeDecision.decide(List.of(
                new ChangeDecision.Evidence("tcp", run(random, 0.1 * random.nextGaussian(), 1, false),
                        history(random, 10, 0.1, false), null)), noThreshold).get(0));
        assertTrue(regressions <= 0.025 * SEEDS, regressions + " false regressions in " + SEEDS);
    }

    @Test
    void aFiftyPercentSlowerCellIsCaughtNetOfTheCanaryWhereTheDriftHidesIt() {
        int withCanary = count(Verdict.REGRESSION, random -> decide(
                run(random, 0.15 * random.nextGaussian(), 1.5, true), history(random, 10, 0.15, true)));
        int without = count(Verdict.REGRESSION, random -> decide(
                run(random, 0.15 * random.nextGaussian(), 1.5, false), history(random, 10, 0.15, false)));
        // Missed only when the box happened to be so much faster that the cell, as measured, changed by
        // less than the threshold (about 1 run in 40 here): the gate calls a cell slower only when it is.
        assertTrue(withCanary >= 0.95 * SEEDS, "caught in " + withCanary + " of " + SEEDS + " with the canary");
        // As measured, a 15% drift from run to run hides a 50% change most of the time.
        assertTrue(without < 0.5 * SEEDS, "caught in " + without + " of " + SEEDS + " without the canary");
    }

    @Test
    void aQuietBoxCatchesAFiftyPercentChangeWithoutACanary() {
        int caught = count(Verdict.REGRESSION, random -> decide(
                run(random, 0.03 * random.nextGaussian(), 1.5, false), history(random, 10, 0.03, false)));
        assertTrue(caught >= 0.97 * SEEDS, "caught in " + caught + " of " + SEEDS);
    }

    @Test
    void aBoxThatMovedAfterAQuietHistoryIsBoxChangedNotARegression() {
        // Runs within 2% of each other, then the box moves by +35%, the canary with it.
        Trial trial = random -> decide(run(random, 0.3, 1, true), history(random, 10, 0.02, true));
        int boxChanged = count(Verdict.BOX_CHANGED, trial);
        int regressions = count(Verdict.REGRESSION, trial);
        assertTrue(boxChanged >= 0.95 * SEEDS, "box changed in " + boxChanged + " of " + SEEDS);
        assertTrue(regressions <= 0.01 * SEEDS, regressions + " regressions in " + SEEDS);
        CellComparison one = trial.run(new SplittableRandom(1));
        assertEquals(0.35, one.canaryChange(), 0.1);
        assertTrue(one.note().startsWith("the box canary moved +3"), one.note());
    }

    @Test
    void theSameMoveWithoutACanaryIsARegression() {
        int regressions = count(Verdict.REGRESSION,
                random -> decide(run(random, 0.3, 1, false), history(random, 10, 0.02, false)));
        assertTrue(regressions >= 0.95 * SEEDS, regressions + " of " + SEEDS);
    }

    @Test
    void fewerThanThreeBaselineRunsAreJudgedOnRepetitions() {
        SplittableRandom random = new SplittableRandom(7);
        CellComparison one = decide(run(random, 0, 1.5, true), history(random, 1, 0.05, true));
        assertEquals(Basis.REPETITIONS, one.basis());
        assertEquals(Verdict.REGRESSION, one.verdict());
        assertEquals(1, one.baseline().runs());
        assertEquals(REPETITIONS, one.baseline().repetitions());
        CellComparison three = decide(run(random, 0, 1.5, true), history(random, 3, 0.05, true));
        assertEquals(Basis.RUN_TO_RUN, three.basis());
    }

    @Test
    void anImprovementIsNotARegression() {
        int improved = count(Verdict.IMPROVEMENT, random -> decide(
                run(random, 0.05 * random.nextGaussian(), 0.6, true), history(random, 10, 0.05, true)));
        assertTrue(improved >= 0.97 * SEEDS, "improved in " + improved + " of " + SEEDS);
    }

    /** A run whose every repetition is {@code value}: its run value is exactly that. */
    private static RepetitionValues flat(double value) {
        return new RepetitionValues(new double[] {value, value, value}, null, 0, 0);
    }

    private static final double[] QUIET = {100, 102, 98, 101, 99};

    /** The candidate value whose one-sided p of a regression against {@link #QUIET} is {@code p}. */
    private static double valueWithP(double p) {
        double low = 110;
        double high = 200;
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (LogRatio.againstHistory(middle, QUIET).pAbove(1.1) > p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static ChangeDecision.Evidence cell(String key, double candidate) {
        List<RepetitionValues> history = new ArrayList<>();
        for (double value : QUIET) {
            history.add(flat(value));
        }
        return new ChangeDecision.Evidence(key, flat(candidate), history, null);
    }

    @Test
    void holmCorrectsAcrossCells() {
        double borderline = valueWithP(0.006);
        CellComparison alone = ChangeDecision.decide(List.of(cell("a", borderline)), DEFAULTS).get(0);
        assertEquals(0.006, alone.pRegression(), 1e-6);
        assertEquals(Verdict.REGRESSION, alone.verdict());

        // Two such cells: each p is doubled to 0.012, above alpha: noise somewhere among several cells.
        List<CellComparison> two = ChangeDecision.decide(List.of(cell("a", borderline), cell("b", borderline)),
                DEFAULTS);
        for (CellComparison cell : two) {
            assertEquals(0.012, cell.pRegressionHolm(), 1e-6);
            assertEquals(Verdict.NO_CHANGE, cell.verdict(), cell.toString());
        }

        // Holm steps down: with one clear regression, the borderline cell is judged at full alpha again.
        List<CellComparison> stepped = ChangeDecision.decide(List.of(cell("clear", 300), cell("a", borderline)),
                DEFAULTS);
        assertEquals(Verdict.REGRESSION, stepped.get(0).verdict());
        assertEquals(0.006, stepped.get(1).pRegressionHolm(), 1e-6);
        assertEquals(Verdict.REGRESSION, stepped.get(1).verdict());
    }

    @Test
    void tooFewRepetitionsIsCarriedThroughWithWhatIsKnown() {
        RepetitionValues two = new RepetitionValues(new double[] {200, 210}, null, 0, 0);
        CellComparison cell = ChangeDecision.decide(List.of(new ChangeDecision.Evidence("tcp", two,
                List.of(flat(100)), "needs ≥ 3 repetitions: the candidate has 2")), DEFAULTS).get(0);
        assertEquals(Verdict.TOO_FEW_REPETITIONS, cell.verdict());
        assertEquals("needs ≥ 3 repetitions: the candidate has 2", cell.note());
        assertEquals(1.05, cell.change(), 0.01);
        assertNull(cell.pRegression());
        assertNull(cell.basis());
    }
}
