package io.ipcbench.os;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * poll(2) over a fixed set of descriptors, with the pollfd array allocated once: waiting and
 * asking which descriptor is readable allocate nothing, so a measured loop may use it.
 *
 * <p>poll rather than epoll: the sets here are at most a few thousand descriptors, each with one
 * message in flight, and poll's array is one plain buffer with no per-platform struct packing.
 */
public final class Poller {
    private static final int POLLFD_BYTES = 8;
    private static final int REVENTS_OFFSET = 6;
    private static final short POLLERR_OR_HUP = 0x8 | 0x10;

    private final ByteBuffer pollFds;
    private final long address;
    private final int count;

    public Poller(int[] descriptors) {
        this.count = descriptors.length;
        this.pollFds = Native.allocate(Math.max(1, count) * POLLFD_BYTES);
        this.address = Native.address(pollFds);
        for (int i = 0; i < count; i++) {
            pollFds.putInt(i * POLLFD_BYTES, descriptors[i]);
            pollFds.putShort(i * POLLFD_BYTES + 4, Native.POLLIN);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: for ever) for any descriptor to become readable.
     *
     * @return how many are ready; 0 on timeout or when interrupted by a signal
     */
    public int await(int timeoutMillis) throws IOException {
        int ready = LIBC.poll(address, count, timeoutMillis);
        if (ready < 0) {
            int errno = Native.errno();
            if (errno == Native.EINTR) {
                return 0;
            }
            throw Native.failure("poll()", errno);
        }
        return ready;
    }

    /** Whether descriptor {@code index} was readable (or closed, or in error) at the last {@link #await}. */
    public boolean ready(int index) {
        return pollFds.getShort(index * POLLFD_BYTES + REVENTS_OFFSET) != 0;
    }

    /** Whether descriptor {@code index} reported an error or hang-up rather than data. */
    public boolean failed(int index) {
        return (pollFds.getShort(index * POLLFD_BYTES + REVENTS_OFFSET) & POLLERR_OR_HUP) != 0
                && (pollFds.getShort(index * POLLFD_BYTES + REVENTS_OFFSET) & Native.POLLIN) == 0;
    }

    /** Leaves descriptor {@code index} out of later waits (poll skips negative descriptors). */
    public void ignore(int index) {
        pollFds.putInt(index * POLLFD_BYTES, -1);
        pollFds.putShort(index * POLLFD_BYTES + REVENTS_OFFSET, (short) 0);
    }

    public int size() {
        return count;
    }
}
