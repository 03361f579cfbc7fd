package io.ipcbench.claims;

/** The claims of docs/claims.md, in its order, with its ids and wording. */
public enum Claim {
    UDS_LATENCY("uds-latency",
            "Unix domain stream sockets have lower round-trip latency than loopback TCP."),
    UDS_THROUGHPUT("uds-throughput",
            "Unix domain stream sockets move more data per second than loopback TCP."),
    TCP_MANY_CONNECTIONS("tcp-many-connections",
            "With many connections, loopback TCP can beat Unix sockets, by up to 3x."),
    UDP_LATENCY("udp-latency",
            "UDP has lower latency than TCP."),
    UDP_SAME_HOST_RELIABLE("udp-same-host-reliable",
            "On the same machine UDP has no drops, duplicates or reordering."),
    UDP_SIZE("udp-size",
            "A UDP datagram is small, about 1.5 KB."),
    BOUNDARIES("boundaries",
            "Datagram and seqpacket sockets keep message boundaries; TCP and pipes are byte streams with none."),
    PIPE_VS_UDS("pipe-vs-uds",
            "A pipe is the simplest, fastest local channel; a Unix socket adds features (two-way, credentials, "
                    + "fd passing) at a cost."),
    TCP_BULK("tcp-bulk",
            "Do not underestimate TCP: for bulk transfer on one host, TCP is as fast as UDP."),
    NAGLE("nagle",
            "Default TCP settings suit file transfer; request/response traffic needs tuning (TCP_NODELAY)."),
    UDS_UNDER_LOAD("uds-under-load",
            "Unix sockets sustain more load than loopback TCP at the same tail."),
    SHM_FLOOR("shm-floor",
            "Shared memory is an order of magnitude below every kernel path."),
    TCP_SETUP("tcp-setup",
            "A TCP connection costs about one and a half round trips before data flows.");

    private final String id;
    private final String text;

    Claim(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The id used in run.json and claims.md, e.g. {@code uds-latency}. */
    public String id() {
        return id;
    }

    /** The claim in words. */
    public String text() {
        return text;
    }
}
