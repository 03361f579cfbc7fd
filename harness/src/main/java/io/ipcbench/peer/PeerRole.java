package io.ipcbench.peer;

/** What a peer does once connected. */
public enum PeerRole {
    /** Send every message back whole: the ping-pong partner. */
    ECHO("echo"),
    /** Read the given number of bytes one read at a time and report how the reads split them. */
    SPLIT_READS("split-reads"),
    /** Send messages one way as fast as the channel takes them: the far end of a throughput cell. */
    SOURCE("source");

    private final String label;

    PeerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
