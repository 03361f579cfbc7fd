package io.ipcbench.transport;

/**
 * Which side of a connect cell's connection closes first, once the reply is in. The first to close
 * keeps the connection in TCP's TIME_WAIT for a minute: on the client, that holds a local port.
 */
public enum Closer {
    /** The client closes as soon as it has the reply (the default, as most clients do). */
    CLIENT("client"),
    /** The peer closes once its reply has gone; the client waits for that, then closes. */
    PEER("peer");

    private final String label;

    Closer(String label) {
        this.label = label;
    }

    /** The name on the command line and in run.json. */
    public String label() {
        return label;
    }

    public static Closer fromLabel(String label) {
        for (Closer closer : values()) {
            if (closer.label.equals(label)) {
                return closer;
            }
        }
        throw new IllegalArgumentException("the side that closes first is client or peer, not '" + label + "'");
    }
}
