/*
 * A minimal C ping-pong, the reference the harness is checked against: fork, both ends pinned,
 * blocking read/write of fixed-size messages, the round trip timed with clock_gettime(MONOTONIC).
 *
 *   build: gcc -O2 -o pingpong pingpong.c
 *   run:   ./pingpong unix-stream|tcp|pipe SIZE ROUND_TRIPS CLIENT_CPU PEER_CPU
 *   prints: transport size p50_ns p99_ns round_trips
 *
 * The first tenth of the round trips warm up and are not counted.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) { perror(what); exit(1); }

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) die("sched_setaffinity");
}

static void full(int fd, char *buf, size_t n, int writing) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = writing ? write(fd, buf + done, n - done) : read(fd, buf + done, n - done);
        if (r <= 0) die(writing ? "write" : "read");
        done += (size_t) r;
    }
}

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return (x > y) - (x < y);
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s unix-stream|tcp|pipe SIZE ROUND_TRIPS CLIENT_CPU PEER_CPU\n", argv[0]);
        return 2;
    }
    const char *transport = argv[1];
    size_t size = (size_t) atol(argv[2]);
    long trips = atol(argv[3]);
    int client_cpu = atoi(argv[4]), peer_cpu = atoi(argv[5]);
    int c_in, c_out, p_in, p_out;

    if (strcmp(transport, "unix-stream") == 0) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) die("socketpair");
        c_in = c_out = sv[0];
        p_in = p_out = sv[1];
    } else if (strcmp(transport, "pipe") == 0) {
        int a[2], b[2];
        if (pipe(a) != 0 || pipe(b) != 0) die("pipe");
        c_out = a[1]; p_in = a[0]; p_out = b[1]; c_in = b[0];
    } else if (strcmp(transport, "tcp") == 0) {
        int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        socklen_t len = sizeof addr;
        if (l < 0 || bind(l, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(l, 1) != 0) die("listen");
        if (getsockname(l, (struct sockaddr *) &addr, &len) != 0) die("getsockname");
        int c = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *) &addr, sizeof addr) != 0) die("connect");
        int p = accept(l, NULL, NULL);
        if (p < 0) die("accept");
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(p, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        close(l);
        c_in = c_out = c;
        p_in = p_out = p;
    } else {
        fprintf(stderr, "unknown transport %s\n", transport);
        return 2;
    }
    char *buf = calloc(1, size);
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
    pin(client_cpu);
    long warm = trips / 10;
    int64_t *rtt = malloc(sizeof(int64_t) * (size_t) (trips - warm));
    for (long i = 0; i < trips; i++) {
        int64_t start = now_ns();
        full(c_out, buf, size, 1);
        full(c_in, buf, size, 0);
        if (i >= warm) rtt[i - warm] = now_ns() - start;
    }
    waitpid(peer, NULL, 0);
    long n = trips - warm;
    qsort(rtt, (size_t) n, sizeof *rtt, cmp);
    printf("%s %zu %lld %lld %ld\n", transport, size, (long long) rtt[n / 2], (long long) rtt[n * 99 / 100], n);
    return 0;
}
