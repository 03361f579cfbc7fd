package io.ipcbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened to the messages of a datagram cell, counted by sequence number, each message once.
 *
 * <p>In ping-pong, {@code sent = received + late + lost}: a round trip not answered within the
 * receive timeout is cut off (the histogram cannot hold it, and the next message goes out); if its
 * reply turns up afterwards it is {@code late}, and if it never does it is {@code lost}. A second
 * reply to a message already answered is {@code duplicated}. In a one-way flood, {@code lost} is
 * what the peer sent and never arrived, and {@code reordered} what arrived after a later message.
 *
 * @param sent       messages sent
 * @param received   replies (or flood messages) that arrived, in time for ping-pong
 * @param lost       never seen
 * @param duplicated arrived again
 * @param reordered  flood: arrived after a message sent later
 * @param late       ping-pong: arrived after the receive timeout had cut its round trip off
 */
public record DatagramCounts(long sent, long received, long lost, long duplicated, long reordered, long late) {
    /** Ping-pong round trips the receive timeout cut off: late or lost. */
    public long timedOut() {
        return late + lost;
    }

    /**
     * "of 10,000 sent: 12 cut off by the receive timeout (10 late, 2 never seen), 1 duplicated", or
     * null when every message arrived once and in order.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (timedOut() > 0) {
            parts.add(late > 0 ? String.format(Locale.ROOT, "%,d cut off by the receive timeout (%,d late, %,d never "
                    + "seen)", timedOut(), late, lost) : String.format(Locale.ROOT, "%,d lost", lost));
        }
        if (duplicated > 0) {
            parts.add(String.format(Locale.ROOT, "%,d duplicated", duplicated));
        }
        if (reordered > 0) {
            parts.add(String.format(Locale.ROOT, "%,d reordered", reordered));
        }
        return parts.isEmpty() ? null : String.format(Locale.ROOT, "of %,d sent: ", sent) + String.join(", ", parts);
    }
}
