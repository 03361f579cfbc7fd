/*
 * A minimal C one-way stream, the reference for the harness's throughput cells: fork, both ends
 * pinned, the child writes blocks of SIZE bytes as fast as the channel takes them, the parent reads
 * them in blocks of SIZE bytes for SECONDS and counts what arrived.
 *
 *   build: gcc -O2 -o stream stream.c
 *   run:   ./stream tcp|unix-stream|pipe SIZE SECONDS CLIENT_CPU PEER_CPU
 *   prints: transport size bytes_per_second
 *
 * The first quarter second warms up and is not counted.
 */
#include "channel.h"

#include <signal.h>
#include <sys/wait.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s tcp|unix-stream|pipe SIZE SECONDS CLIENT_CPU PEER_CPU\n", argv[0]);
        return 2;
    }
    const char *transport = argv[1];
    size_t size = (size_t) atol(argv[2]);
    double seconds = atof(argv[3]);
    int client_cpu = atoi(argv[4]), peer_cpu = atoi(argv[5]);
    int in, out;
    if (strcmp(transport, "unix-stream") == 0) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) die("socketpair");
        in = sv[0];
        out = sv[1];
    } else if (strcmp(transport, "pipe") == 0) {
        int p[2];
        if (pipe(p) != 0) die("pipe");
        in = p[0];
        out = p[1];
    } else if (strcmp(transport, "tcp") == 0) {
        tcp_loopback_pair(&out, &in); /* the writer dials; TCP_NODELAY on the reader changes nothing */
    } else {
        fprintf(stderr, "unknown transport %s\n", transport);
        return 2;
    }
    char *buf = calloc(1, size);
    signal(SIGPIPE, SIG_IGN);
    pid_t peer = fork();
    if (peer < 0) die("fork");
    if (peer == 0) {
        close(in);
        pin(peer_cpu);
        for (;;) {
            size_t done = 0;
            while (done < size) {
                ssize_t n = write(out, buf + done, size - done);
                if (n <= 0) _exit(0);
                done += (size_t) n;
            }
        }
    }
    close(out);
    pin(client_cpu);
    double start = now(), warm = start + 0.25, end = warm + seconds;
    long long bytes = 0;
    for (;;) {
        ssize_t n = read(in, buf, size);
        if (n <= 0) die("read");
        double t = now();
        if (t >= warm) {
            if (bytes == 0) warm = t;  /* count from the first read after the warm-up */
            bytes += n;
        }
        if (t >= end) {
            printf("%s %zu %.0f\n", transport, size, bytes / (t - warm));
            break;
        }
    }
    close(in);
    kill(peer, SIGTERM);
    waitpid(peer, NULL, 0);
    return 0;
}
