package io.ipcbench.results;

/**
 * What a connect cell measured beside its operations. Each operation is a connection dialled, one
 * request of the cell's size, its reply, and the close, timed as a whole: that is the cell's
 * {@link CellResult#latencyNs()}, and {@link CellResult#roundTripsPerSec()} counts operations.
 *
 * @param connectNs      the connect alone, from a new socket to the connection usable (TCP: the
 *                       handshake answered); its intervals are tagged {@code connect} in the cell's log
 * @param closer         which side closed each connection first, once the reply was in: client or peer
 * @param linger0        whether that side reset the connection (SO_LINGER 0) rather than close it: no
 *                       TIME_WAIT is kept, which is not what a normal client does
 * @param timeWaitClient this side's TCP sockets in TIME_WAIT to the peer when the measured part ended
 *                       ({@code /proc/net/tcp}); null for a transport without TIME_WAIT
 * @param timeWaitPeer   the same on the peer's side, in its network namespace
 */
public record ConnectSetUp(LatencySummary connectNs, String closer, boolean linger0, Integer timeWaitClient,
                           Integer timeWaitPeer) {
}
