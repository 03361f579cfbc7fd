package io.ipcbench.results;

import java.util.List;

/**
 * Small experiments that some claims need besides the latency and throughput cells. Each list is
 * empty when the run did not make that probe.
 */
public record ProbeResults(List<BoundaryProbe> boundaries, List<DatagramLimit> largestDatagrams,
                     List<NagleProbe> nagle, List<BulkTransfer> bulk) {
    public static final ProbeResults NONE = new ProbeResults(List.of(), List.of(), List.of(), List.of());

    /**
     * Several writes of known lengths, and the lengths the reads on the other side returned.
     *
     * @param boundariesKept whether every read returned exactly one write
     */
    public record BoundaryProbe(String transport, List<Integer> writes, List<Integer> reads, boolean boundariesKept) {
    }

    /**
     * The largest datagram that crossed, found by trying sizes.
     *
     * @param largestDelivered largest size sent and echoed back whole
     * @param smallestRefused  smallest size refused (e.g. with EMSGSIZE), or -1 if none tried was refused
     * @param refusal          what the refusal said
     */
    public record DatagramLimit(String transport, int largestDelivered, int smallestRefused, String refusal) {
    }

    /**
     * Round trips of a request written in two parts (header, then body), as request/response
     * protocols often do, with TCP_NODELAY on or off.
     */
    public record NagleProbe(boolean tcpNoDelay, int headerBytes, int bodyBytes, LatencySummary latencyNs) {
    }

    /**
     * Time to move a fixed number of blocks one way (after Snader's TCP vs UDP comparison).
     *
     * @param address   where the receiver listened: 127.0.0.1 or the box's own non-loopback address
     * @param delivered blocks that arrived; for UDP the rest were lost
     * @param status    ok, failed or skipped (with the reason in error)
     */
    public record BulkTransfer(String transport, String address, int blockSize, int blocks, double seconds,
                               long delivered, long lost, String status, String error) {
    }
}
