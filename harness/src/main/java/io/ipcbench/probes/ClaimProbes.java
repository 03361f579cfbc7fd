package io.ipcbench.probes;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.os.Native;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.SplitReads;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.runner.IntervalLogger;
import io.ipcbench.results.Probes;
import io.ipcbench.results.Probes.BoundaryProbe;
import io.ipcbench.results.Probes.DatagramLimit;
import io.ipcbench.results.Probes.NagleProbe;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.TransportKind;
import org.HdrHistogram.Histogram;

/**
 * The small experiments some claims need, each against a real peer process:
 * <ul>
 *   <li><b>boundaries</b>: several writes of known lengths, and how the peer's reads split them;</li>
 *   <li><b>largest datagram</b>: the largest message that crosses whole, by bisection, and what the
 *       kernel says to the first size it refuses;</li>
 *   <li><b>Nagle</b>: round trips of a request written as a header and then a body, with
 *       TCP_NODELAY on and off (off, the body waits for the header's delayed ACK).</li>
 * </ul>
 * A probe that cannot run is left out of the results with a note on the error stream, never guessed.
 */
public final class ClaimProbes {
    /** Writes of the boundary probe: lengths that a stream would merge. */
    static final List<Integer> BOUNDARY_WRITES = List.of(100, 17, 300, 8, 64);
    static final int NAGLE_HEADER = 16;
    static final int NAGLE_BODY = 48;
    static final int NAGLE_ROUND_TRIPS_NODELAY = 2_000;
    /** With Nagle on, a round trip can wait for a delayed ACK (about 40 ms): keep the count small. */
    static final int NAGLE_ROUND_TRIPS_NAGLE = 40;
    private static final int LARGEST_TRIED = 1 << 20;

    private final PeerLauncher launcher;
    private final java.io.PrintWriter notes;

    public ClaimProbes(PeerLauncher launcher, java.io.PrintWriter notes) {
        this.launcher = launcher;
        this.notes = notes;
    }

    /** Every probe, for the given transports (those not among them are skipped). */
    public Probes runAll(List<TransportKind> transports) {
        List<BoundaryProbe> boundaries = new ArrayList<>();
        List<DatagramLimit> limits = new ArrayList<>();
        List<NagleProbe> nagle = new ArrayList<>();
        for (TransportKind kind : transports) {
            attempt("boundary probe on " + kind, () -> boundaries.add(boundaries(kind)));
            if (kind.preservesBoundaries()) {
                attempt("largest-datagram probe on " + kind, () -> limits.add(largestDatagram(kind)));
            }
        }
        if (transports.contains(TransportKind.TCP)) {
            attempt("Nagle probe with TCP_NODELAY", () -> nagle.add(nagle(true, NAGLE_ROUND_TRIPS_NODELAY)));
            attempt("Nagle probe without TCP_NODELAY", () -> nagle.add(nagle(false, NAGLE_ROUND_TRIPS_NAGLE)));
        }
        return new Probes(boundaries, limits, nagle, List.of());
    }

    private interface Probe {
        void run() throws IOException;
    }

    private void attempt(String name, Probe probe) {
        try {
            probe.run();
        } catch (IOException | RuntimeException e) {
            notes.println("note: " + name + " could not run: " + e.getMessage());
            notes.flush();
        }
    }

    /** Sends the writes back to back; the peer waits until all have arrived, then reads. */
    public BoundaryProbe boundaries(TransportKind kind) throws IOException {
        int total = BOUNDARY_WRITES.stream().mapToInt(Integer::intValue).sum();
        try (ProbeSession session = ProbeSession.open(launcher, kind, total, true, PeerRole.SPLIT_READS,
                Duration.ofSeconds(2))) {
            MessageBuffer out = new MessageBuffer(total);
            for (int length : BOUNDARY_WRITES) {
                session.connection().send(out, length);
            }
            MessageBuffer report = new MessageBuffer(SplitReads.REPORT_BYTES + 64);
            int length = session.connection().receive(report, SplitReads.REPORT_BYTES);
            if (length != SplitReads.REPORT_BYTES) {
                throw new IOException("the peer's report was " + length + " bytes, expected " + SplitReads.REPORT_BYTES);
            }
            int count = (int) report.buffer().getLong(0);
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reads.add((int) report.buffer().getLong(Long.BYTES * (1 + i)));
            }
            return new BoundaryProbe(kind.label(), BOUNDARY_WRITES, reads, reads.equals(BOUNDARY_WRITES));
        }
    }

    /** Bisects between a size known to cross and one known to be refused or lost. */
    public DatagramLimit largestDatagram(TransportKind kind) throws IOException {
        try (ProbeSession session = ProbeSession.open(launcher, kind, LARGEST_TRIED, true, PeerRole.ECHO,
                Duration.ofSeconds(1))) {
            Connection connection = session.connection();
            MessageBuffer out = new MessageBuffer(LARGEST_TRIED + 1);
            MessageBuffer in = new MessageBuffer(LARGEST_TRIED + 64);
            int crosses = 1;
            int refused = -1;
            String refusal = null;
            int low = 1;
            int high = LARGEST_TRIED + 1;
            while (high - low > 1) {
                int size = low + (high - low) / 2;
                String failure = tryDatagram(connection, out, in, size);
                if (failure == null) {
                    low = size;
                    crosses = size;
                } else {
                    high = size;
                    refused = size;
                    refusal = failure;
                }
            }
            return new DatagramLimit(kind.label(), crosses, refused, refusal);
        }
    }

    /** Null if {@code size} bytes went out and came back whole, else what went wrong. */
    private static String tryDatagram(Connection connection, MessageBuffer out, MessageBuffer in, int size)
            throws IOException {
        try {
            connection.send(out, size);
        } catch (Native.NativeIOException e) {
            return e.getMessage();
        }
        int length = connection.receive(in, size);
        if (length == Connection.TIMED_OUT) {
            return "no echo within the receive timeout";
        }
        return length == size ? null : "came back as " + length + " bytes";
    }

    /** Request as header then body, answered whole: Nagle holds the body until the header is ACKed. */
    public NagleProbe nagle(boolean tcpNoDelay, int roundTrips) throws IOException {
        int size = NAGLE_HEADER + NAGLE_BODY;
        try (ProbeSession session = ProbeSession.open(launcher, TransportKind.TCP, size, tcpNoDelay, PeerRole.ECHO,
                Duration.ofSeconds(2))) {
            Connection connection = session.connection();
            MessageBuffer header = new MessageBuffer(NAGLE_HEADER);
            MessageBuffer body = new MessageBuffer(NAGLE_BODY);
            MessageBuffer reply = new MessageBuffer(size + 64);
            Histogram histogram = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
            for (int i = 0; i < roundTrips; i++) {
                long start = System.nanoTime();
                connection.send(header, NAGLE_HEADER);
                connection.send(body, NAGLE_BODY);
                connection.receive(reply, size);
                histogram.recordValue(System.nanoTime() - start);
            }
            return new NagleProbe(tcpNoDelay, NAGLE_HEADER, NAGLE_BODY, LatencySummary.of(histogram));
        }
    }
}
