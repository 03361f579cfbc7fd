package io.ipcbench.transport.shm;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ipcbench.os.Native;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The mapping both sides share: a header page, then the ring from client to peer, then the ring
 * from peer to client, each an Agrona {@link OneToOneRingBuffer} over an {@link UnsafeBuffer} on
 * the mapped memory.
 *
 * <pre>
 *   0            header: magic, ring capacity, idle strategy, client pid, peer pid, closed flags
 *   4096         ring to the peer     (capacity + Agrona's trailer, rounded up to a page)
 *   4096 + ring  ring to the client
 * </pre>
 *
 * <p>The client makes it, as a memfd sized for the cell's messages; the peer maps the same memfd.
 * Each side's mapping lasts until {@link #release()}: it is then replaced, in one call, by private
 * zero pages, so that a loop still reading on another thread finds an empty ring instead of
 * unmapped memory, and the shared pages go back to the kernel once the other side lets go too. The
 * address range itself is returned when this object is collected.
 */
final class SharedRings {
    static final SharedMemoryCalls CALLS = LibraryLoader.create(SharedMemoryCalls.class).load("c");

    /** Agrona's OneToOneRingBuffer takes a message of at most an eighth of its capacity. */
    static final int MESSAGES_PER_RING = 8;
    /** Small messages still get a ring deep enough for a throughput cell's sender to run ahead. */
    static final int MIN_CAPACITY = 64 << 10;
    /** Two rings of this, 512 MiB of shared memory, for a message of 32 MiB. */
    static final int MAX_CAPACITY = 256 << 20;
    private static final int PAGE = 4096;

    private static final long MAGIC = 0x314D485342435049L; // "IPCBSHM1", little-endian
    private static final int MAGIC_AT = 0;
    private static final int CAPACITY_AT = 8;
    private static final int IDLE_AT = 16;
    private static final int CLIENT_PID_AT = 24;
    // Each side writes its own fields, a cache line apart from the other's.
    private static final int PEER_PID_AT = 64;
    private static final int CLIENT_CLOSED_AT = 128;
    private static final int PEER_CLOSED_AT = 192;

    private static final Cleaner CLEANER = Cleaner.create();

    private final long address;
    private final long length;
    private final int capacity;
    private final UnsafeBuffer header;
    private final OneToOneRingBuffer toPeer;
    private final OneToOneRingBuffer toClient;
    private final AtomicBoolean released = new AtomicBoolean();

    private SharedRings(long address, long length, int capacity) {
        this.address = address;
        this.length = length;
        this.capacity = capacity;
        this.header = new UnsafeBuffer(address, PAGE);
        int ring = ringBytes(capacity);
        this.toPeer = new OneToOneRingBuffer(new UnsafeBuffer(address + PAGE,
                capacity + RingBufferDescriptor.TRAILER_LENGTH));
        this.toClient = new OneToOneRingBuffer(new UnsafeBuffer(address + PAGE + ring,
                capacity + RingBufferDescriptor.TRAILER_LENGTH));
        CLEANER.register(this, new Unmap(address, length));
    }

    /** The ring capacity for messages of {@code messageSize} bytes: a power of two, eight messages at least. */
    static int capacityFor(int messageSize) {
        long needed = (long) MESSAGES_PER_RING * messageSize;
        if (needed > MAX_CAPACITY) {
            throw new IllegalArgumentException("a shm message of " + messageSize + " B needs a ring of " + needed
                    + " B, more than the " + MAX_CAPACITY + " B a ring may take");
        }
        return Math.max(MIN_CAPACITY, BitUtil.findNextPositivePowerOfTwo((int) needed));
    }

    /** What the mapping of two rings of {@code capacity} takes, header included. */
    static long mappingBytes(int capacity) {
        return PAGE + 2L * ringBytes(capacity);
    }

    private static int ringBytes(int capacity) {
        return BitUtil.align(capacity + RingBufferDescriptor.TRAILER_LENGTH, PAGE);
    }

    /** Client side: sizes the memfd {@code fd} for rings of {@code capacity}, maps it and writes the header. */
    static SharedRings create(int fd, int capacity, IdleChoice idle, long clientPid) throws IOException {
        long length = mappingBytes(capacity);
        Native.check(CALLS.ftruncate(fd, length), "ftruncate(memfd)");
        SharedRings rings = new SharedRings(map(fd, length), length, capacity);
        rings.header.putLong(CAPACITY_AT, capacity);
        rings.header.putLong(IDLE_AT, idle.ordinal());
        rings.header.putLong(CLIENT_PID_AT, clientPid);
        rings.header.putLongRelease(MAGIC_AT, MAGIC);
        return rings;
    }

    /** Peer side: maps the client's memfd, opened as {@code fd}, of {@code length} bytes, and checks its header. */
    static SharedRings open(int fd, long length) throws IOException {
        if (length < PAGE) {
            throw new IOException("the shared mapping is " + length + " B, too short to hold its header");
        }
        long address = map(fd, length);
        UnsafeBuffer header = new UnsafeBuffer(address, PAGE);
        long capacity = header.getLongAcquire(MAGIC_AT) == MAGIC ? header.getLong(CAPACITY_AT) : -1;
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || mappingBytes((int) capacity) != length) {
            CALLS.munmap(address, length);
            throw new IOException("the shared mapping does not hold two ipcbench rings (capacity " + capacity
                    + ", " + length + " B)");
        }
        return new SharedRings(address, length, (int) capacity);
    }

    private static long map(int fd, long length) throws IOException {
        Pointer mapped = CALLS.mmap(null, length, SharedMemoryCalls.PROT_READ | SharedMemoryCalls.PROT_WRITE,
                SharedMemoryCalls.MAP_SHARED, fd, 0);
        if (mapped == null || mapped.address() == SharedMemoryCalls.MAP_FAILED) {
            throw Native.failure("mmap(memfd, " + length + " B)", Native.errno());
        }
        return mapped.address();
    }

    int capacity() {
        return capacity;
    }

    IdleChoice idle() {
        return IdleChoice.values()[(int) header.getLong(IDLE_AT)];
    }

    long clientPid() {
        return header.getLong(CLIENT_PID_AT);
    }

    /** Written by the peer before its hello, so the client knows whose life to watch. */
    void publishPeerPid(long pid) {
        header.putLongRelease(PEER_PID_AT, pid);
    }

    long peerPid() {
        return header.getLongAcquire(PEER_PID_AT);
    }

    OneToOneRingBuffer toPeer() {
        return toPeer;
    }

    OneToOneRingBuffer toClient() {
        return toClient;
    }

    /** Says that one side has closed: the other reads to the end of the ring, then end-of-file. */
    void markClosed(boolean clientSide) {
        header.putLongRelease(clientSide ? CLIENT_CLOSED_AT : PEER_CLOSED_AT, 1);
    }

    boolean closedBy(boolean clientSide) {
        return header.getLongAcquire(clientSide ? CLIENT_CLOSED_AT : PEER_CLOSED_AT) != 0;
    }

    /**
     * Lets go of the shared memory: the range is mapped again, in place, as private zero pages (a
     * ring that reads as empty, for a loop that has not yet seen the close). Once both sides have
     * let go and the client's memfd is closed, the kernel frees the pages.
     */
    void release() {
        if (released.compareAndSet(false, true)) {
            // Should this fail, the shared pages stay mapped until the range is returned (see Unmap).
            CALLS.mmap(Pointer.wrap(Runtime.getRuntime(CALLS), address), length,
                    SharedMemoryCalls.PROT_READ | SharedMemoryCalls.PROT_WRITE, SharedMemoryCalls.MAP_PRIVATE
                            | SharedMemoryCalls.MAP_ANONYMOUS | SharedMemoryCalls.MAP_FIXED, -1, 0);
        }
    }

    /** Returns the address range once nothing can reach the rings any more. */
    private record Unmap(long address, long length) implements Runnable {
        @Override
        public void run() {
            CALLS.munmap(address, length);
        }
    }
}
