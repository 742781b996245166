/* The lws protocol callback: connections in and out, messages reassembled and rate limited,
 * one write per WRITEABLE, the store's wake-ups; and the loop's 4 Hz tick. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "messages.h"
#include "store.h"

double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int server_init(server *s) {
    s->scene = -1;
    s->next_ticket = 1;
    s->version = 1;
    buf_init(&s->scratch);
    s->submitted_at = calloc(STORE_RING, sizeof *s->submitted_at);
    s->arena = malloc(MAX_MESSAGE);
    return s->submitted_at && s->arena ? 0 : -1;
}

void server_free(server *s) {
    for (int i = 0; i <= OPTION_COUNT; i++) msg_release(s->audience_state[i]);
    msg_release(s->host_state);
    free(s->slots);
    free(s->free_slots);
    free(s->devices);
    free(s->device_index);
    free(s->submitted_at);
    free(s->arena);
    buf_free(&s->scratch);
}

void server_tick(server *s) {
    conn_keep_alive(s, now_seconds());
    if (s->tally_dirty && s->round && s->hosts_connected) send_tally_to_hosts(s);
    s->tally_dirty = 0;
}

/* A complete message: its place in the rate limit, then handled. A flood is refused (told
 * once), then closed. */
static void complete(server *s, conn *c, const char *text, size_t len) {
    double now = now_seconds();
    int allowed = c->role == ROLE_AUDIENCE && c->device >= 0 ? bucket_allow(&s->devices[c->device].limit, now)
                                                             : bucket_allow(&c->limit, now);
    if (!allowed) {
        c->refused_in_a_row++;
        if (c->refused_in_a_row == 1) {
            jstr none = {0};
            send_error(s, c, "rate_limited", "Too many messages: slow down.", none);
        }
        if (c->refused_in_a_row > 200) conn_close_after_write(c);
        return;
    }
    c->refused_in_a_row = 0;
    handle_message(s, c, text, len);
}

static void receive(server *s, conn *c, struct lws *wsi, const char *in, size_t len) {
    jstr none = {0};
    int last = lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0;
    if (lws_frame_is_binary(wsi) && !c->discarding) {
        free(c->rx);
        c->rx = NULL;
        c->rx_len = 0;
        c->discarding = 1;
        send_error(s, c, "bad_message", "Messages are JSON text: binary frames are not accepted.", none);
    }
    if (c->discarding) {
        if (last) c->discarding = 0;
        return;
    }
    if (last && c->rx_len == 0) {
        /* The whole message in one piece (the usual case): no copy. */
        if (len > MAX_MESSAGE) {
            send_error(s, c, "too_large", "Messages can be at most 8192 bytes.", none);
            return;
        }
        complete(s, c, in, len);
        return;
    }
    if (len > MAX_MESSAGE - c->rx_len) {
        free(c->rx);
        c->rx = NULL;
        c->rx_len = 0;
        c->discarding = !last;
        send_error(s, c, "too_large", "Messages can be at most 8192 bytes.", none);
        return;
    }
    if (!c->rx) {
        c->rx = malloc(MAX_MESSAGE);
        if (!c->rx) {
            c->discarding = !last;
            return;
        }
    }
    if (len) memcpy(c->rx + c->rx_len, in, len);
    c->rx_len += len;
    if (!last) return;
    unsigned char *text = c->rx;
    size_t n = c->rx_len;
    c->rx = NULL;
    c->rx_len = 0;
    complete(s, c, (const char *)text, n);
    free(text);
}

static int registered(server *s, conn *c) { return c && c->slot < s->slot_count && s->slots[c->slot].c == c; }

int fcr_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len) {
    struct lws_context *context = lws_get_context(wsi);
    server *s = context ? lws_context_user(context) : NULL;
    conn *c = user;
    if (!s) return lws_callback_http_dummy(wsi, reason, user, in, len);
    switch (reason) {
    case LWS_CALLBACK_PROTOCOL_INIT:
        s->protocol_ready = 1;
        return 0;
    case LWS_CALLBACK_ESTABLISHED: {
        char uri[16];
        if (!c || lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) != 3 ||
            lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) != 3 || strcmp(uri, "/ws") != 0)
            return -1;
        memset(c, 0, sizeof *c);
        c->wsi = wsi;
        if (conn_register(s, c)) return -1;
        double now = now_seconds();
        c->last_heard = now;
        c->jitter = conn_jitter();
        c->limit.tokens = 40.0;
        c->limit.updated = now;
        return 0;
    }
    case LWS_CALLBACK_CLOSED:
        if (!registered(s, c)) return 0;
        if (c->role == ROLE_AUDIENCE) {
            s->audience_connected--;
            s->tally_dirty = 1;
            s->counts_version++;
        } else if (c->role == ROLE_HOST) {
            s->hosts_connected--;
        }
        conn_unregister(s, c);
        return 0;
    case LWS_CALLBACK_RECEIVE:
        if (!registered(s, c)) return -1;
        c->last_heard = now_seconds();
        c->pinged = 0;
        receive(s, c, wsi, in, len);
        return 0;
    case LWS_CALLBACK_RECEIVE_PONG:
        if (registered(s, c)) {
            c->last_heard = now_seconds();
            c->pinged = 0;
        }
        return 0;
    case LWS_CALLBACK_SERVER_WRITEABLE:
        if (!registered(s, c)) return -1;
        return conn_writeable(s, c);
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
        /* Delivered once per protocol of every vhost: draining is idempotent. */
        if (s->store) server_settle(s);
        return 0;
    default:
        /* As the vhost's default protocol this one also gets the HTTP callbacks. */
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    }
}
