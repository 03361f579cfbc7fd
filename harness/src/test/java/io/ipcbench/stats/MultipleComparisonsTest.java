package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MultipleComparisonsTest {
    @Test
    void holmAdjustsStepDownAndKeepsTheOrderGiven() {
        // Sorted: 0.01 (x4), 0.02 (x3), 0.03 (x2), 0.04 (x1) -> 0.04, 0.06, 0.06, 0.06 after monotonicity.
        double[] adjusted = MultipleComparisons.holm(new double[] {0.03, 0.01, 0.04, 0.02});
        assertArrayEquals(new double[] {0.06, 0.04, 0.06, 0.06}, adjusted, 1e-12);
    }

    @Test
    void holmNeverExceedsOne() {
        assertArrayEquals(new double[] {1, 1}, MultipleComparisons.holm(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void holmKeepsTheChanceOfAnyFalseFindingNearAlpha() {
        int anyFalse = 0;
        int trials = 2_000;
        SplittableRandom random = new SplittableRandom(9);
        for (int t = 0; t < trials; t++) {
            double[] p = new double[36];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble(); // no effect anywhere: p is uniform
            }
            double min = 1;
            for (double q : MultipleComparisons.holm(p)) {
                min = Math.min(min, q);
            }
            if (min < 0.05) {
                anyFalse++;
            }
        }
        // Uncorrected, 1 - 0.95^36 = 84% of trials would find something.
        assertTrue(anyFalse < 0.07 * trials, anyFalse + " of " + trials);
    }

    @Test
    void bonferroniConfidenceSplitsTheErrorRate() {
        assertEquals(0.99, MultipleComparisons.bonferroniConfidence(0.95, 5), 1e-12);
        assertEquals(0.95, MultipleComparisons.bonferroniConfidence(0.95, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MultipleComparisons.bonferroniConfidence(0.95, 0));
    }
}
