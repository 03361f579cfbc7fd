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
#include "channel.h"

#include <signal.h>
#include <sys/wait.h>

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

    if (open_channel(transport, &c_in, &c_out, &p_in, &p_out) != 0) {
        fprintf(stderr, "unknown transport %s\n", transport);
        return 2;
    }
    char *buf = calloc(1, size);
    pid_t peer = fork_echo_peer(p_in, p_out, buf, size, trips, peer_cpu);
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
