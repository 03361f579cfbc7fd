/**
 * The {@link io.ipcbench.transport.Engine#JDK jdk} engine: the kernel transports (all but shm)
 * written the way a Java application would write them, so that the gap to the raw engine is what a
 * Java service pays for the JVM's I/O machinery (channel locks, interruptible begin/end,
 * bookkeeping) over the system calls themselves.
 *
 * <table>
 *   <caption>What each transport uses</caption>
 *   <tr><th>transport</th><th>client</th><th>peer</th></tr>
 *   <tr><td>pipe</td><td>{@code FileChannel.open("/proc/self/fd/N")} on its ends of the peer's
 *       standard streams</td>
 *       <td>{@code new FileInputStream(FileDescriptor.in).getChannel()}, and the same for {@code out}</td></tr>
 *   <tr><td>fifo</td><td colspan="2">{@code FileChannel.open} on two FIFOs (made with jnr-posix's
 *       mkfifo)</td></tr>
 *   <tr><td>tcp</td><td colspan="2">{@code ServerSocketChannel} / {@code SocketChannel}, TCP_NODELAY
 *       per the options</td></tr>
 *   <tr><td>udp</td><td>connected non-blocking {@code DatagramChannel} + {@code Selector} (for the receive
 *       timeout)</td><td>connected blocking {@code DatagramChannel}</td></tr>
 *   <tr><td>unix-stream</td><td colspan="2">the JDK's {@code SocketChannel} for
 *       {@code StandardProtocolFamily.UNIX}</td></tr>
 *   <tr><td>unix-dgram</td><td colspan="2">junixsocket {@code AFUNIXDatagramChannel}, SO_RCVTIMEO
 *       through {@code setSoTimeout}</td></tr>
 *   <tr><td>unix-seqpacket</td><td colspan="2">junixsocket {@code AFUNIXDatagramChannel} of type
 *       {@code SOCK_SEQPACKET}, with {@code listen} and {@code accept}</td></tr>
 * </table>
 *
 * <p>Every connection hands the message's own direct buffer to the channel, setting its position
 * and limit, so nothing is copied or allocated on the JDK's side; blocking channels, one system
 * call per read or write, as the raw engine makes. Two places pay more, and it is part of what is
 * measured:
 * <ul>
 *   <li>udp: a blocking {@code DatagramChannel} cannot time out, so the client's receive waits in
 *       {@code Selector.select(Consumer, timeout)} first: one {@code epoll_wait} more per round
 *       trip than the raw engine's single {@code recv} with SO_RCVTIMEO. The socket adaptor's
 *       {@code setSoTimeout} would cost four {@code fcntl}s per receive and a heap copy.</li>
 *   <li>unix-dgram and unix-seqpacket: junixsocket 2.11's channel read and write each allocate a
 *       small object (a capturing lambda for the socket timeout), 24 bytes a call. The JDK has no
 *       Unix datagram or seqpacket sockets, so there is no allocation-free Java path; it shows as
 *       young collections in the tail.</li>
 * </ul>
 * unix-stream uses the JDK's channel rather than junixsocket's: the same system calls, no
 * allocation (junixsocket's stream channel allocates about 32 bytes per write-and-read pair), and
 * no extra library.
 *
 * <p>Set-up is where blocking channels hurt: opening a FIFO, reading the hello from a
 * {@code FileChannel} or a blocking socket have no timeout in the JDK. Those steps run under a
 * {@code Deadline}, whose timer closes the channel (or opens the FIFO's
 * other end) when the connect timeout has passed. Accepts wait on a {@code Selector}, or on
 * SO_TIMEOUT for junixsocket. The hello is the raw engine's 16 bytes, so "hello received" means
 * "the peer is ready" for both engines; a peer always runs the same engine as its client.
 */
package io.ipcbench.transport.jdk;
