package io.ipcbench.transport.jdk;

import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;

/** The {@link io.ipcbench.transport.Engine#JDK} implementation of each transport kind. */
public final class JdkTransports {
    private JdkTransports() {
    }

    public static Transport of(TransportKind kind) {
        throw new UnsupportedOperationException("the jdk engine is not built yet (" + kind + ")");
    }
}
