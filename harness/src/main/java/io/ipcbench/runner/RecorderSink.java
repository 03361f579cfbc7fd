package io.ipcbench.runner;

import org.HdrHistogram.SingleWriterRecorder;

/**
 * Records each round trip into a {@link SingleWriterRecorder}, wait-free for its one writer, clamped
 * to what the histograms track. The one sink class of the measured loops: warm-up and measurement
 * record through it alike, so the loop's call to its sink meets one receiver type, and the code the
 * JIT made of the loop during warm-up is still right when measurement starts.
 */
public final class RecorderSink implements RoundTripLoop.LatencySink {
    private final SingleWriterRecorder recorder;

    public RecorderSink(SingleWriterRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void record(long nanos) {
        recorder.recordValue(Math.min(nanos, IntervalLogger.HIGHEST_TRACKABLE_NANOS));
    }

    public SingleWriterRecorder recorder() {
        return recorder;
    }
}
