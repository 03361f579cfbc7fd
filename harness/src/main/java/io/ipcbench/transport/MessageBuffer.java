package io.ipcbench.transport;

import java.nio.ByteBuffer;

import io.ipcbench.os.Native;

/**
 * A direct buffer with its native address, allocated once per connection and reused for every
 * message, so that a measured loop neither allocates nor pins anything per call.
 */
public final class MessageBuffer {
    private final ByteBuffer buffer;
    private final long address;

    public MessageBuffer(int capacity) {
        this.buffer = Native.allocate(capacity);
        this.address = Native.address(buffer);
    }

    /** The buffer itself; absolute gets and puts only, its position and limit are not used. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public long address() {
        return address;
    }

    public int capacity() {
        return buffer.capacity();
    }
}
