package io.ipcbench.transport;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.Native;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** The two named pipes of the fifo transport, one each way, in the cell's private directory. */
public final class FifoPair {
    public static final String TO_PEER = "to-peer.fifo";
    public static final String TO_CLIENT = "to-client.fifo";
    /** Only this user may open them (the directory is 0700 as well). */
    private static final int FIFO_MODE = 0600;

    private FifoPair() {
    }

    /** Makes both FIFOs in {@code directory} with mkfifo. */
    public static void make(Path directory) throws IOException {
        POSIX posix = POSIXFactory.getNativePOSIX();
        for (String name : new String[] {TO_PEER, TO_CLIENT}) {
            Path fifo = directory.resolve(name);
            if (posix.mkfifo(fifo.toString(), FIFO_MODE) != 0) {
                throw Native.failure("mkfifo(" + fifo + ")", posix.errno());
            }
        }
    }

    /** Removes both; the private directory goes after the cell in any case. */
    public static void remove(Path directory) {
        SocketFiles.remove(directory.resolve(TO_PEER));
        SocketFiles.remove(directory.resolve(TO_CLIENT));
    }
}
