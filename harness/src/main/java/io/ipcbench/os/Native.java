package io.ipcbench.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.kenai.jffi.MemoryIO;
import jnr.constants.platform.Errno;
import jnr.ffi.LibraryLoader;

/**
 * The loaded {@link LibC} with the Linux constants it needs, and helpers that turn a failed call
 * into an {@link IOException} that names the errno ("ECONNREFUSED: Connection refused").
 *
 * <p>Constants are those of Linux on x86_64 and aarch64 (the generic ABI); ipcbench runs on Linux only.
 */
public final class Native {
    public static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final MemoryIO MEMORY = MemoryIO.getInstance();

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_SEQPACKET = 5;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_LINGER = 13;
    public static final int SO_PEERCRED = 17;
    public static final int SO_RCVTIMEO = 20;
    public static final int IPPROTO_TCP = 6;
    public static final int TCP_NODELAY = 1;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final short POLLIN = 0x1;

    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int ENXIO = 6;
    public static final int EAGAIN = 11;
    public static final int EPIPE = 32;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ECONNREFUSED = 111;
    public static final int EINPROGRESS = 115;

    private Native() {
    }

    /** errno of the last failed call on this thread; call it right after the call that failed. */
    public static int errno() {
        return MEMORY.getInt(LIBC.__errno_location());
    }

    /** "ENOENT: No such file or directory". */
    public static String describe(int errno) {
        Errno known = Errno.valueOf(errno);
        String name = known == null || known == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : known.name();
        return name + ": " + LIBC.strerror(errno);
    }

    /** An exception for a failed call, with what was being done and the errno's name and text. */
    public static IOException failure(String what, int errno) {
        return new NativeIOException(what + " failed (" + describe(errno) + ")", errno);
    }

    /** Throws if {@code result} is negative, reading errno at once. */
    public static int check(int result, String what) throws IOException {
        if (result < 0) {
            throw failure(what, errno());
        }
        return result;
    }

    /** A zeroed direct buffer in native byte order. */
    public static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /**
     * The native address of a direct buffer. The address does not keep the buffer alive: a caller
     * that holds only the address across a native call must keep the buffer reachable (a field, or
     * {@link java.lang.ref.Reference#reachabilityFence} after the call), or the collector may free
     * the memory the kernel is writing into.
     */
    public static long address(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("buffer is not direct");
        }
        return MEMORY.getDirectBufferAddress(direct);
    }

    /** An {@link IOException} that keeps the errno it came from. */
    public static final class NativeIOException extends IOException {
        private final int errno;

        NativeIOException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }
}
