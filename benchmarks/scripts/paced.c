/*
 * A paced C ping-pong: pingpong.c with a send schedule. It answers whether a round trip is slower
 * when round trips are sent on a fixed schedule with idle time between them than in a closed loop,
 * for a plain C program (no harness in the way).
 *
 *   build: gcc -O2 -o paced paced.c
 *   run:   ./paced unix-stream|tcp|pipe SIZE ROUND_TRIPS CLIENT_CPU PEER_CPU RATE [sleep|spin|epoll]
 *            RATE 0      closed loop: the next message is sent as soon as the reply is read
 *            RATE R > 0  message k is due at start + k/R seconds
 *            sleep       (default) wait for the due time by clock_nanosleep(TIMER_ABSTIME) until
 *                        50 us before it, then spin on clock_gettime(MONOTONIC) (as the harness does)
 *            spin        spin on clock_gettime for the whole gap (the client never sleeps)
 *            epoll       as sleep, but the client's read end is non-blocking and the reply is awaited
 *                        as the harness's rate loop awaits it: epoll_pwait2 until 50 us before the
 *                        next message is due (then with timeout 0), a read once it is ready, and
 *                        after the reply is whole and stamped one more read that finds nothing
 *   prints: transport size rate mode p50_ns p99_ns mean_ns corr_p50_ns corr_p99_ns achieved_per_s round_trips
 *            p50/p99/mean: write -> read of the reply, timed from the actual send
 *            corr_*:       the same, timed from the intended (due) send time; equals the above in closed loop
 *            achieved:     counted round trips / time from the first counted send to the last reply
 *
 * Both ends are pinned with sched_setaffinity, blocking read/write, the peer echoes. The client's
 * timer slack is 1 us, as in the harness's rate cells. A late client
 * sends at once (no skipping); the first tenth of the round trips warm up and are not counted.
 */
#include "channel.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#define SPIN_NS 50000LL

/* Wait until the monotonic clock reaches due_ns; returns the time actually reached. */
static int64_t wait_until(int64_t due_ns, int spin_only) {
    int64_t t = now_ns();
    if (!spin_only && due_ns - t > SPIN_NS) {
        int64_t wake = due_ns - SPIN_NS;
        struct timespec ts = {.tv_sec = wake / 1000000000LL, .tv_nsec = wake % 1000000000LL};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) != 0) {}
        t = now_ns();
    }
    while (t < due_ns) t = now_ns();
    return t;
}

/*
 * Reads a whole reply from a non-blocking fd, waiting in epoll_pwait2 first (in a ping-pong the
 * reply is never there yet) until park_until, then with timeout 0. Returns the clock when it is whole.
 */
static int64_t await_reply(int ep, int fd, char *buf, size_t n, int64_t park_until) {
    size_t got = 0;
    while (1) {
        int64_t left = park_until - now_ns();
        struct timespec ts = {0, 0};
        if (left > 0) {
            ts.tv_sec = left / 1000000000LL;
            ts.tv_nsec = left % 1000000000LL;
        }
        struct epoll_event ev;
        if (epoll_pwait2(ep, &ev, 1, &ts, NULL) < 0 && errno != EINTR) die("epoll_pwait2");
        ssize_t r;
        while ((r = read(fd, buf + got, n - got)) > 0) {
            got += (size_t) r;
            if (got == n) return now_ns();
        }
        if (r == 0 || errno != EAGAIN) die("read");
    }
}

int main(int argc, char **argv) {
    if (argc != 7 && argc != 8) {
        fprintf(stderr, "usage: %s unix-stream|tcp|pipe SIZE ROUND_TRIPS CLIENT_CPU PEER_CPU RATE [sleep|spin]\n",
                argv[0]);
        return 2;
    }
    const char *transport = argv[1];
    size_t size = (size_t) atol(argv[2]);
    long trips = atol(argv[3]);
    int client_cpu = atoi(argv[4]), peer_cpu = atoi(argv[5]);
    double rate = atof(argv[6]);
    const char *mode = argc == 8 ? argv[7] : "sleep";
    int spin_only = 0, use_epoll = 0;
    if (strcmp(mode, "sleep") == 0) spin_only = 0;
    else if (strcmp(mode, "spin") == 0) spin_only = 1;
    else if (strcmp(mode, "epoll") == 0) use_epoll = 1;
    else {
        fprintf(stderr, "unknown wait mode %s\n", mode);
        return 2;
    }
    if (rate <= 0) {
        mode = "closed";
        use_epoll = 0;
    }
    int c_in, c_out, p_in, p_out;

    if (open_channel(transport, &c_in, &c_out, &p_in, &p_out) != 0) {
        fprintf(stderr, "unknown transport %s\n", transport);
        return 2;
    }
    char *buf = calloc(1, size);
    pid_t peer = fork_echo_peer(p_in, p_out, buf, size, trips, peer_cpu);
    pin(client_cpu);
    /* As the harness's rate loop does: the default 50 us timer slack would end each sleep up to that late. */
    if (prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0) != 0) die("prctl");
    int ep = -1;
    if (use_epoll) {
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = c_in};
        ep = epoll_create1(0);
        if (ep < 0 || fcntl(c_in, F_SETFL, fcntl(c_in, F_GETFL) | O_NONBLOCK) != 0
            || epoll_ctl(ep, EPOLL_CTL_ADD, c_in, &ev) != 0) die("epoll");
    }
    long warm = trips / 10;
    long n = trips - warm;
    int64_t *rtt = malloc(sizeof(int64_t) * (size_t) n);
    int64_t *corr = malloc(sizeof(int64_t) * (size_t) n);
    double period_ns = rate > 0 ? 1e9 / rate : 0;
    int64_t t0 = now_ns() + 1000000; /* first message due 1 ms from now */
    int64_t first_send = 0, last_end = 0;
    for (long i = 0; i < trips; i++) {
        int64_t due, start;
        if (rate > 0) {
            due = t0 + (int64_t) (i * period_ns);
            start = wait_until(due, spin_only);
        } else {
            start = due = now_ns();
        }
        full(c_out, buf, size, 1);
        int64_t end;
        if (use_epoll) {
            end = await_reply(ep, c_in, buf, size, t0 + (int64_t) ((i + 1) * period_ns) - SPIN_NS);
            if (read(c_in, buf, size) >= 0 || errno != EAGAIN) die("the read after the reply");
        } else {
            full(c_in, buf, size, 0);
            end = now_ns();
        }
        if (i >= warm) {
            if (i == warm) first_send = start;
            rtt[i - warm] = end - start;
            corr[i - warm] = end - due;
            last_end = end;
        }
    }
    waitpid(peer, NULL, 0);
    double sum = 0;
    for (long i = 0; i < n; i++) sum += (double) rtt[i];
    qsort(rtt, (size_t) n, sizeof *rtt, cmp);
    qsort(corr, (size_t) n, sizeof *corr, cmp);
    double achieved = (double) n * 1e9 / (double) (last_end - first_send);
    printf("%s %zu %.0f %s %lld %lld %.0f %lld %lld %.0f %ld\n", transport, size, rate, mode,
           (long long) rtt[n / 2], (long long) rtt[n * 99 / 100], sum / (double) n,
           (long long) corr[n / 2], (long long) corr[n * 99 / 100], achieved, n);
    return 0;
}
