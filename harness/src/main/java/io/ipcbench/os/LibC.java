package io.ipcbench.os;

import jnr.ffi.annotations.IgnoreError;

/**
 * The libc calls ipcbench makes, bound through jnr-ffi.
 *
 * <p>Every pointer is passed as a plain {@code long} address (of a direct {@code ByteBuffer}).
 * With only primitive arguments jnr-ffi takes its fast numeric call path, which is what brings a
 * Java round trip within 10% of a C program (measured at 64 B): NIO's channel machinery (locks,
 * interruptible begin/end) costs more than the kernel's own work for small messages.
 *
 * <p>The data-path calls ({@code read}, {@code write}, {@code send}, {@code recv}) are marked
 * {@link IgnoreError}: they do not save errno, and a caller that sees {@code -1} reads it with
 * {@link #__errno_location()} straight after the call, before any other native call on the thread.
 */
public interface LibC {
    @IgnoreError long read(int fd, long buffer, long count);

    @IgnoreError long write(int fd, long buffer, long count);

    @IgnoreError long recv(int fd, long buffer, long length, int flags);

    @IgnoreError long send(int fd, long buffer, long length, int flags);

    /** Address of the calling thread's errno. */
    @IgnoreError long __errno_location();

    int socket(int domain, int type, int protocol);

    int bind(int fd, long address, int addressLength);

    int listen(int fd, int backlog);

    int accept4(int fd, long address, long addressLengthPointer, int flags);

    int connect(int fd, long address, int addressLength);

    int getsockname(int fd, long address, long addressLengthPointer);

    int setsockopt(int fd, int level, int option, long value, int valueLength);

    int getsockopt(int fd, int level, int option, long value, long valueLengthPointer);

    int open(String path, int flags, int mode);

    int close(int fd);

    /** Two descriptors, read end then write end, as two ints at {@code fds}. */
    int pipe2(long fds, int flags);

    int fcntl(int fd, int command, int argument);

    int poll(long pollFds, long count, int timeoutMillis);

    int epoll_create1(int flags);

    int epoll_ctl(int epollFd, int operation, int fd, long event);

    int epoll_wait(int epollFd, long events, int maxEvents, int timeoutMillis);

    /** epoll_wait with a {@code struct timespec} timeout at {@code timeout} (Linux 5.11, glibc 2.35); no signal mask. */
    @IgnoreError int epoll_pwait2(int epollFd, long events, int maxEvents, long timeout, long signalMask);

    int prctl(int option, long argument2, long argument3, long argument4, long argument5);

    int sched_setaffinity(int pid, long cpuSetSize, long mask);

    int sched_getaffinity(int pid, long cpuSetSize, long mask);

    int sched_getcpu();

    String strerror(int errno);
}
