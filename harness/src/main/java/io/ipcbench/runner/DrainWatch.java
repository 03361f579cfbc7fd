package io.ipcbench.runner;

import io.ipcbench.os.KernelSettings;

/**
 * Decides when the drain at a throughput cell's end has gone wrong. Once told to stop, a peer's
 * connections still hold what its socket buffers held, and with hundreds of connections whose
 * buffers the kernel grew to megabytes that takes longer than any fixed wait to read. So the drain
 * goes on while messages keep arriving, and fails only when nothing arrived for the quiet limit
 * (the peer neither sends nor ends its connections), or when more arrived after the stop than
 * every connection's buffers could have held (the peer did not stop).
 */
final class DrainWatch {
    private final long bytesAtStop;
    private final long inFlightBound;
    private final long quietNanos;
    private long lastMessages;
    private long lastProgressNanos;

    DrainWatch(long messagesAtStop, long bytesAtStop, long inFlightBound, long quietMillis, long nowNanos) {
        this.bytesAtStop = bytesAtStop;
        this.inFlightBound = inFlightBound;
        this.quietNanos = quietMillis * 1_000_000L;
        this.lastMessages = messagesAtStop;
        this.lastProgressNanos = nowNanos;
    }

    /**
     * The most a peer's connections can hold once it stops: per connection, its send and receive
     * buffers at the largest the kernel lets them grow (doubled, as the kernel doubles what is
     * asked for to allow for its bookkeeping), and one message its sender may have been writing.
     */
    static long inFlightBound(int connections, int size, long largestSocketBuffer) {
        return connections * (4 * largestSocketBuffer + size);
    }

    /** The largest any socket buffer may grow here: the core limits and TCP's autotuning maxima. */
    static long largestSocketBuffer() {
        KernelSettings kernel = KernelSettings.read();
        long largest = Math.max(kernel.rmemMax(), kernel.wmemMax());
        for (String name : new String[] {"tcp_rmem", "tcp_wmem"}) {
            largest = Math.max(largest, lastNumber(KernelSettings.readText("/proc/sys/net/ipv4/" + name)));
        }
        return largest > 0 ? largest : 8L << 20;
    }

    private static long lastNumber(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String[] fields = text.trim().split("\\s+");
        try {
            return Long.parseLong(fields[fields.length - 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** After a step of receiving: why the drain must end as a failure, or null to go on. */
    String check(long messages, long bytes, long nowNanos) {
        if (bytes - bytesAtStop > inFlightBound) {
            return "the peer did not stop sending: " + (bytes - bytesAtStop) + " B arrived after it was told to,"
                    + " more than its connections' socket buffers can hold (" + inFlightBound + " B)";
        }
        if (messages != lastMessages) {
            lastMessages = messages;
            lastProgressNanos = nowNanos;
            return null;
        }
        if (nowNanos - lastProgressNanos > quietNanos) {
            return "the peer neither sent nor ended its connections for " + quietNanos / 1_000_000
                    + " ms after being told to stop";
        }
        return null;
    }
}
