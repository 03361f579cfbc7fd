package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class GeometricMeanTest {
    @ParameterizedTest(name = "{0} repetitions")
    @ValueSource(ints = {3, 5})
    void aNinetyFivePercentIntervalCoversTheTrueCentreInAtLeastNinetyThreePercentOfSeeds(int n) {
        int covered = 0;
        int seeds = 400;
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 25_000 * Math.exp(0.15 * random.nextGaussian()); // log-normal: its geometric mean is 25,000
            }
            GeometricMean mean = GeometricMean.withInterval(values, 0.95);
            if (mean.lower() <= 25_000 && 25_000 <= mean.upper()) {
                covered++;
            }
        }
        assertTrue(covered >= 0.93 * seeds && covered <= 0.99 * seeds, covered + " of " + seeds);
    }

    @Test
    void oneValueIsItselfWithNoInterval() {
        GeometricMean mean = GeometricMean.withInterval(new double[] {1_879_039}, 0.95);
        assertEquals(1_879_039, mean.estimate());
        assertNull(mean.lower());
        assertNull(mean.upper());
    }

    @Test
    void theEstimateIsTheGeometricMean() {
        assertEquals(4.0, GeometricMean.withInterval(new double[] {2, 8}, 0.95).estimate(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GeometricMean.withInterval(new double[] {0, 1}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> GeometricMean.withInterval(new double[0], 0.95));
    }
}
