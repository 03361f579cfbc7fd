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
    JDK("jdk", "not supported on the jdk engine yet: the loops that serve several connections (many at once, or "
            + "connections dialled afresh), or several messages in flight, poll raw descriptors, and NIO channels and "
            + "junixsocket's do not lend theirs");

    private final String label;
    private final String notPolled;

    Engine(String label, String notPolled) {
        this.label = label;
        this.notPolled = notPolled;
    }

    /**
     * Null if this engine's connections can be waited on with epoll and moved in pieces (what a loop
     * serving several connections, connections dialled afresh included, or several messages in flight,
     * needs), else why not.
     */
    public String whyNotPolled() {
        return notPolled;
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
