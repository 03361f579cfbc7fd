package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Expected values are scipy.stats.mannwhitneyu(candidate, baseline, method='asymptotic',
 * use_continuity=True), which applies the same tie and continuity corrections.
 */
@Timeout(10)
class MannWhitneyUTest {
    @Test
    void completelySeparatedSamples() {
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertEquals(25.0, r.u());
        assertEquals(0.006092890177672406, r.pGreater(), 1e-6);
        assertEquals(0.9966923245172357, r.pLess(), 1e-6);
        assertTrue(r.z() > 0);
    }

    @Test
    void tiesAcrossAndWithinSamples() {
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {10, 12, 12, 15, 18, 18, 18, 20},
                new double[] {12, 18, 21, 22, 22, 25, 30});
        assertEquals(47.5, r.u());
        assertEquals(0.012911065618044747, r.pGreater(), 1e-6);
        assertEquals(0.990516671456925, r.pLess(), 1e-6);
    }

    @Test
    void unequalSizesWithTies() {
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {3.1, 2.2, 4.5, 1.0, 2.2, 3.3},
                new double[] {2.2, 5.0, 6.1, 3.3, 7.7});
        assertEquals(24.5, r.u());
        assertEquals(0.04823990175447919, r.pGreater(), 1e-6);
        assertEquals(0.9676155151505562, r.pLess(), 1e-6);
    }

    @Test
    void swappingTheSamplesSwapsTheDirections() {
        double[] a = {3.1, 2.2, 4.5, 1.0, 2.2, 3.3};
        double[] b = {2.2, 5.0, 6.1, 3.3, 7.7};
        MannWhitneyU.Result ab = MannWhitneyU.test(a, b);
        MannWhitneyU.Result ba = MannWhitneyU.test(b, a);
        assertEquals(ab.pGreater(), ba.pLess(), 1e-12);
        assertEquals(ab.pLess(), ba.pGreater(), 1e-12);
        assertEquals(a.length * b.length, ab.u() + ba.u(), 1e-12);
    }

    @Test
    void allTiedGivesNoEvidence() {
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {5, 5, 5, 5}, new double[] {5, 5, 5});
        assertEquals(1.0, r.pGreater());
        assertEquals(1.0, r.pLess());
        assertEquals(0.0, r.z());
    }

    @Test
    void leavesTheInputsAlone() {
        double[] baseline = {3, 1, 2};
        double[] candidate = {6, 4, 5};
        MannWhitneyU.test(baseline, candidate);
        assertEquals(3, baseline[0]);
        assertEquals(6, candidate[0]);
    }

    @Test
    void needsValuesOnBothSides() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyU.test(new double[0], new double[] {1}));
    }
}
