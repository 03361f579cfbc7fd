package io.ipcbench.transport.shm;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.Reference;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * One side of the shm channel: writes messages into one ring and reads them from the other, and
 * while there is nothing to read (or no room to write) waits with its {@link IdleChoice}. Each
 * message is one ring record, so boundaries are kept.
 *
 * <p>A ring has no end of its own, as a socket has: the other side's close is a flag in the
 * header, and its death (a killed process closes nothing) is seen by asking the kernel whether its
 * process still runs, every {@value #ROUNDS_BETWEEN_LIVENESS_CHECKS} rounds of waiting, so that a
 * spinning wait makes no system call on its fast path.
 *
 * <p>Nothing in {@link #send}, {@link #receive} or {@link #receiveOnce} allocates, locks or logs:
 * the views of the caller's buffer are re-pointed, not made, and the record handler is made once.
 */
final class RingConnection implements Connection {
    /** Agrona's records carry a type; this channel has one. */
    private static final int MESSAGE_TYPE = 1;
    static final int ROUNDS_BETWEEN_LIVENESS_CHECKS = 1 << 10;
    private static final int ESRCH = 3;

    private final SharedRings rings;
    private final boolean clientSide;
    private final OneToOneRingBuffer outgoing;
    private final OneToOneRingBuffer incoming;
    private final int otherPid;
    private final IdleStrategy idle;
    private final UnsafeBuffer source = new UnsafeBuffer();
    private final UnsafeBuffer target = new UnsafeBuffer();
    private final MessageHandler copyOut = this::copyOut;
    private int copyLimit;
    private int copied;
    private int roundsIdle;
    private volatile boolean closed;

    /** @param clientSide whether this is the client's side, which writes the ring to the peer */
    RingConnection(SharedRings rings, boolean clientSide) {
        this.rings = rings;
        this.clientSide = clientSide;
        this.outgoing = clientSide ? rings.toPeer() : rings.toClient();
        this.incoming = clientSide ? rings.toClient() : rings.toPeer();
        this.otherPid = (int) (clientSide ? rings.peerPid() : rings.clientPid());
        this.idle = rings.idle().newStrategy();
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        if (length > outgoing.maxMsgLength()) {
            throw new IOException("a message of " + length + " B is too long for this ring, which takes at most "
                    + outgoing.maxMsgLength() + " B (an eighth of its " + outgoing.capacity() + " B)");
        }
        try {
            source.wrap(message.address(), length);
            while (!outgoing.write(MESSAGE_TYPE, source, 0, length)) {
                String gone = otherSideGone();
                if (gone != null) {
                    throw new IOException("cannot send: " + gone);
                }
                idle.idle();
            }
            idle.reset();
            roundsIdle = 0;
        } finally {
            // The message is read by address: keep its buffer, and the rings, reachable until it has gone.
            Reference.reachabilityFence(message);
            Reference.reachabilityFence(this);
        }
    }

    /** Reads one message, whatever its length, up to the buffer's capacity. */
    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        return receiveOnce(message, message.capacity());
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        try {
            copyLimit = Math.min(maxLength, message.capacity());
            target.wrap(message.address(), copyLimit);
            while (incoming.read(copyOut, 1) == 0) {
                String gone = otherSideGone();
                if (gone != null) {
                    // What it wrote before it went is still to be read.
                    if (incoming.read(copyOut, 1) > 0) {
                        break;
                    }
                    throw new EOFException(gone);
                }
                idle.idle();
            }
            idle.reset();
            roundsIdle = 0;
            return copied;
        } finally {
            Reference.reachabilityFence(message);
            Reference.reachabilityFence(this);
        }
    }

    /** A record longer than the buffer is cut, as a datagram socket cuts a datagram: it shows as the wrong size. */
    private void copyOut(int type, MutableDirectBuffer buffer, int index, int length) {
        copied = Math.min(length, copyLimit);
        buffer.getBytes(index, target, 0, copied);
    }

    /** Null while the other side may still write or read, else why it will not. */
    private String otherSideGone() throws InterruptedIOException {
        if (closed) {
            return "this side of the shared-memory channel was closed";
        }
        if (rings.closedBy(!clientSide)) {
            return "the other side closed the shared-memory channel";
        }
        if (++roundsIdle % ROUNDS_BETWEEN_LIVENESS_CHECKS == 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting on the shared-memory ring");
            }
            if (!alive(otherPid)) {
                return "the other side's process (pid " + otherPid + ") is gone";
            }
        }
        return null;
    }

    /** Whether a process runs: kill(pid, 0) delivers nothing, it only checks. */
    private static boolean alive(int pid) {
        return SharedRings.CALLS.kill(pid, 0) == 0 || Native.errno() != ESRCH;
    }

    /** The idle strategy this side waits with, as Agrona names it: {@code spin}, {@code yield}, {@code backoff}. */
    String idleStrategy() {
        return idle.alias();
    }

    /** Says so to the other side, then lets go of the mapping (safely, even under a loop on another thread). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            rings.markClosed(clientSide);
            rings.release();
        }
    }
}
