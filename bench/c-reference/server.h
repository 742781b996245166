/* The reference server's state, confined to the lws service thread: connections, devices,
 * the show and its tally, the replies waiting for the store. */
#ifndef FCR_SERVER_H
#define FCR_SERVER_H

#include <libwebsockets.h>
#include <stdint.h>

#include "buf.h"
#include "story.h"

struct store;
struct ev_loop;

enum role { ROLE_NONE, ROLE_AUDIENCE, ROLE_HOST };
enum round_status { ROUND_PENDING, ROUND_OPEN, ROUND_CLOSED, ROUND_REVEALED };
enum command { CMD_START, CMD_NEXT, CMD_GOTO, CMD_OPEN, CMD_CLOSE, CMD_REVEAL, CMD_REPLAY, CMD_COUNT };

/* Messages larger than this are refused (Forum's ClientMessageDecoder.maximumSize). */
#define MAX_MESSAGE 8192
/* A connection with more messages than this waiting to be written is closed. */
#define MAX_OUTBOX 4096

/* A token bucket (Forum's RateLimiter: 40 at once, 20 a second). */
typedef struct bucket {
    double tokens, updated;
} bucket;

/* One WebSocket connection; lives in lws's per-session memory, which lws zeroes on
 * ESTABLISHED and frees after CLOSED. */
typedef struct conn {
    struct lws *wsi;
    uint32_t slot, gen;
    int role;
    int device; /* index into server.devices, -1: none */
    int closing;
    unsigned char *rx; /* the message being reassembled */
    size_t rx_len;
    int discarding; /* the rest of an oversized or binary message is skipped */
    bucket limit;   /* for connections without a device */
    int refused_in_a_row;
    int recent_errors;
    double error_window;
    /* The outbox: a ring of shared messages. At most one state waits in it (a newer state
     * replaces the one not yet written: only the newest matters). */
    msg **q;
    uint32_t qhead, qlen, qcap;
    int32_t state_at; /* ring index of the waiting state, -1: none */
    double last_heard, jitter;
    int pinged, want_ping;
} conn;

/* A phone, known by its device token across reconnects. */
typedef struct device {
    char token[33];
    int enlisted;    /* its `devices` row is queued */
    int vote_round;  /* the round of its counted vote (0: none) */
    int vote_option; /* that vote's option */
    bucket limit;
} device;

typedef struct slot {
    conn *c;
    uint32_t gen;
} slot;

typedef struct server {
    struct lws_context *context;
    struct ev_loop *loop;
    struct store *store;
    const char *host_key;
    int protocol_ready;
    int stopping;
    double started;

    slot *slots;
    uint32_t slot_count, slot_cap;
    uint32_t *free_slots;
    uint32_t free_count;

    device *devices;
    uint32_t device_count, device_cap;
    int32_t *device_index; /* open addressing: token hash -> device, -1 empty */
    uint32_t index_cap;

    /* The show. */
    int session_entered;
    int run;          /* runs started (0: no story yet) */
    int scene;        /* -1: none */
    int visit;        /* scenes shown since the start */
    int round;        /* the current decision's round (0: pending, none yet) */
    int round_status; /* enum round_status */
    int rounds_made;
    int counts[OPTION_COUNT];
    int total;
    int audience_connected;
    int hosts_connected;
    int tally_dirty;
    /* Encoded states, kept until the show changes: audience by its vote (index
     * OPTION_COUNT: no vote), the host's; and the show version they were made for. */
    msg *audience_state[OPTION_COUNT + 1];
    msg *host_state;
    uint64_t version, audience_version, host_version;
    /* Bumped when counts, connections or the store's backlog change (the host's state shows them). */
    uint64_t counts_version, host_counts_version;

    /* Store bookkeeping: tickets handed over and settled, when each was handed over. */
    uint64_t next_ticket, settled_through;
    double *submitted_at; /* ring of STORE_RING entries, by ticket */
    int store_failed;
    int command_failed; /* a record of the host command in flight failed */

    buf scratch;
    char *arena; /* MAX_MESSAGE bytes for decoded strings */
} server;

#define STORE_RING (1u << 18)
/* Votes are refused (`overloaded`) once this many records wait for the store, whatever
 * their age: the ring of hand-over times must not wrap. */
#define STORE_MAX_WAITING (STORE_RING - 8192)

double now_seconds(void);

/* server.c: the lws protocol callback and the loop's tick. */
int fcr_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len);
void server_tick(server *s);
int server_init(server *s);
void server_free(server *s);
void server_settle(server *s);

/* connection.c: slots, outboxes, writes, keep-alive. */
int conn_register(server *s, conn *c);
void conn_unregister(server *s, conn *c);
conn *conn_lookup(server *s, uint32_t slot, uint32_t gen);
void conn_queue(server *s, conn *c, msg *m, int is_state);
void conn_send_buf(server *s, conn *c, const buf *b);
void conn_close_after_write(conn *c);
int conn_writeable(server *s, conn *c);
void conn_release_outbox(conn *c);
void conn_keep_alive(server *s, double now);
double conn_jitter(void);

/* show.c: the show's states and tally as JSON. */
msg *state_for(server *s, conn *c);
void tally_json(server *s, buf *b, int for_host);
void broadcast_state(server *s);
void send_tally_to_hosts(server *s);
char *snapshot_json(server *s);

/* devices.c */
int device_find_or_make(server *s, const char *token, size_t n);
int bucket_allow(bucket *b, double now);

#endif
