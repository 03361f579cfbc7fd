package io.ipcbench.os;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Waits for any of a fixed set of descriptors to become readable, or writable where asked, with
 * epoll: a wait costs in proportion to the descriptors that are ready, not to all of them, which
 * matters with hundreds of connections (poll(2) scans every socket on every call, and that scan,
 * not the transport, would be measured). The event arrays are allocated once, so waiting, reading
 * the ready set and switching a descriptor between reading and writing allocate nothing, and a
 * measured loop may use them.
 *
 * <p>Each descriptor is registered, for reading, with its index as the event's data;
 * {@link #readyIndex} gives the index of the k-th ready descriptor after {@link #await}. A poller
 * made with {@link #ofSlots} starts empty and takes a descriptor into a slot with {@link #watch}:
 * for connections that are opened and closed again and again (closing a descriptor takes it out).
 *
 * <p>{@link #awaitNanos} waits with a timeout to the nanosecond, with epoll_pwait2 (Linux 5.11,
 * glibc 2.35); where that is missing it waits whole milliseconds with epoll_wait, rounded down, and
 * a caller that must wake on time spins (waits with timeout 0) for the rest.
 */
public final class Poller implements Readiness {
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;
    private static final int EPOLLIN = 0x1;
    private static final int EPOLLOUT = 0x4;
    private static final int ENOSYS = 38;
    /** Whether this box has epoll_pwait2: the kernel's system call and the C library's wrapper. */
    private static final boolean NANOSECOND_TIMEOUTS = probeEpollPwait2();
    /** struct epoll_event is packed (12 bytes) on x86-64 and padded (16 bytes) elsewhere. */
    private static final boolean PACKED = System.getProperty("os.arch").matches("amd64|x86_64");
    private static final int EVENT_BYTES = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final int epollFd;
    private final int[] descriptors;
    private final ByteBuffer events;
    private final long eventsAddress;
    /** One event, for registering and changing what a descriptor is watched for. */
    private final ByteBuffer change = Native.allocate(EVENT_BYTES);
    private final long changeAddress = Native.address(change);
    /** A struct timespec for {@link #awaitNanos}: seconds, then nanoseconds. */
    private final ByteBuffer timeout = Native.allocate(2 * Long.BYTES);
    private final long timeoutAddress = Native.address(timeout);

    public Poller(int[] descriptors) throws IOException {
        this(descriptors.clone(), true);
    }

    /** A poller of {@code slots} slots, none watched yet: see {@link #watch}. */
    public static Poller ofSlots(int slots) throws IOException {
        int[] none = new int[slots];
        Arrays.fill(none, -1);
        return new Poller(none, false);
    }

    private Poller(int[] descriptors, boolean register) throws IOException {
        this.descriptors = descriptors;
        this.epollFd = Native.check(LIBC.epoll_create1(EPOLL_CLOEXEC), "epoll_create1()");
        try {
            for (int i = 0; register && i < descriptors.length; i++) {
                control(EPOLL_CTL_ADD, i, EPOLLIN, "epoll_ctl(ADD)");
            }
        } catch (IOException | RuntimeException e) {
            LIBC.close(epollFd);
            throw e;
        }
        this.events = Native.allocate(Math.max(1, descriptors.length) * EVENT_BYTES);
        this.eventsAddress = Native.address(events);
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: for ever) for any descriptor to become ready as it is
     * watched (or closed, or in error).
     *
     * @return how many are ready; 0 on timeout or when interrupted by a signal
     */
    @Override
    public int await(int timeoutMillis) throws IOException {
        int ready = LIBC.epoll_wait(epollFd, eventsAddress, Math.max(1, descriptors.length), timeoutMillis);
        if (ready < 0) {
            int errno = Native.errno();
            if (errno == Native.EINTR) {
                return 0;
            }
            throw Native.failure("epoll_wait()", errno);
        }
        return ready;
    }

    /**
     * Waits up to {@code timeoutNanos} (0: not at all, a look at what is ready now) for any
     * descriptor to become ready as it is watched. Without epoll_pwait2 the wait is cut to whole
     * milliseconds.
     *
     * @return how many are ready; 0 on timeout or when interrupted by a signal
     */
    @Override
    public int awaitNanos(long timeoutNanos) throws IOException {
        int max = Math.max(1, descriptors.length);
        int ready;
        if (NANOSECOND_TIMEOUTS) {
            timeout.putLong(0, timeoutNanos / 1_000_000_000L).putLong(Long.BYTES, timeoutNanos % 1_000_000_000L);
            ready = LIBC.epoll_pwait2(epollFd, eventsAddress, max, timeoutAddress, 0);
        } else {
            ready = LIBC.epoll_wait(epollFd, eventsAddress, max, (int) Math.min(Integer.MAX_VALUE, timeoutNanos / 1_000_000));
        }
        if (ready < 0) {
            int errno = Native.errno();
            if (errno == Native.EINTR) {
                return 0;
            }
            throw Native.failure("epoll_pwait2()", errno);
        }
        return ready;
    }

    /** Whether {@link #awaitNanos} waits to the nanosecond here, rather than in whole milliseconds. */
    public static boolean nanosecondTimeouts() {
        return NANOSECOND_TIMEOUTS;
    }

    /** Asks epoll_pwait2 about a descriptor that does not exist: EBADF means it is there, ENOSYS that the kernel lacks it. */
    private static boolean probeEpollPwait2() {
        try {
            return LIBC.epoll_pwait2(-1, 0, 1, 0, 0) == 0 || Native.errno() != ENOSYS;
        } catch (LinkageError missingFromTheCLibrary) {
            return false;
        }
    }

    /** The index (in the array given at construction) of the k-th descriptor ready at the last {@link #await}. */
    @Override
    public int readyIndex(int k) {
        return (int) events.getLong(k * EVENT_BYTES + DATA_OFFSET);
    }

    @Override
    public void watchReadable(int index) throws IOException {
        control(EPOLL_CTL_MOD, index, EPOLLIN, "epoll_ctl(MOD)");
    }

    @Override
    public void watchWritable(int index) throws IOException {
        control(EPOLL_CTL_MOD, index, EPOLLOUT, "epoll_ctl(MOD)");
    }

    @Override
    public void watchReadableAndWritable(int index) throws IOException {
        control(EPOLL_CTL_MOD, index, EPOLLIN | EPOLLOUT, "epoll_ctl(MOD)");
    }

    private void control(int operation, int index, int interest, String what) throws IOException {
        change.putInt(0, interest).putLong(DATA_OFFSET, index);
        Native.check(LIBC.epoll_ctl(epollFd, operation, descriptors[index], changeAddress), what);
    }

    /**
     * Watches {@code fd} in slot {@code index}, for writing or else reading. The slot's former
     * descriptor must be closed by now (closing it took it out of the poller). Allocates nothing.
     */
    public void watch(int index, int fd, boolean writable) throws IOException {
        descriptors[index] = fd;
        control(EPOLL_CTL_ADD, index, writable ? EPOLLOUT : EPOLLIN, "epoll_ctl(ADD)");
    }

    /** Leaves descriptor {@code index} out of later waits. */
    public void ignore(int index) {
        LIBC.epoll_ctl(epollFd, EPOLL_CTL_DEL, descriptors[index], 0);
    }

    public int size() {
        return descriptors.length;
    }

    @Override
    public void close() {
        LIBC.close(epollFd);
    }
}
