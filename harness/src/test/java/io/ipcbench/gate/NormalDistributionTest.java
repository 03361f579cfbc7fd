package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NormalDistributionTest {
    /** Reference values from scipy.stats.norm.cdf; the error allowed is relative, as the tails need. */
    @Test
    void matchesReferenceValuesInTheMiddleAndTheTails() {
        assertRelative(0.5, NormalDistribution.cdf(0));
        assertRelative(0.9750021048517795, NormalDistribution.cdf(1.96));
        assertRelative(0.010000000001088501, NormalDistribution.cdf(-2.326347874));
        assertRelative(2.866515718791933e-07, NormalDistribution.cdf(-5));
        assertRelative(0.998999999999435, NormalDistribution.cdf(3.090232306));
    }

    @Test
    void isSymmetric() {
        for (double z = -6; z <= 6; z += 0.25) {
            assertEquals(1.0, NormalDistribution.cdf(z) + NormalDistribution.cdf(-z), 1e-7, "z = " + z);
        }
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, expected * 2e-7, "expected " + expected + " but was " + actual);
    }
}
