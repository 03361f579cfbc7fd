package io.ipcbench.transport;

import io.ipcbench.transport.jdk.JdkTransports;
import io.ipcbench.transport.raw.RawTransports;

/** The transport implementation for each kind and engine: {@code transport/raw/} and {@code transport/jdk/}. */
public final class Transports {
    private Transports() {
    }

    public static Transport of(TransportKind kind, Engine engine) {
        return switch (engine) {
            case RAW -> RawTransports.of(kind);
            case JDK -> JdkTransports.of(kind);
        };
    }
}
