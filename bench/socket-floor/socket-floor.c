/* The kernel's floor for Forum's vote path on this machine: what one small TCP message in and
 * one small answer out cost over loopback, with no WebSocket, no JSON and no database.
 *
 * The program forks. The child opens N connections (TCP_NODELAY, as lws sets) and, ROUNDS
 * times, writes one 48-byte "vote" on every connection in a tight loop, then waits for every
 * 32-byte "ack". The parent is the server: one epoll loop that reads what each connection
 * sent and answers each 48 bytes with 32. It prints its CPU time (user + system, from
 * getrusage) per message once all rounds are answered: no server that sends one answer per
 * message over loopback TCP can do much better here. See docs/performance.md.
 *
 * usage: socket-floor [N [ROUNDS]]   (defaults 10000 and 5; needs N + 10 open files) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { VOTE = 48, ACK = 32 };

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

static double now_seconds(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return time.tv_sec + time.tv_nsec / 1e9;
}

static void fail(const char *what) {
    perror(what);
    exit(1);
}

static void watch(int epoll, int fd) {
    struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) != 0) fail("epoll_ctl");
}

/* The load: N connections, ROUNDS bursts of one vote each. */
static int run_phones(const struct sockaddr_in *address, int phones, int rounds) {
    int one = 1, epoll = epoll_create1(0);
    int *sockets = calloc((size_t)phones, sizeof *sockets);
    if (!sockets || epoll < 0) fail("phones");
    for (int i = 0; i < phones; i++) {
        sockets[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (sockets[i] < 0 || connect(sockets[i], (const struct sockaddr *)address, sizeof *address) != 0)
            fail("connect");
        setsockopt(sockets[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        watch(epoll, sockets[i]);
    }
    sleep(1); /* every connection accepted */
    char vote[VOTE], buffer[4096];
    memset(vote, 'v', sizeof vote);
    struct epoll_event events[512];
    for (int round = 0; round < rounds; round++) {
        double started = now_seconds(), cpu = cpu_seconds();
        for (int i = 0; i < phones; i++)
            if (write(sockets[i], vote, sizeof vote) != VOTE) fail("write");
        double sent = now_seconds();
        long acked = 0;
        while (acked < (long)phones * ACK) {
            int ready = epoll_wait(epoll, events, 512, 10000);
            if (ready <= 0) fail("epoll_wait (no answer in 10 s)");
            for (int j = 0; j < ready; j++) {
                ssize_t got = read(events[j].data.fd, buffer, sizeof buffer);
                if (got <= 0) fail("read");
                acked += got;
            }
        }
        printf("phones, round %d: sending %d votes took %.1f ms, all answered after %.1f ms, %.1f us of "
               "the phones' CPU a vote\n",
               round + 1, phones, (sent - started) * 1e3, (now_seconds() - started) * 1e3,
               (cpu_seconds() - cpu) / phones * 1e6);
        fflush(stdout);
        usleep(200000);
    }
    return 0;
}

/* The server: read what arrives, answer every vote with an ack. */
static void run_server(int listener, int phones, int rounds) {
    int epoll = epoll_create1(0), one = 1, connected = 0;
    if (epoll < 0) fail("epoll_create1");
    watch(epoll, listener);
    char buffer[4096], ack[ACK];
    memset(ack, 'a', sizeof ack);
    struct epoll_event events[512];
    long answered = 0, expected = (long)phones * rounds;
    double cpu_at_start = 0;
    while (answered < expected) {
        int ready = epoll_wait(epoll, events, 512, 30000);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) fail("server epoll_wait (nothing for 30 s)");
        for (int j = 0; j < ready; j++) {
            int fd = events[j].data.fd;
            if (fd == listener) {
                int client = accept(listener, NULL, NULL);
                if (client < 0) fail("accept");
                setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                watch(epoll, client);
                if (++connected == phones) cpu_at_start = cpu_seconds();
                continue;
            }
            ssize_t got = read(fd, buffer, sizeof buffer);
            if (got <= 0) continue;
            for (ssize_t k = 0; k < got / VOTE; k++, answered++)
                if (write(fd, ack, sizeof ack) != ACK) fail("write");
        }
    }
    double used = cpu_seconds() - cpu_at_start;
    printf("server: %ld votes answered, %.3f s of CPU: %.1f us a vote, %.0f votes per CPU-second\n", answered,
           used, used / answered * 1e6, answered / used);
}

int main(int argc, char **argv) {
    int phones = argc > 1 ? atoi(argv[1]) : 10000, rounds = argc > 2 ? atoi(argv[2]) : 5, one = 1;
    if (phones <= 0 || rounds <= 0) {
        fprintf(stderr, "usage: socket-floor [PHONES [ROUNDS]]\n");
        return 2;
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 4096) != 0 ||
        getsockname(listener, (struct sockaddr *)&address, &length) != 0)
        fail("listen");
    fflush(stdout);
    pid_t child = fork();
    if (child < 0) fail("fork");
    if (child == 0) return run_phones(&address, phones, rounds);
    run_server(listener, phones, rounds);
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
