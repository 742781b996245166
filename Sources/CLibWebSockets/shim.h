#ifndef FORUM_CLIBWEBSOCKETS_SHIM_H
#define FORUM_CLIBWEBSOCKETS_SHIM_H

/* The project's only C boundary: libwebsockets (Debian libwebsockets-dev) and the libev
 * loop it runs on. Each wrapper below exists because Swift cannot import the C item. */

#include <libwebsockets.h>

/* libev's compatibility layer declares a function named like the `ev_loop` struct; switch
 * it off so the import stays unambiguous. */
#define EV_COMPAT3 0
#include <ev.h>
#include <math.h>
#include <stddef.h>

/* LWS_PRE is a function-like-macro expression (_LWS_PAD(...)): Swift cannot import it. */
static inline size_t forum_lws_pre(void) { return LWS_PRE; }

/* lwsl_* are variadic macros over a variadic function: Swift imports neither. */
static inline void forum_lwsl(int level, const char *message) { _lws_log(level, "%s\n", message); }

/* The server owns its libev loop ("foreign loop" to lws) so that it can stop it from the
 * service thread with ev_break; lws's own internal loop would also grab SIGINT.
 * EVFLAG_AUTO / EVBREAK_ALL are macros or enum values tied to EV_P: wrap them. */
static inline void *forum_ev_loop_new(void) { return ev_loop_new(EVFLAG_AUTO | EVFLAG_NOSIGMASK); }
static inline void forum_ev_run(void *loop) { ev_run((struct ev_loop *)loop, 0); }
static inline void forum_ev_run_nowait(void *loop) { ev_run((struct ev_loop *)loop, EVRUN_NOWAIT); }
static inline void forum_ev_break(void *loop) { ev_break((struct ev_loop *)loop, EVBREAK_ALL); }
static inline void forum_ev_loop_destroy(void *loop) { ev_loop_destroy((struct ev_loop *)loop); }

/* A repeating timer on the same libev loop as lws (the 4 Hz tick): no other thread, no
 * mailbox. libev keeps timers in a heap, so arming it costs nothing however many
 * connections lws has. ev_timer_init is a macro: wrap it. `fire` gets `user` back. */
typedef struct forum_timer {
    ev_timer watcher; /* first, so the watcher's address is the struct's */
    void *user;
    void (*fire)(void *user);
} forum_timer;
static void forum_timer_fired(struct ev_loop *loop, ev_timer *watcher, int events) {
    (void)loop;
    (void)events;
    forum_timer *timer = (forum_timer *)watcher;
    timer->fire(timer->user);
}
static inline void forum_timer_start(void *loop, forum_timer *timer, double seconds) {
    ev_timer_init(&timer->watcher, forum_timer_fired, seconds, seconds);
    ev_timer_start((struct ev_loop *)loop, &timer->watcher);
}
static inline void forum_timer_stop(void *loop, forum_timer *timer) {
    ev_timer_stop((struct ev_loop *)loop, &timer->watcher);
}

/* How busy the loop is, for shedding load: an ev_check watcher runs as each turn starts
 * (just after the poll returns, before the turn's callbacks) and an ev_prepare watcher as it
 * ends (just before the next poll). `turn` is the last turn's length in seconds: what is read
 * in the next turn waited about that long in the kernel. `busy` is the share of the last
 * seconds spent in turns rather than waiting in the poll (an exponential average with a
 * time constant of one second). ev_*_init are macros: wrap them. */
typedef struct forum_load_meter {
    ev_check check; /* first, so the watcher's address is the struct's */
    ev_prepare prepare;
    double turn_started;
    double last_prepare;
    double turn;
    double busy;
} forum_load_meter;
static void forum_load_turn_starts(struct ev_loop *loop, ev_check *watcher, int events) {
    (void)events;
    forum_load_meter *meter = (forum_load_meter *)watcher;
    meter->turn_started = ev_time();
    (void)loop;
}
static void forum_load_turn_ends(struct ev_loop *loop, ev_prepare *watcher, int events) {
    (void)loop;
    (void)events;
    forum_load_meter *meter = (forum_load_meter *)((char *)watcher - offsetof(forum_load_meter, prepare));
    double now = ev_time();
    if (meter->turn_started > 0 && meter->last_prepare > 0) {
        meter->turn = now - meter->turn_started;
        double span = now - meter->last_prepare;
        double keep = exp(-span / 1.0); /* an exponential average with a time constant of 1 s */
        double share = span > 0 ? meter->turn / span : 1.0;
        meter->busy = keep * meter->busy + (1.0 - keep) * (share > 1.0 ? 1.0 : share);
    }
    meter->last_prepare = now;
}
static inline void forum_load_meter_start(void *loop, forum_load_meter *meter) {
    ev_check_init(&meter->check, forum_load_turn_starts);
    ev_prepare_init(&meter->prepare, forum_load_turn_ends);
    ev_check_start((struct ev_loop *)loop, &meter->check);
    ev_prepare_start((struct ev_loop *)loop, &meter->prepare);
}
static inline void forum_load_meter_stop(void *loop, forum_load_meter *meter) {
    ev_check_stop((struct ev_loop *)loop, &meter->check);
    ev_prepare_stop((struct ev_loop *)loop, &meter->prepare);
}

#endif
