package io.ipcbench.peer;

import java.util.OptionalInt;

/** A running peer, whatever runs it. */
public interface PeerHandle extends AutoCloseable {
    /** Its process id, or -1 for a peer that is not a process of its own. */
    long pid();

    boolean isAlive();

    /** Its exit code, once it has exited. */
    OptionalInt exitCode();

    /** The last thing it said on its error stream, or an empty string. */
    String lastWords();

    /** Asks it to stop, without waiting: a source peer then stops sending and reports what it sent. */
    void requestStop();

    /** Stops it at once. */
    void kill();

    /** Asks it to stop, waits a little, then kills it. Never leaves it running. */
    @Override
    void close();
}
