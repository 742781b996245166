/* The store: one SQLite connection (WAL, synchronous = FULL, foreign keys on) owned by a
 * writer thread that commits everything queued since its last commit in one transaction
 * (group commit), then hands the batch back and wakes the lws service thread with
 * lws_cancel_service, the one lws call allowed from another thread. */
#ifndef FCR_STORE_H
#define FCR_STORE_H

#include <stdint.h>

struct lws_context;

enum record_kind {
    REC_SESSION,      /* the built-in programme session entered (once) */
    REC_RUN,          /* a run of the story started */
    REC_SCENE,        /* a scene put on the screens */
    REC_ROUND_OPEN,   /* a round opened, with its options */
    REC_ROUND_STATUS, /* a round closed or revealed */
    REC_DEVICE,       /* a device's first vote: its row in `devices` */
    REC_VOTE,         /* a vote (every change is a new row, as in Forum) */
    REC_SNAPSHOT,     /* the show's position after a host command */
};

enum reply_kind { REPLY_NONE, REPLY_VOTE, REPLY_COMMAND };

/* One record for the store, and what the service thread does once it is stored. The writer
 * thread touches only the fields above `ok` (read) and `ok` (written). */
typedef struct record {
    struct record *next;
    uint64_t ticket;
    int kind;
    int run, round, scene, option, status;
    char token[33];
    char at[32];
    char *text; /* REC_SNAPSHOT's JSON (owned) */
    int ok;     /* set by the writer: 1 stored, 0 refused or failed */
    /* The reply, for the service thread. */
    int reply;
    uint32_t slot, gen;
    char *ref; /* the client's ref (owned; NULL: none) */
    int has_ref;
    int command;
    int device;
} record;

typedef struct store store;

/* Opens (creates) the database at `path` and starts the writer thread; NULL on failure, with
 * the reason on stderr. */
store *store_open(const char *path);
/* Where the writer sends its wake-ups (set once the context exists; NULL: none). */
void store_attach(store *s, struct lws_context *context);
/* Queues a record for the writer (never blocks on the disk). */
void store_submit(store *s, record *r);
/* Takes every record stored (or failed) since the last call, oldest first. */
record *store_take_done(store *s);
/* Drains the queue, stops the thread and closes the database; returns records never
 * taken back with store_take_done. */
record *store_close(store *s);
void record_free(record *r);
/* The current time as the store writes it: 2026-12-01T14:21:34.123Z. */
void store_time(char out[32]);

#endif
