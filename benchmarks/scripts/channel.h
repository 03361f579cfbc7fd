/*
 * What the C reference programs beside it share: errors, pinning, whole-message reads and writes,
 * the clock, and the channel between a client and its forked peer. Included, not linked: each
 * program still builds alone with gcc -O2 -o NAME NAME.c.
 */
#ifndef IPCBENCH_CHANNEL_H
#define IPCBENCH_CHANNEL_H
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static inline void die(const char *what) { perror(what); exit(1); }

static inline void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) die("sched_setaffinity");
}

static inline void full(int fd, char *buf, size_t n, int writing) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = writing ? write(fd, buf + done, n - done) : read(fd, buf + done, n - done);
        if (r <= 0) die(writing ? "write" : "read");
        done += (size_t) r;
    }
}

static inline int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return (x > y) - (x < y);
}

static inline int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

/*
 * A loopback TCP connection, TCP_NODELAY on both ends: the dialling socket and the one the listener
 * accepted. The listener is closed once it has accepted.
 */
static inline void tcp_loopback_pair(int *dialled, int *accepted) {
    int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (l < 0 || bind(l, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(l, 1) != 0) die("listen");
    if (getsockname(l, (struct sockaddr *) &addr, &len) != 0) die("getsockname");
    *dialled = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(*dialled, (struct sockaddr *) &addr, sizeof addr) != 0) die("connect");
    *accepted = accept(l, NULL, NULL);
    if (*accepted < 0) die("accept");
    setsockopt(*dialled, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(*accepted, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    close(l);
}

/*
 * A two-way channel over unix-stream (socketpair), pipe (two pipes) or tcp (loopback, TCP_NODELAY
 * on both ends): the client's and the peer's read and write ends. Returns -1 for an unknown name.
 */
static inline int open_channel(const char *transport, int *c_in, int *c_out, int *p_in, int *p_out) {
    if (strcmp(transport, "unix-stream") == 0) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) die("socketpair");
        *c_in = *c_out = sv[0];
        *p_in = *p_out = sv[1];
    } else if (strcmp(transport, "pipe") == 0) {
        int a[2], b[2];
        if (pipe(a) != 0 || pipe(b) != 0) die("pipe");
        *c_out = a[1]; *p_in = a[0]; *p_out = b[1]; *c_in = b[0];
    } else if (strcmp(transport, "tcp") == 0) {
        int c, p;
        tcp_loopback_pair(&c, &p);
        *c_in = *c_out = c;
        *p_in = *p_out = p;
    } else {
        return -1;
    }
    return 0;
}

/*
 * Forks the echo peer of a ping-pong: pinned to peer_cpu, it reads and writes back trips messages
 * of size bytes through buf, then exits. Returns its pid, in the client.
 */
static inline pid_t fork_echo_peer(int p_in, int p_out, char *buf, size_t size, long trips, int peer_cpu) {
    pid_t peer = fork();
    if (peer < 0) die("fork");
    if (peer == 0) {
        pin(peer_cpu);
        for (long i = 0; i < trips; i++) {
            full(p_in, buf, size, 0);
            full(p_out, buf, size, 1);
        }
        _exit(0);
    }
    return peer;
}
#endif
