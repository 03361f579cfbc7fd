package io.ipcbench.transport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.ipcbench.os.KernelSettings;
import io.ipcbench.transport.shm.IdleChoice;
import io.ipcbench.transport.shm.ShmTransport;

/**
 * The transports, under the names used everywhere (command line, file names, JSON), with every fact
 * about them that the rest of ipcbench acts on. Everything that lists or special-cases transports
 * (the defaults, the help, the plan, the size checks, the peer's listeners, the claims, the charts'
 * colours, the JMH parameters, {@code run-bench.sh}) asks here: adding a transport adds a constant
 * with its facts, and the compiler asks for each of them. A kind may also declare variants, ways of
 * running it that a run measures side by side (shm's idle strategies): the plan makes cells of each.
 */
public enum TransportKind {
    PIPE("pipe", Carrier.PIPE, Framing.BYTE_STREAM, Addressing.ONE_CHANNEL, Delivery.RELIABLE, MessageLimit.NONE,
            Reach.LOCAL, "a child process has one standard input and output, so one pipe pair",
            EnumSet.allOf(Engine.class), null, Variants.NONE),
    FIFO("fifo", Carrier.PIPE, Framing.BYTE_STREAM, Addressing.ONE_CHANNEL, Delivery.RELIABLE, MessageLimit.NONE,
            Reach.LOCAL, "a FIFO pair is one channel between two processes; more pairs would measure the same thing "
                    + "side by side", EnumSet.allOf(Engine.class), null, Variants.NONE),
    TCP("tcp", Carrier.SOCKET, Framing.BYTE_STREAM, Addressing.LISTENING, Delivery.RELIABLE, MessageLimit.NONE,
            Reach.IP, null, EnumSet.allOf(Engine.class), null, Variants.NONE),
    UDP("udp", Carrier.SOCKET, Framing.MESSAGES, Addressing.CONNECTIONLESS, Delivery.MAY_DROP,
            MessageLimit.UDP_PAYLOAD, Reach.IP, null, EnumSet.allOf(Engine.class), null, Variants.NONE),
    UNIX_STREAM("unix-stream", Carrier.SOCKET, Framing.BYTE_STREAM, Addressing.LISTENING, Delivery.RELIABLE,
            MessageLimit.NONE, Reach.LOCAL, null, EnumSet.allOf(Engine.class), null, Variants.NONE),
    UNIX_DGRAM("unix-dgram", Carrier.SOCKET, Framing.MESSAGES, Addressing.CONNECTIONLESS, Delivery.RELIABLE,
            MessageLimit.SEND_BUFFER, Reach.LOCAL, null, EnumSet.allOf(Engine.class), null, Variants.NONE),
    UNIX_SEQPACKET("unix-seqpacket", Carrier.SOCKET, Framing.MESSAGES, Addressing.LISTENING, Delivery.RELIABLE,
            MessageLimit.SEND_BUFFER, Reach.LOCAL, null, EnumSet.allOf(Engine.class), null, Variants.NONE),
    SHM("shm", Carrier.SHARED_MEMORY, Framing.MESSAGES, Addressing.ONE_CHANNEL, Delivery.RELIABLE, MessageLimit.RING,
            Reach.LOCAL, "a ring has no file descriptor, and the many-connection loops wait on epoll over descriptors; "
                    + "serving several rings from one thread would take a loop that looks at each in turn, a design "
                    + "of its own",
            EnumSet.of(Engine.RAW),
            "a ring in shared memory makes no system call and has no channel to wrap, so the jdk engine would run "
                    + "the very code the raw engine runs",
            IdleChoice.VARIANTS);

    /** What carries the bytes from one process to the other. */
    public enum Carrier {
        /** A kernel pipe: anonymous or named. */
        PIPE,
        /** A kernel socket, with its send and receive buffers. */
        SOCKET,
        /** Memory both processes map: no system call on the data path. */
        SHARED_MEMORY
    }

    /** Whether a read returns what one write sent. */
    public enum Framing {
        /** Writes may be merged and split on the way: the reader must frame them. */
        BYTE_STREAM,
        /** Each send arrives as one read, whole. */
        MESSAGES
    }

    /** How a client finds its peer, and so how several connections are made. */
    public enum Addressing {
        /** One listening socket accepts every connection. */
        LISTENING,
        /** No connections: each connection is a socket pair of its own, a listener per connection. */
        CONNECTIONLESS,
        /** Exactly one channel between the two processes. */
        ONE_CHANNEL
    }

    /** Whether a message can vanish on the way. */
    public enum Delivery {
        RELIABLE,
        /** The kernel drops what a receiver's full buffer cannot take (UDP). */
        MAY_DROP
    }

    /** What a transport's channel passes through, and so whether a network namespace moves it. */
    public enum Reach {
        /** An IP socket: it crosses a network device (loopback, or a veth to another namespace). */
        IP,
        /**
         * A local object, named by a descriptor or a file-system path: network namespaces do not
         * touch it, so a peer across a link would still reach it by the same path.
         */
        LOCAL
    }

    /** The largest message a transport carries in one piece, and why. */
    public enum MessageLimit {
        /** A byte stream carries any size. */
        NONE,
        /** An IPv4 UDP datagram: 65,535 less the 20-byte IP and 8-byte UDP headers. */
        UDP_PAYLOAD,
        /** A Unix datagram or seqpacket message must fit the send buffer, less 32 B (af_unix.c). */
        SEND_BUFFER,
        /** A shm message must fit an eighth of its ring, and rings are sized from the message up to a bound. */
        RING
    }

    /** Largest UDP payload over IPv4: 65,535 less the 20-byte IP and 8-byte UDP headers. */
    public static final int UDP_MAX_PAYLOAD = 65_507;
    /** The kernel refuses a Unix datagram longer than the send buffer less this much (af_unix.c). */
    static final int UNIX_DATAGRAM_OVERHEAD = 32;

    private final String label;
    private final Carrier carrier;
    private final Framing framing;
    private final Addressing addressing;
    private final Delivery delivery;
    private final MessageLimit limit;
    private final Reach reach;
    private final String oneConnectionOnly;
    private final Set<Engine> engines;
    private final String whyNotOtherEngines;
    private final Variants variants;

    /**
     * @param oneConnectionOnly  why the transport takes only one connection per peer; null when it takes many
     * @param engines            the engines that implement it
     * @param whyNotOtherEngines why the others do not; null when every engine does
     * @param variants           the ways it can be run, measured side by side; {@link Variants#NONE} for one way
     */
    TransportKind(String label, Carrier carrier, Framing framing, Addressing addressing, Delivery delivery,
                  MessageLimit limit, Reach reach, String oneConnectionOnly, Set<Engine> engines,
                  String whyNotOtherEngines, Variants variants) {
        this.label = label;
        this.carrier = carrier;
        this.framing = framing;
        this.addressing = addressing;
        this.delivery = delivery;
        this.limit = limit;
        this.reach = reach;
        this.oneConnectionOnly = oneConnectionOnly;
        this.engines = Set.copyOf(engines);
        this.whyNotOtherEngines = whyNotOtherEngines;
        this.variants = variants;
    }

    /** The name used on the command line, in file names and in JSON. */
    public String label() {
        return label;
    }

    public Carrier carrier() {
        return carrier;
    }

    /** Whether the data goes through the kernel (a pipe or a socket), not through memory both sides map. */
    public boolean kernelPath() {
        return carrier != Carrier.SHARED_MEMORY;
    }

    /** The ways this transport can be run, which a run measures side by side; {@link Variants#NONE} for one way. */
    public Variants variants() {
        return variants;
    }

    public Framing framing() {
        return framing;
    }

    public Addressing addressing() {
        return addressing;
    }

    public Delivery delivery() {
        return delivery;
    }

    public MessageLimit messageLimit() {
        return limit;
    }

    public Reach reach() {
        return reach;
    }

    /**
     * Whether a network namespace changes this transport's path: an IP socket's peer in another
     * namespace is reached over a network device; a Unix socket, pipe or FIFO is reached by the same
     * descriptor or path from any namespace, so its cells keep their usual path under {@code --link}.
     */
    public boolean affectedByNetworkNamespaces() {
        return reach == Reach.IP;
    }

    /**
     * Whether each connection is set up on its own, a connect to a listening socket and an accept
     * (TCP's handshake, a Unix socket's queueing on its listener), so that its cost can be timed by
     * a connect cell: what connection-oriented sockets do, and pipes, FIFOs and datagrams do not.
     */
    public boolean setsUpConnections() {
        return addressing == Addressing.LISTENING;
    }

    /** Null if this transport sets up connections a connect cell can time, else why not. */
    public String whyNoConnectionSetUp() {
        return switch (addressing) {
            case LISTENING -> null;
            case CONNECTIONLESS -> label + " is connectionless: there is no connection to set up";
            case ONE_CHANNEL -> label + "'s one channel is made with the peer process, not for each request";
        };
    }

    /** Datagram and seqpacket sockets deliver each send as one read; streams and pipes do not. */
    public boolean preservesBoundaries() {
        return framing == Framing.MESSAGES;
    }

    /** Whether a message may vanish on the way (UDP drops when the receiver falls behind). */
    public boolean mayDropMessages() {
        return delivery == Delivery.MAY_DROP;
    }

    /** Whether the peer needs a listener per connection (no listening socket to accept them all). */
    public boolean connectionless() {
        return addressing == Addressing.CONNECTIONLESS;
    }

    /** The engines that implement this transport. */
    public Set<Engine> engines() {
        return engines;
    }

    /** Null if the engine implements this transport, else why not. */
    public String whyNotOn(Engine engine) {
        return engines.contains(engine) ? null : "the " + engine.label() + " engine does not implement " + label
                + (whyNotOtherEngines == null ? "" : ": " + whyNotOtherEngines);
    }

    /** Null if this transport can be measured over several connections on {@code engine}, else why not. */
    public String whyNotManyConnections(Engine engine) {
        if (oneConnectionOnly != null) {
            return "not supported: " + oneConnectionOnly;
        }
        if (whyNotOn(engine) != null) {
            return whyNotOn(engine);
        }
        return engine.whyNotPolled();
    }

    /**
     * Largest message this transport carries in one piece on this kernel, or
     * {@link Integer#MAX_VALUE} for byte streams, which carry any size.
     */
    public int maxMessageSize() {
        return maxMessageSize(KernelSettings.read().wmemDefault());
    }

    /**
     * Largest message this transport carries in one piece from a socket whose send buffer the
     * kernel granted {@code sendBufferBytes} (SO_SNDBUF as read back): a Unix datagram must fit it.
     */
    public int maxMessageSize(int sendBufferBytes) {
        return switch (limit) {
            case NONE -> Integer.MAX_VALUE;
            case UDP_PAYLOAD -> UDP_MAX_PAYLOAD;
            case SEND_BUFFER -> sendBufferBytes - UNIX_DATAGRAM_OVERHEAD;
            case RING -> ShmTransport.MAX_MESSAGE_BYTES;
        };
    }

    /** Why {@link #maxMessageSize()} is what it is, for a message that exceeds it; null for a byte stream. */
    public String maxSizeReason() {
        return switch (limit) {
            case NONE -> null;
            case UDP_PAYLOAD -> "a UDP datagram holds at most " + UDP_MAX_PAYLOAD + " B over IPv4";
            case SEND_BUFFER -> "a " + label + " message must fit the socket send buffer, at most "
                    + maxMessageSize() + " B here (net.core.wmem_default less " + UNIX_DATAGRAM_OVERHEAD + " B)";
            case RING -> "a " + label + " message must fit an eighth of its ring (Agrona's OneToOneRingBuffer), "
                    + "which is sized from the message up to a bound: at most " + ShmTransport.MAX_MESSAGE_BYTES + " B";
        };
    }

    /** The facts in a few words, for {@code ipcbench transports}. */
    public String describe() {
        return String.join("; ", List.of(
                carrier.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                framing == Framing.MESSAGES ? "keeps message boundaries" : "byte stream",
                oneConnectionOnly != null ? "one connection" : connectionless() ? "several connections, a socket "
                        + "pair each" : "several connections to one listener",
                mayDropMessages() ? "may drop messages" : "reliable",
                affectedByNetworkNamespaces() ? "IP: crosses --link netns" : "local: no network namespace moves it",
                limit == MessageLimit.NONE ? "any message size" : "messages up to " + maxMessageSize() + " B",
                "engines " + engines.stream().sorted().map(Engine::label).collect(Collectors.joining(", "))))
                + (variants.none() ? "" : "; " + variants.dimension() + " " + variants.describeLabels() + " (default "
                        + variants.defaultLabel() + ")");
    }

    public static TransportKind fromLabel(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("unknown transport '" + label
                + "' (known: " + labels() + ")"));
    }

    /** The kind of this label, or empty for a label no kind has (a run folder from a later version, say). */
    public static Optional<TransportKind> find(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }

    /** Every label, in order: the default list of transports. */
    public static List<String> labelList() {
        return Arrays.stream(values()).map(TransportKind::label).toList();
    }

    /** "pipe, fifo, tcp, ..." */
    public static String labels() {
        return String.join(", ", labelList());
    }

    @Override
    public String toString() {
        return label;
    }
}
