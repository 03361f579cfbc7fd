/**
 * The shm transport, the floor beneath every kernel path: two single-producer single-consumer
 * rings, Agrona's {@code OneToOneRingBuffer} over an {@code UnsafeBuffer}, one each way, in memory
 * both processes map. Sending a message is a copy into the ring and an ordered store; receiving, a
 * look at the ring and a copy out. No system call on the data path, so what the kernel paths spend
 * in the kernel, a ring spends waiting.
 *
 * <p><b>The mapping is a memfd</b>, not a file in the cell's private directory. That directory lives
 * under {@code /tmp}, which may be a disk: the dirty pages of a shared file mapping there are written
 * back, and a page written back is write-protected again, so that the next store into the ring takes
 * a fault. A memfd is anonymous shared memory in RAM, with no name in any file system: nothing to
 * remove, and the kernel frees it once the last mapping and descriptor are gone, whichever process
 * died. The client makes it, sized for the cell's messages, and keeps its descriptor open until its
 * listener closes; the peer opens it as {@code /proc/<client pid>/fd/<n>}, the address (as the pipe
 * transport finds descriptors through {@code /proc}, which takes the same user: the peer is).
 *
 * <p><b>Sizes.</b> Agrona's ring takes a message of at most an eighth of its capacity, a power of
 * two: a ring is eight times the message, 64 KiB at least (a throughput cell's sender can run
 * ahead), 256 MiB at most, so messages up to 32 MiB. The two rings take 16 times the message.
 *
 * <p><b>Waiting</b> is the transport's variant ({@link io.ipcbench.transport.shm.IdleChoice}):
 * Agrona's busy spin, yield or backoff. The client writes its choice into the mapping's header and
 * the peer reads it there, so both sides wait alike and the peer needs nothing else. A ring has no
 * end of its own: a side that closes raises a flag in the header (what it wrote before is still
 * read), and a side that was killed is seen by {@code kill(pid, 0)}, asked after every thousand or
 * so empty looks, so that a waiting side makes no system call on its fast path. Closing replaces
 * the mapping, in one call, with private zero pages, so that a loop still looking on another thread
 * (a test's peer thread, say) finds an empty ring instead of unmapped memory; the address range is
 * returned when the rings are collected.
 *
 * <p><b>Engines.</b> Only the raw engine implements it: a ring makes no system call and has no
 * channel to wrap, so a jdk engine would run this very code.
 *
 * <p><b>The JVM.</b> Agrona 2 reaches {@code jdk.internal.misc.Unsafe}, which {@code java.base}
 * does not export: every JVM that runs shm needs {@link io.ipcbench.transport.shm.ShmTransport#JVM_FLAG}.
 * {@code java -jar ipcbench.jar} reads it from the manifest ({@code Add-Exports}), the peer launcher
 * passes it, the build gives it to the tests and the JMH forks; elsewhere shm fails with that line.
 */
package io.ipcbench.transport.shm;
