package io.ipcbench.transport;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a transport's data path is driven.
 * <ul>
 *   <li>{@link #RAW}: file descriptors and libc calls through jnr-ffi, nothing between the loop and
 *       the system call. What the mechanism costs on this kernel.</li>
 *   <li>{@link #JDK}: what a Java application would write: NIO channels, and junixsocket for the
 *       Unix socket types the JDK lacks. What a Java service pays.</li>
 * </ul>
 */
public enum Engine {
    RAW("raw", null),
    JDK("jdk", "not supported on the jdk engine yet: the loops that serve several connections from one thread "
            + "(many connections, and connections dialled afresh) poll raw descriptors, and NIO channels and "
            + "junixsocket's do not lend theirs");

    private final String label;
    private final String oneConnectionOnly;

    Engine(String label, String oneConnectionOnly) {
        this.label = label;
        this.oneConnectionOnly = oneConnectionOnly;
    }

    /**
     * Null if this engine can serve several connections from one loop, else why not: what the
     * many-connection latency cells and the connect cells need.
     */
    public String whyNotManyConnections() {
        return oneConnectionOnly;
    }

    public String label() {
        return label;
    }

    public static Engine fromLabel(String label) {
        for (Engine engine : values()) {
            if (engine.label.equals(label)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + label + "' (known: "
                + Arrays.stream(values()).map(Engine::label).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
