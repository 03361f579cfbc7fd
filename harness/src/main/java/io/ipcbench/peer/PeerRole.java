package io.ipcbench.peer;

/** What a peer does once connected. */
public enum PeerRole {
    /** Send every message back whole: the ping-pong partner. */
    ECHO("echo"),
    /** Read the given number of bytes one read at a time and report how the reads split them. */
    SPLIT_READS("split-reads"),
    /** Send messages one way as fast as the channel takes them: the far end of a throughput cell. */
    SOURCE("source"),
    /**
     * Listen, and answer one request on each connection the client dials, then close as told: the
     * far end of a connect cell. It makes one connection to the client, to control it, whatever the
     * number of connections the client keeps dialling at once.
     */
    ACCEPT("accept");

    private final String label;

    PeerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How many connections a peer in this role makes to the client when it serves {@code connections}. */
    public int connectionsToClient(int connections) {
        return this == ACCEPT ? 1 : connections;
    }

    public static PeerRole fromLabel(String label) {
        for (PeerRole role : values()) {
            if (role.label.equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown peer role '" + label + "'");
    }
}
