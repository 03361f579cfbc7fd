package io.ipcbench.probes;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ipcbench.os.Native;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.peer.SplitReads;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.NetworkLink;
import io.ipcbench.runner.IntervalLogger;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.ProbeResults.BoundaryProbe;
import io.ipcbench.results.ProbeResults.DatagramLimit;
import io.ipcbench.results.ProbeResults.BulkTransfer;
import io.ipcbench.results.ProbeResults.NagleProbe;
import io.ipcbench.runner.ThroughputReceiver;
import io.ipcbench.transport.TransportOptions;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import org.HdrHistogram.Histogram;

/**
 * The small experiments some claims need, each against a real peer process:
 * <ul>
 *   <li><b>boundaries</b>: several writes of known lengths, and how the peer's reads split them;</li>
 *   <li><b>largest datagram</b>: the largest message that crosses whole, by bisection, and what the
 *       kernel says to the first size it refuses;</li>
 *   <li><b>Nagle</b>: round trips of a request written as a header and then a body, with
 *       TCP_NODELAY on and off (off, the body waits for the header's delayed ACK);</li>
 *   <li><b>bulk</b>: after Snader, the time to move 5,000 blocks of 1,440 B and of 300 B one way,
 *       TCP against UDP, over 127.0.0.1 and over the box's own non-loopback address, and, when the
 *       run has a link ({@code --link netns}), to a peer across it: Snader's "other host".</li>
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
    /** Snader's sizes: an Ethernet-sized block and a small one, 5,000 of each. */
    static final int[] BULK_BLOCK_SIZES = {1_440, 300};
    static final int BULK_BLOCKS = 5_000;
    private static final long BULK_GIVE_UP_NANOS = 30_000_000_000L;

    private final PeerLauncher launcher;
    private final java.io.PrintWriter notes;
    private final PeerLauncher linkLauncher;
    private final NetworkLink link;

    public ClaimProbes(PeerLauncher launcher, java.io.PrintWriter notes) {
        this(launcher, notes, null, null);
    }

    private ClaimProbes(PeerLauncher launcher, java.io.PrintWriter notes, PeerLauncher linkLauncher, NetworkLink link) {
        this.launcher = launcher;
        this.notes = notes;
        this.linkLauncher = linkLauncher;
        this.link = link;
    }

    /**
     * The same probes, and the bulk transfer across {@code link} too, its peer started by
     * {@code linkLauncher} (which starts tcp and udp peers on the link's far side).
     */
    public ClaimProbes across(PeerLauncher linkLauncher, NetworkLink link) {
        return new ClaimProbes(launcher, notes, linkLauncher, link);
    }

    /** Every probe, for the given transports (those not among them are skipped). */
    public ProbeResults runAll(List<TransportKind> transports) {
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
        List<BulkTransfer> bulk = new ArrayList<>();
        if (transports.contains(TransportKind.TCP) && transports.contains(TransportKind.UDP)) {
            String own = ownAddress(link == null ? null : link.clientAddress());
            List<String> addresses = new ArrayList<>(Arrays.asList(TransportOptions.DEFAULT_BIND_HOST, own));
            if (link != null) {
                addresses.add(link.clientAddress());
            }
            for (String address : addresses) {
                boolean acrossLink = link != null && link.clientAddress().equals(address);
                for (int blockSize : BULK_BLOCK_SIZES) {
                    for (TransportKind kind : List.of(TransportKind.TCP, TransportKind.UDP)) {
                        if (address == null) {
                            bulk.add(new BulkTransfer(kind.label(), "own address", blockSize, BULK_BLOCKS, 0, 0, 0,
                                    "skipped", "this box has no non-loopback IPv4 address"));
                        } else if (acrossLink) {
                            bulk.add(bulk(kind, address, address + " (" + link.label() + ")", linkLauncher, blockSize,
                                    BULK_BLOCKS));
                        } else {
                            bulk.add(bulk(kind, address, blockSize, BULK_BLOCKS));
                        }
                    }
                }
            }
        }
        return new ProbeResults(boundaries, limits, nagle, bulk);
    }

    /**
     * The box's own first non-loopback IPv4 address, or null if it has none; never {@code linkAddress},
     * this side's end of a run's veth, which is no address of the box's own.
     */
    static String ownAddress(String linkAddress) {
        try {
            for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.getHostAddress().equals(linkAddress)) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }

    /**
     * Snader's experiment: the peer sends {@code blocks} blocks as fast as it can and this side
     * times their arrival, from the connection to the last block. UDP's losses are counted, not
     * retried: a UDP "transfer" that lost blocks did not move them.
     */
    public BulkTransfer bulk(TransportKind kind, String address, int blockSize, int blocks) {
        return bulk(kind, address, address, launcher, blockSize, blocks);
    }

    /** As above, with the peer started by {@code peers}; {@code where} names the address in the result. */
    private BulkTransfer bulk(TransportKind kind, String address, String where, PeerLauncher peers, int blockSize,
                              int blocks) {
        try (PeerSession session = open(kind, blockSize, true, address, PeerRole.SOURCE, blocks,
                Duration.ofMillis(200), peers)) {
            ThroughputReceiver receiver = new ThroughputReceiver(session.connection(), System::nanoTime, blockSize,
                    kind.preservesBoundaries());
            long start = System.nanoTime();
            long giveUp = start + BULK_GIVE_UP_NANOS;
            try {
                while (receiver.messages() < blocks && System.nanoTime() < giveUp) {
                    long before = receiver.messages();
                    receiver.run(blocks - before, System.nanoTime() + 100_000_000L);
                    if (receiver.messages() == before && !session.peer().isAlive()) {
                        break; // the source is done; the rest was lost
                    }
                }
            } catch (java.io.EOFException endOfStream) {
                // The source sent everything and closed.
            }
            long delivered = receiver.distinctMessages();
            double seconds = delivered == 0 ? 0 : (receiver.lastArrivalNanos() - start) / 1e9;
            String status = delivered == blocks || kind.mayDropMessages() ? "ok" : "failed";
            return new BulkTransfer(kind.label(), where, blockSize, blocks, seconds, delivered, blocks - delivered,
                    status, "ok".equals(status) ? null : "only " + delivered + " of " + blocks + " blocks arrived");
        } catch (IOException | RuntimeException e) {
            return new BulkTransfer(kind.label(), where, blockSize, blocks, 0, 0, 0, "failed", e.getMessage());
        }
    }

    /** A fresh peer in {@code role} over one raw connection on 127.0.0.1, for one probe. */
    private PeerSession open(TransportKind kind, int size, boolean tcpNoDelay, PeerRole role, Duration receiveTimeout)
            throws IOException {
        return open(kind, size, tcpNoDelay, TransportOptions.DEFAULT_BIND_HOST, role, 0, receiveTimeout, launcher);
    }

    /**
     * As above, listening on {@code bindHost}, the peer started by {@code peers}; a source peer sends
     * {@code count} messages (0: until stopped).
     */
    private PeerSession open(TransportKind kind, int size, boolean tcpNoDelay, String bindHost, PeerRole role,
                             long count, Duration receiveTimeout, PeerLauncher peers) throws IOException {
        return PeerSession.with(Transports.of(kind, Engine.RAW), Engine.RAW,
                        directory -> new TransportOptions(directory, size, tcpNoDelay, bindHost,
                                TransportOptions.DEFAULT_CONNECT_TIMEOUT, receiveTimeout, 0, 0, null, null))
                .role(role).count(count).open(peers);
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
        try (PeerSession session = open(kind, total, true, PeerRole.SPLIT_READS, Duration.ofSeconds(2))) {
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
        try (PeerSession session = open(kind, LARGEST_TRIED, true, PeerRole.ECHO, Duration.ofSeconds(1))) {
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
        try (PeerSession session = open(TransportKind.TCP, size, tcpNoDelay, PeerRole.ECHO, Duration.ofSeconds(2))) {
            Connection connection = session.connection();
            MessageBuffer header = new MessageBuffer(NAGLE_HEADER);
            MessageBuffer body = new MessageBuffer(NAGLE_BODY);
            MessageBuffer reply = MessageBuffer.forReceiving(size);
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
