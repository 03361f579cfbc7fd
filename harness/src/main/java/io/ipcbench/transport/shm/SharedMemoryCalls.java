package io.ipcbench.transport.shm;

import jnr.ffi.Pointer;

/**
 * The libc calls the shm transport makes and nothing else does, bound through jnr-ffi with
 * primitive arguments only: a memfd, its size, its mapping, and whether the other side's process
 * still runs.
 *
 * <p>{@code mmap} takes and returns a {@link Pointer}: bound with six numeric arguments, jnr-ffi's
 * generated fast path passed them wrongly (glibc refused the call with EINVAL before making it). It
 * is called twice per cell, never in a measured loop.
 */
public interface SharedMemoryCalls {
    int MFD_CLOEXEC = 1;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;
    int MAP_PRIVATE = 2;
    int MAP_FIXED = 0x10;
    int MAP_ANONYMOUS = 0x20;
    /** What {@code mmap} returns on failure, as an address. */
    long MAP_FAILED = -1;
    int O_RDWR = 2;
    int EPERM = 1;

    int memfd_create(String name, int flags);

    int ftruncate(int fd, long length);

    Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

    int munmap(long address, long length);

    int kill(int pid, int signal);
}
