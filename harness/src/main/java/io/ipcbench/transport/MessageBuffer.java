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

    private MessageBuffer(ByteBuffer buffer, long address) {
        this.buffer = buffer;
        this.address = address;
    }

    /** {@code count} buffers of {@code capacity} bytes each, side by side in one allocation. */
    public static MessageBuffer[] several(int count, int capacity) {
        MessageBuffer whole = new MessageBuffer(Math.multiplyExact(count, capacity));
        MessageBuffer[] buffers = new MessageBuffer[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = new MessageBuffer(whole.buffer.slice(i * capacity, capacity).order(whole.buffer.order()),
                    whole.address + (long) i * capacity);
        }
        return buffers;
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
