/* forum-c-reference: a small C server on the same libwebsockets 4.1.6 (libev loop,
 * tx_packet_size set) and the same SQLite settings (WAL, synchronous = FULL, a group-commit
 * writer thread) as Forum, speaking the part of Forum's protocol that forum-bench uses, with
 * a built-in story. It is there to be measured beside Forum (issue 10): see README.md.
 *
 *   forum-c-reference serve [--headless] --port P --db PATH --host-key K
 *                           [--scenarios DIR] [--web DIR]   (accepted and ignored)
 */
#define EV_COMPAT3 0
#include <ev.h>
#include <libwebsockets.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"
#include "store.h"

static void usage(void) {
    fprintf(stderr, "usage: forum-c-reference serve --port P --db PATH --host-key K [--headless] "
                    "[--scenarios DIR] [--web DIR]\n");
}

typedef struct options {
    int port;
    const char *db;
    const char *host_key;
} options;

static int parse_options(int argc, char **argv, options *o) {
    memset(o, 0, sizeof *o);
    o->port = 8080;
    o->host_key = getenv("FORUM_HOST_KEY");
    if (argc < 2 || strcmp(argv[1], "serve") != 0) return -1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--headless") == 0) continue;
        if (i + 1 >= argc) return -1;
        const char *v = argv[++i];
        if (strcmp(a, "--port") == 0) {
            char *end;
            long port = strtol(v, &end, 10);
            if (*end || port < 0 || port > 65535) return -1;
            o->port = (int)port;
        } else if (strcmp(a, "--db") == 0) {
            o->db = v;
        } else if (strcmp(a, "--host-key") == 0) {
            o->host_key = v;
        } else if (strcmp(a, "--scenarios") != 0 && strcmp(a, "--web") != 0) {
            return -1;
        }
    }
    return o->db && o->host_key && *o->host_key ? 0 : -1;
}

static void on_signal(struct ev_loop *loop, ev_signal *watcher, int events) {
    (void)events;
    server *s = watcher->data;
    s->stopping = 1;
    ev_break(loop, EVBREAK_ALL);
}

static void on_tick(struct ev_loop *loop, ev_timer *watcher, int events) {
    (void)loop;
    (void)events;
    server_tick(watcher->data);
}

static void log_line(int level, const char *line) {
    (void)level;
    fprintf(stderr, "lws: %s", line);
}

int main(int argc, char **argv) {
    options o;
    if (parse_options(argc, argv, &o)) {
        usage();
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    lws_set_log_level(LLL_ERR | LLL_WARN, log_line);
    srand((unsigned)time(NULL));

    static server s;
    if (server_init(&s)) {
        fprintf(stderr, "forum-c-reference: out of memory\n");
        return 1;
    }
    s.host_key = o.host_key;
    s.started = now_seconds();
    s.store = store_open(o.db);
    if (!s.store) return 1;

    struct ev_loop *loop = ev_loop_new(EVFLAG_AUTO | EVFLAG_NOSIGMASK);
    if (!loop) {
        fprintf(stderr, "forum-c-reference: cannot create the event loop\n");
        return 1;
    }
    s.loop = loop;

    /* As Forum's LwsContext: its protocol first and the vhost default (a client without a
     * subprotocol binds to it), the HTTP dummy second; a 1 KB receive buffer; 16 KB
     * tx_packet_size; lws's keep-alive off (the tick pings with a jitter instead). */
    static struct lws_protocols protocols[] = {
        {"forum", fcr_callback, sizeof(conn), 1024, 0, NULL, 16 * 1024},
        {"http", lws_callback_http_dummy, 0, 0, 0, NULL, 0},
        {NULL, NULL, 0, 0, 0, NULL, 0},
    };
    static const struct lws_protocol_vhost_options is_default = {NULL, NULL, "default", "1"};
    static const struct lws_protocol_vhost_options pvo = {NULL, &is_default, "forum", ""};
    static const lws_retry_bo_t retry = {.secs_since_valid_ping = 0, .secs_since_valid_hangup = 0};
    void *foreign_loops[1] = {loop};

    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = o.port;
    info.protocols = protocols;
    info.pvo = &pvo;
    info.vhost_name = "localhost";
    info.retry_and_idle_policy = &retry;
    info.foreign_loops = foreign_loops;
    info.user = &s;
    info.options = LWS_SERVER_OPTION_LIBEV | LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND |
                   LWS_SERVER_OPTION_VALIDATE_UTF8;
    s.context = lws_create_context(&info);
    if (!s.context) {
        fprintf(stderr, "forum-c-reference: could not listen on port %d\n", o.port);
        record *left = store_close(s.store);
        while (left) {
            record *next = left->next;
            record_free(left);
            left = next;
        }
        ev_loop_destroy(loop);
        return 1;
    }
    /* lws finishes starting the vhost on the loop's first turns. */
    double deadline = now_seconds() + 5;
    while (!s.protocol_ready && now_seconds() < deadline) ev_run(loop, EVRUN_NOWAIT);
    store_attach(s.store, s.context);

    ev_signal term, intr;
    ev_signal_init(&term, on_signal, SIGTERM);
    ev_signal_init(&intr, on_signal, SIGINT);
    term.data = intr.data = &s;
    ev_signal_start(loop, &term);
    ev_signal_start(loop, &intr);
    ev_timer tick;
    ev_timer_init(&tick, on_tick, 0.25, 0.25);
    tick.data = &s;
    ev_timer_start(loop, &tick);
    fprintf(stderr, "forum-c-reference: listening on port %d, database %s\n", o.port, o.db);

    ev_run(loop, 0);

    /* Stop: the writer drains and commits what is queued, then the context goes (its
     * CLOSED callbacks free the connections), then the loop. */
    ev_timer_stop(loop, &tick);
    ev_signal_stop(loop, &term);
    ev_signal_stop(loop, &intr);
    store_attach(s.store, NULL);
    record *left = store_close(s.store);
    s.store = NULL;
    while (left) {
        record *next = left->next;
        record_free(left);
        left = next;
    }
    lws_context_destroy(s.context);
    ev_run(loop, EVRUN_NOWAIT);
    ev_loop_destroy(loop);
    server_free(&s);
    fprintf(stderr, "forum-c-reference: stopped\n");
    return 0;
}
