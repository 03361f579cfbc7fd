package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.os.Native;
import io.ipcbench.os.Poller;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * A listening stream or seqpacket socket: accepts, configures, and waits for the peer's hello.
 * Shared by TCP, Unix stream and Unix seqpacket, which differ only in how they bind.
 *
 * <p>Any local process can connect first. So every connection that comes is a candidate, read
 * without blocking, and several are watched at once: the first whose hello carries the session's
 * secret (and, on a Unix socket, whose process is the peer's, by SO_PEERCRED) is the peer's; a
 * candidate that says something else, or closes, is turned away and counted, and one that says
 * nothing cannot hold the peer up. Candidates outlive one {@link #accept}: a peer that makes several
 * connections may have the next one waiting already; those still waiting when the listener closes
 * are turned away.
 */
final class SocketListener implements Listener {
    /** Candidates watched at once; the oldest gives way to a newer one beyond this. */
    static final int MAX_CANDIDATES = 64;

    /** Options applied to each accepted socket. */
    interface Configurer {
        void configure(int fd, TransportOptions options) throws IOException;
    }

    private final int fd;
    private final String address;
    private final TransportOptions options;
    private final Configurer configurer;
    private final boolean boundaries;
    private final Path socketFile;
    /** Connections accepted whose hello is not yet whole, by slot (slot k + 1 in the poller); null: free. */
    private final List<Candidate> candidates = new ArrayList<>();
    /** Slot 0 is the listening socket, slot k + 1 the candidate k; made at the first accept. */
    private Poller poller;
    private long admitted;
    private int strangers;

    SocketListener(int fd, String address, TransportOptions options, Configurer configurer) {
        this(fd, address, options, configurer, false, null);
    }

    /** @param socketFile a Unix socket's path, removed on close; null for TCP */
    SocketListener(int fd, String address, TransportOptions options, Configurer configurer,
                   boolean boundaries, Path socketFile) {
        this.fd = fd;
        this.address = address;
        this.options = options;
        this.configurer = configurer;
        this.boundaries = boundaries;
        this.socketFile = socketFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int strangers() {
        return strangers;
    }

    @Override
    public Connection accept(long peerPid) throws IOException {
        if (poller == null) {
            poller = Poller.ofSlots(MAX_CANDIDATES + 1);
            poller.watch(0, fd, false);
        }
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        // A candidate whose hello came with an earlier one's may be readable already, with no event to come.
        for (int k = 0; k < candidates.size(); k++) {
            Connection peer = consider(k, peerPid);
            if (peer != null) {
                return peer;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            int ready = left <= 0 ? 0 : poller.await((int) Math.max(1, left / 1_000_000));
            if (ready == 0 && System.nanoTime() - deadline >= 0) {
                throw new SocketTimeoutException("no connection from the peer said its hello within "
                        + options.connectTimeout().toMillis() + " ms" + (strangers > 0 ? " (" + strangers
                        + " strangers turned away)" : ""));
            }
            // Candidates first: a peer with several connections has its next ones waiting, whole.
            boolean listenerReady = false;
            for (int k = 0; k < ready; k++) {
                int slot = poller.readyIndex(k);
                listenerReady |= slot == 0;
                Connection peer = slot == 0 ? null : consider(slot - 1, peerPid);
                if (peer != null) {
                    return peer;
                }
            }
            if (listenerReady) {
                admit();
            }
        }
    }

    /** Reads what has come of candidate {@code k}'s hello; its connection once it is the peer's, else null. */
    private Connection consider(int k, long peerPid) throws IOException {
        Candidate candidate = candidates.get(k);
        if (candidate == null) {
            return null;
        }
        boolean peer = candidate.readHello() && isPeer(candidate, peerPid);
        if (peer || candidate.closed) {
            candidates.set(k, null);
        }
        if (peer) {
            poller.ignore(k + 1);
            return candidate.connection;
        }
        return null;
    }

    /** Accepts a waiting connection as a candidate, in a free slot, or in the place of the oldest. */
    private void admit() throws IOException {
        int accepted = Native.check(LIBC.accept4(fd, 0, 0, Native.SOCK_CLOEXEC), "accept()");
        Candidate candidate;
        try {
            configurer.configure(accepted, options);
            candidate = new Candidate(accepted, boundaries ? new FdDatagramConnection(accepted, true)
                    : new FdStreamConnection(accepted));
        } catch (IOException | RuntimeException e) {
            Sockets.close(accepted);
            throw e;
        }
        int slot = candidates.indexOf(null);
        if (slot < 0 && candidates.size() < MAX_CANDIDATES) {
            candidates.add(candidate);
            slot = candidates.size() - 1;
        } else if (slot < 0) {
            slot = 0;
            for (int k = 1; k < candidates.size(); k++) {
                if (candidates.get(k).order < candidates.get(slot).order) {
                    slot = k;
                }
            }
            turnAway(candidates.get(slot));
            candidates.set(slot, candidate);
        } else {
            candidates.set(slot, candidate);
        }
        poller.watch(slot + 1, accepted, false);
    }

    /** Whether a candidate whose hello is whole is the peer: the secret, and on a Unix socket the process too. */
    private boolean isPeer(Candidate candidate, long peerPid) {
        try {
            Hello.check(candidate.hello.buffer(), Hello.LENGTH, options.secret());
            if (socketFile != null && peerPid > 0 && Sockets.peerPid(candidate.fd) != peerPid) {
                throw new Hello.StrangerException("the connecting process was not the peer");
            }
            return true;
        } catch (IOException stranger) {
            turnAway(candidate);
            return false;
        }
    }

    private void turnAway(Candidate candidate) {
        if (!candidate.closed) {
            candidate.connection.close();
            candidate.closed = true;
            strangers++;
        }
    }

    /** A connection not yet known to be the peer's, and as much of its hello as has come. */
    private final class Candidate {
        final int fd;
        final Connection connection;
        final MessageBuffer hello = MessageBuffer.forReceiving(Hello.LENGTH);
        /** When it was admitted, counted: the oldest gives way when every slot is taken. */
        final long order = admitted++;
        int received;
        boolean closed;

        Candidate(int fd, Connection connection) {
            this.fd = fd;
            this.connection = connection;
        }

        /** Reads what has come of the hello; true once it is whole. A candidate that closes or fails is turned away. */
        boolean readHello() {
            try {
                int n = boundaries ? connection.receiveSome(hello, 0, hello.capacity())
                        : connection.receiveSome(hello, received, Hello.LENGTH - received);
                received = boundaries ? (n > 0 ? n : received) : received + n;
                if (boundaries && n > 0 && n != Hello.LENGTH) {
                    throw new Hello.StrangerException("the first message was " + n + " bytes");
                }
                return received == Hello.LENGTH;
            } catch (IOException | RuntimeException e) {
                turnAway(this);
                return false;
            }
        }
    }

    @Override
    public void turnAwayTheRest() {
        for (int k = 0; k < candidates.size(); k++) {
            Candidate candidate = candidates.get(k);
            if (candidate != null) {
                candidates.set(k, null);
                poller.ignore(k + 1);
                turnAway(candidate);
            }
        }
    }

    @Override
    public void close() {
        for (Candidate candidate : candidates) {
            if (candidate != null) {
                turnAway(candidate);
            }
        }
        if (poller != null) {
            poller.close();
        }
        Sockets.close(fd);
        SocketFiles.remove(socketFile);
    }

    /** SO_SNDBUF and SO_RCVBUF, when the options ask for a size. */
    static void applyBufferSizes(int fd, TransportOptions options) throws IOException {
        if (options.sendBufferBytes() > 0) {
            Sockets.setInt(fd, Native.SOL_SOCKET, Native.SO_SNDBUF, options.sendBufferBytes(), "SO_SNDBUF");
        }
        if (options.receiveBufferBytes() > 0) {
            Sockets.setInt(fd, Native.SOL_SOCKET, Native.SO_RCVBUF, options.receiveBufferBytes(), "SO_RCVBUF");
        }
    }
}
