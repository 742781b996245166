/* Connections: their slots (so replies find them after a store round trip, or find them
 * gone), bounded outboxes of shared messages, one write per WRITEABLE, keep-alive. */
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* Forum's keep-alive (ServiceLoop+KeepAlive.swift, ServerConfiguration): lws's own is off;
 * a connection silent for 20 s (plus its jitter, up to half of that) is pinged, one silent
 * for 60 s (plus the jitter) is hung up on. */
#define PING_AFTER 20.0
#define HANG_UP_AFTER 60.0

int conn_register(server *s, conn *c) {
    uint32_t index;
    if (s->free_count) {
        index = s->free_slots[--s->free_count];
    } else {
        if (s->slot_count == s->slot_cap) {
            uint32_t cap = s->slot_cap ? s->slot_cap * 2 : 1024;
            slot *slots = realloc(s->slots, cap * sizeof *slots);
            if (!slots) return -1;
            uint32_t *free_slots = realloc(s->free_slots, cap * sizeof *free_slots);
            if (!free_slots) {
                s->slots = slots;
                return -1;
            }
            s->slots = slots;
            s->free_slots = free_slots;
            s->slot_cap = cap;
        }
        index = s->slot_count++;
        s->slots[index].gen = 0;
    }
    s->slots[index].c = c;
    s->slots[index].gen++;
    c->slot = index;
    c->gen = s->slots[index].gen;
    c->state_at = -1;
    c->device = -1;
    return 0;
}

void conn_unregister(server *s, conn *c) {
    if (c->slot >= s->slot_count || s->slots[c->slot].c != c) return;
    s->slots[c->slot].c = NULL;
    s->free_slots[s->free_count++] = c->slot;
    conn_release_outbox(c);
    free(c->rx);
    c->rx = NULL;
}

conn *conn_lookup(server *s, uint32_t index, uint32_t gen) {
    if (index >= s->slot_count || s->slots[index].gen != gen) return NULL;
    return s->slots[index].c;
}

void conn_release_outbox(conn *c) {
    for (uint32_t i = 0; i < c->qlen; i++) msg_release(c->q[(c->qhead + i) % c->qcap]);
    free(c->q);
    c->q = NULL;
    c->qhead = c->qlen = c->qcap = 0;
    c->state_at = -1;
}

void conn_close_after_write(conn *c) {
    if (c->closing) return;
    c->closing = 1;
    lws_callback_on_writable(c->wsi);
}

/* Sends `m` now if nothing waits, else queues it (the caller's reference is kept by the
 * outbox). A state replaces the state still waiting, if any. A connection whose outbox is
 * full is closed. */
void conn_queue(server *s, conn *c, msg *m, int is_state) {
    (void)s;
    if (!m) return;
    if (c->closing) {
        msg_release(m);
        return;
    }
    if (c->qlen == 0 && !c->want_ping && !lws_partial_buffered(c->wsi)) {
        /* Nothing waits here or in lws: write at once (as Forum does). Waiting for a write
         * slot costs two epoll changes and a callback per message. What the socket does not
         * take lws keeps, and the next messages wait in the outbox until it is sent. */
        int written = lws_write(c->wsi, m->payload, m->len, LWS_WRITE_TEXT);
        msg_release(m);
        if (written < 0) {
            c->closing = 1;
            lws_callback_on_writable(c->wsi);
        }
        return;
    }
    if (is_state && c->state_at >= 0) {
        msg_release(c->q[c->state_at]);
        c->q[c->state_at] = NULL; /* skipped when its turn comes */
    }
    if (c->qlen == c->qcap) {
        if (c->qcap >= MAX_OUTBOX) {
            msg_release(m);
            lwsl_warn("closing a connection that takes no more messages\n");
            conn_close_after_write(c);
            lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
            return;
        }
        uint32_t cap = c->qcap ? c->qcap * 2 : 4;
        msg **q = malloc(cap * sizeof *q);
        if (!q) {
            msg_release(m);
            return;
        }
        for (uint32_t i = 0; i < c->qlen; i++) q[i] = c->q[(c->qhead + i) % c->qcap];
        if (c->state_at >= 0) c->state_at = (int32_t)(((uint32_t)c->state_at + c->qcap - c->qhead) % c->qcap);
        free(c->q);
        c->q = q;
        c->qhead = 0;
        c->qcap = cap;
    }
    uint32_t at = (c->qhead + c->qlen) % c->qcap;
    c->q[at] = m;
    c->qlen++;
    if (is_state) c->state_at = (int32_t)at;
    lws_callback_on_writable(c->wsi);
}

void conn_send_buf(server *s, conn *c, const buf *b) { conn_queue(s, c, msg_from_buf(b), 0); }

/* One write per WRITEABLE: a ping if one is due, else the oldest message; then asks for
 * another slot if more waits. Returns -1 to close the connection. */
int conn_writeable(server *s, conn *c) {
    (void)s;
    if (c->want_ping) {
        c->want_ping = 0;
        unsigned char ping[LWS_PRE + 1];
        /* One byte: lws 4.1.6 never reports a pong with no payload. */
        ping[LWS_PRE] = 'k';
        if (lws_write(c->wsi, ping + LWS_PRE, 1, LWS_WRITE_PING) < 0) return -1;
        if (c->qlen || c->closing) lws_callback_on_writable(c->wsi);
        return 0;
    }
    while (c->qlen) {
        msg *m = c->q[c->qhead];
        if (c->state_at == (int32_t)c->qhead) c->state_at = -1;
        c->qhead = (c->qhead + 1) % c->qcap;
        c->qlen--;
        if (!m) continue; /* a state replaced by a newer one */
        int written = lws_write(c->wsi, m->payload, m->len, LWS_WRITE_TEXT);
        msg_release(m);
        if (written < (int)0) return -1;
        if (c->qlen || c->closing) lws_callback_on_writable(c->wsi);
        return 0;
    }
    return c->closing ? -1 : 0;
}

void conn_keep_alive(server *s, double now) {
    for (uint32_t i = 0; i < s->slot_count; i++) {
        conn *c = s->slots[i].c;
        if (!c || c->closing) continue;
        double silent = now - c->last_heard;
        if (silent >= HANG_UP_AFTER + c->jitter) {
            conn_close_after_write(c);
            lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
        } else if (!c->pinged && silent >= PING_AFTER + c->jitter) {
            c->pinged = 1;
            c->want_ping = 1;
            lws_callback_on_writable(c->wsi);
        }
    }
}

double conn_jitter(void) { return PING_AFTER * 0.5 * ((double)rand() / ((double)RAND_MAX + 1.0)); }
