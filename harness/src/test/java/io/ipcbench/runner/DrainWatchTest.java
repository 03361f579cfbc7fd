package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DrainWatchTest {
    private static final long MS = 1_000_000L;

    @Test
    void aLongDrainThatKeepsProgressingGoesOnPastTheQuietLimit() {
        DrainWatch watch = new DrainWatch(1000, 64_000, 1L << 30, 5000, 0);
        long messages = 1000;
        // 20 s of draining, a message every 50 ms step: four times the 5 s limit, never quiet for long.
        for (long t = 50; t <= 20_000; t += 50) {
            messages++;
            assertNull(watch.check(messages, messages * 64, t * MS), "at " + t + " ms");
        }
    }

    @Test
    void nothingArrivingForTheQuietLimitFails() {
        DrainWatch watch = new DrainWatch(1000, 64_000, 1L << 30, 5000, 0);
        assertNull(watch.check(1001, 64_064, 1000 * MS));
        assertNull(watch.check(1001, 64_064, 5999 * MS));
        String failure = watch.check(1001, 64_064, 6001 * MS);
        assertNotNull(failure);
        assertTrue(failure.contains("5000 ms"), failure);
    }

    @Test
    void moreThanTheBuffersCanHoldMeansThePeerDidNotStop() {
        long bound = DrainWatch.inFlightBound(2, 64, 1000);
        DrainWatch watch = new DrainWatch(0, 0, bound, 5000, 0);
        assertNull(watch.check(10, bound, MS));
        String failure = watch.check(11, bound + 1, 2 * MS);
        assertNotNull(failure);
        assertTrue(failure.contains("did not stop"), failure);
    }

    @Test
    void theBoundCountsBothBuffersOfEveryConnectionDoubledAndAMessage() {
        assertEquals(256L * (16L * (1 << 20) + 64), DrainWatch.inFlightBound(256, 64, 4 << 20));
    }
}
