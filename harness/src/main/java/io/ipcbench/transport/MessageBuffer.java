package io.ipcbench.transport;

import java.nio.ByteBuffer;

import io.ipcbench.os.Native;

/**
 * A direct buffer with its native address, allocated once per connection and reused for every
 * message, so that a measured loop neither allocates nor pins anything per call.
 */
public final class MessageBuffer {
    /** Room past a message's size in a buffer that receives it, so that a datagram longer than expected shows as the wrong size. */
    public static final int RECEIVE_SLACK = 64;

    private final ByteBuffer buffer;
    private final long address;

    public MessageBuffer(int capacity) {
        this.buffer = Native.allocate(capacity);
        this.address = Native.address(buffer);
    }

    /** A buffer to receive messages of {@code size} bytes into: {@link #receivingBytes} of them. */
    public static MessageBuffer forReceiving(int size) {
        return new MessageBuffer(Math.toIntExact(receivingBytes(size)));
    }

    /** What a buffer to receive messages of {@code size} bytes takes. */
    public static long receivingBytes(int size) {
        return (long) size + RECEIVE_SLACK;
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
