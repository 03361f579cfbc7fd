package io.ipcbench.runner;

import io.ipcbench.results.Calibration;
import org.HdrHistogram.SingleWriterRecorder;

/** Measures what measuring costs: a {@code nanoTime()} call and a histogram record, on the measuring thread. */
public final class Calibrator {
    private static final int CALLS = 2_000_000;
    private static final int ROUNDS = 3;

    private Calibrator() {
    }

    /** Takes the best of a few rounds, so a stray interruption does not inflate the figures. */
    public static Calibration calibrate(NanoClock clock) {
        double nanoTimeCost = Double.MAX_VALUE;
        double recordCost = Double.MAX_VALUE;
        long granularity = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = clock.nanoTime();
            long previous = start;
            for (int i = 0; i < CALLS; i++) {
                long now = clock.nanoTime();
                long step = now - previous;
                if (step > 0 && step < granularity) {
                    granularity = step;
                }
                previous = now;
            }
            nanoTimeCost = Math.min(nanoTimeCost, (double) (previous - start) / CALLS);

            SingleWriterRecorder recorder = IntervalLogger.newRecorder();
            start = clock.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                recorder.recordValue(1_000 + (i & 0xFFFF));
            }
            long elapsed = clock.nanoTime() - start;
            recordCost = Math.min(recordCost, (double) elapsed / CALLS);
            sink += recorder.getIntervalHistogram().getTotalCount();
        }
        if (sink == 0) {
            throw new AssertionError("calibration recorded nothing");
        }
        return new Calibration(nanoTimeCost, granularity == Long.MAX_VALUE ? 0 : granularity, recordCost);
    }
}
