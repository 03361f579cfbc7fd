package io.ipcbench.results;

/**
 * What happened to the messages of a datagram cell, counted by sequence number. In ping-pong,
 * {@code sent = received + lost}; a late reply to a message already counted lost is counted in
 * {@code reordered}, a second reply to one already answered in {@code duplicated}.
 */
public record DatagramCounts(long sent, long received, long lost, long duplicated, long reordered) {
}
