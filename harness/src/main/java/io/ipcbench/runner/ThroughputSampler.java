package io.ipcbench.runner;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.Throughput;
import io.ipcbench.results.Throughput.ThroughputSample;

/**
 * Samples a throughput cell's counts at a fixed interval from a thread of its own, for the
 * throughput-over-time series; the receiving loop only publishes its counts.
 */
final class ThroughputSampler {
    private final ThroughputCounts receiver;
    private final long intervalMillis;
    private final List<ThroughputSample> samples = new ArrayList<>();
    private final long startNanos;
    private final long startMessages;
    private final long startBytes;
    private final Thread thread;
    private long lastNanos;
    private long lastMessages;
    private long lastBytes;
    private volatile boolean finished;

    private ThroughputSampler(ThroughputCounts receiver, long intervalMillis) {
        this.receiver = receiver;
        this.intervalMillis = intervalMillis;
        this.startNanos = System.nanoTime();
        this.startMessages = receiver.messages();
        this.startBytes = receiver.bytes();
        this.lastNanos = startNanos;
        this.lastMessages = startMessages;
        this.lastBytes = startBytes;
        this.thread = new Thread(this::sampleUntilFinished, "ipcbench-throughput-sampler");
        thread.setDaemon(true);
    }

    static ThroughputSampler start(ThroughputCounts receiver, long intervalMillis) {
        ThroughputSampler sampler = new ThroughputSampler(receiver, intervalMillis);
        sampler.thread.start();
        return sampler;
    }

    private void sampleUntilFinished() {
        CpuAffinity.allowAllCpus();
        while (!finished) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (!finished) {
                sample();
            }
        }
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long messages = receiver.messages();
        long bytes = receiver.bytes();
        samples.add(new ThroughputSample((lastNanos - startNanos) / 1e9, (now - startNanos) / 1e9,
                messages - lastMessages, bytes - lastBytes));
        lastNanos = now;
        lastMessages = messages;
        lastBytes = bytes;
    }

    /** Takes the last sample and returns the totals of the measured part with its series. */
    synchronized Throughput finish() {
        finished = true;
        thread.interrupt();
        sample();
        double seconds = (lastNanos - startNanos) / 1e9;
        return Throughput.of(lastMessages - startMessages, lastBytes - startBytes, seconds, samples);
    }
}
