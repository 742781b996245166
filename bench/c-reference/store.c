/* The group-commit writer thread over SQLite (see store.h). */
#include "store.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "story.h"

/* The most records in one transaction: a longer queue is committed in several, so that the
 * first votes are acknowledged sooner (as Forum's StoreWriter). */
enum { MAX_BATCH = 10000 };

/* Forum's tables for what this server stores, as Forum's migrations leave them (v1 + v6-place):
 * the same columns, keys, checks, triggers and indexes. */
static const char schema[] =
    "CREATE TABLE IF NOT EXISTS sessions (\n"
    "    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),\n"
    "    title TEXT NOT NULL,\n"
    "    first_entered_at TEXT NOT NULL CHECK (first_entered_at GLOB '" "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z" "')\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS session_entries (\n"
    "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "    session_id TEXT NOT NULL REFERENCES sessions (id),\n"
    "    entered_at TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS devices (\n"
    "    token TEXT PRIMARY KEY NOT NULL CHECK (token <> ''),\n"
    "    perspective TEXT CHECK (perspective <> ''),\n"
    "    joined_at TEXT NOT NULL CHECK (joined_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),\n"
    "    place TEXT CHECK (place IN ('room', 'remote'))\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS story_runs (\n"
    "    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),\n"
    "    session_id TEXT NOT NULL REFERENCES sessions (id),\n"
    "    story_id TEXT NOT NULL CHECK (story_id <> ''),\n"
    "    story_title TEXT NOT NULL,\n"
    "    started_at TEXT NOT NULL,\n"
    "    ended_at TEXT\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS scenes_shown (\n"
    "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "    run_id TEXT NOT NULL REFERENCES story_runs (id),\n"
    "    scene_id TEXT NOT NULL CHECK (scene_id <> ''),\n"
    "    shown_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS scenes_shown_by_run ON scenes_shown (run_id);\n"
    "CREATE TABLE IF NOT EXISTS rounds (\n"
    "    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),\n"
    "    run_id TEXT NOT NULL REFERENCES story_runs (id),\n"
    "    scene_id TEXT NOT NULL CHECK (scene_id <> ''),\n"
    "    question TEXT NOT NULL,\n"
    "    opened_at TEXT NOT NULL,\n"
    "    closed_at TEXT,\n"
    "    revealed_at TEXT,\n"
    "    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'revealed')),\n"
    "    CHECK (\n"
    "        (status = 'open' AND closed_at IS NULL AND revealed_at IS NULL)\n"
    "        OR (status = 'closed' AND closed_at IS NOT NULL AND revealed_at IS NULL)\n"
    "        OR (status = 'revealed' AND closed_at IS NOT NULL AND revealed_at IS NOT NULL)\n"
    "    )\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS rounds_by_run ON rounds (run_id);\n"
    "CREATE TABLE IF NOT EXISTS round_options (\n"
    "    round_id TEXT NOT NULL REFERENCES rounds (id),\n"
    "    position INTEGER NOT NULL CHECK (position >= 0),\n"
    "    option_id TEXT NOT NULL CHECK (option_id <> ''),\n"
    "    label TEXT NOT NULL,\n"
    "    PRIMARY KEY (round_id, option_id),\n"
    "    UNIQUE (round_id, position)\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS votes (\n"
    "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "    round_id TEXT NOT NULL REFERENCES rounds (id),\n"
    "    device TEXT NOT NULL REFERENCES devices (token),\n"
    "    option_id TEXT NOT NULL,\n"
    "    perspective TEXT CHECK (perspective <> ''),\n"
    "    reason TEXT NOT NULL CHECK (reason IN ('vote', 'perspective', 'place')),\n"
    "    cast_at TEXT NOT NULL CHECK (cast_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),\n"
    "    place TEXT CHECK (place IN ('room', 'remote')),\n"
    "    FOREIGN KEY (round_id, option_id) REFERENCES round_options (round_id, option_id)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS votes_by_round ON votes (round_id);\n"
    "CREATE TRIGGER IF NOT EXISTS votes_are_append_only_update BEFORE UPDATE ON votes\n"
    "BEGIN SELECT RAISE(ABORT, 'votes are append-only: a change of vote is a new row'); END;\n"
    "CREATE TRIGGER IF NOT EXISTS votes_are_append_only_delete BEFORE DELETE ON votes\n"
    "BEGIN SELECT RAISE(ABORT, 'votes are append-only: a change of vote is a new row'); END;\n"
    "CREATE TRIGGER IF NOT EXISTS votes_need_an_open_round BEFORE INSERT ON votes\n"
    "WHEN NEW.reason = 'vote' AND (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'\n"
    "BEGIN SELECT RAISE(ABORT, 'a vote needs an open round'); END;\n"
    "CREATE TABLE IF NOT EXISTS show_snapshot (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    json TEXT NOT NULL CHECK (json_valid(json)),\n"
    "    updated_at TEXT NOT NULL\n"
    ");\n";

enum {
    ST_SESSION,
    ST_SESSION_ENTRY,
    ST_RUN,
    ST_SCENE,
    ST_ROUND,
    ST_ROUND_OPTION,
    ST_ROUND_STATUS,
    ST_DEVICE,
    ST_VOTE,
    ST_SNAPSHOT,
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    "INSERT INTO sessions (id, title, first_entered_at) VALUES ('" SESSION_ID "', '" SESSION_TITLE "', ?1)",
    "INSERT INTO session_entries (session_id, entered_at) VALUES ('" SESSION_ID "', ?1)",
    "INSERT INTO story_runs (id, session_id, story_id, story_title, started_at) "
    "VALUES ('R' || ?1, '" SESSION_ID "', '" STORY_ID "', '" STORY_TITLE "', ?2)",
    "INSERT INTO scenes_shown (run_id, scene_id, shown_at) VALUES ('R' || ?1, ?2, ?3)",
    "INSERT INTO rounds (id, run_id, scene_id, question, opened_at) VALUES ('D' || ?1, 'R' || ?2, ?3, ?4, ?5)",
    "INSERT INTO round_options (round_id, position, option_id, label) VALUES ('D' || ?1, ?2, ?3, ?4)",
    "UPDATE rounds SET status = ?2, closed_at = COALESCE(closed_at, ?3), "
    "revealed_at = CASE WHEN ?2 = 'revealed' THEN ?3 END WHERE id = 'D' || ?1",
    "INSERT INTO devices (token, joined_at) VALUES (?1, ?2)",
    "INSERT INTO votes (round_id, device, option_id, perspective, reason, cast_at, place) "
    "VALUES ('D' || ?1, ?2, ?3, NULL, 'vote', ?4, NULL)",
    "INSERT INTO show_snapshot (id, json, updated_at) VALUES (1, ?1, ?2) "
    "ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
};

struct store {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT];
    pthread_t thread;
    pthread_mutex_t lock; /* queue, closing */
    pthread_cond_t wake;
    record *head, *tail;
    int closing;
    pthread_mutex_t done_lock; /* done list */
    record *done_head, *done_tail;
    pthread_mutex_t context_lock; /* the context cannot be destroyed while it is woken */
    struct lws_context *context;
    int trace; /* FCR_TRACE set: each batch's size and times on stderr */
};

void store_time(char out[32]) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    unsigned ms = (unsigned)(now.tv_nsec / 1000000) % 1000u;
    out[n] = '.';
    out[n + 1] = (char)('0' + ms / 100);
    out[n + 2] = (char)('0' + ms / 10 % 10);
    out[n + 3] = (char)('0' + ms % 10);
    out[n + 4] = 'Z';
    out[n + 5] = 0;
}

void record_free(record *r) {
    if (!r) return;
    free(r->text);
    free(r->ref);
    free(r);
}

static int step(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static const char *status_word(int status) {
    return status == 3 ? "revealed" : status == 2 ? "closed" : "open";
}

/* Writes one record; 0 when the database took it. A refused statement changes nothing
 * (SQLite undoes the statement alone), so the rest of the batch goes on. */
static int write_record(store *s, record *r) {
    sqlite3_stmt **st = s->stmt;
    switch (r->kind) {
    case REC_SESSION:
        sqlite3_bind_text(st[ST_SESSION], 1, r->at, -1, SQLITE_STATIC);
        if (step(st[ST_SESSION])) return -1;
        sqlite3_bind_text(st[ST_SESSION_ENTRY], 1, r->at, -1, SQLITE_STATIC);
        return step(st[ST_SESSION_ENTRY]);
    case REC_RUN:
        sqlite3_bind_int(st[ST_RUN], 1, r->run);
        sqlite3_bind_text(st[ST_RUN], 2, r->at, -1, SQLITE_STATIC);
        return step(st[ST_RUN]);
    case REC_SCENE:
        sqlite3_bind_int(st[ST_SCENE], 1, r->run);
        sqlite3_bind_text(st[ST_SCENE], 2, scene_ids[r->scene], -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_SCENE], 3, r->at, -1, SQLITE_STATIC);
        return step(st[ST_SCENE]);
    case REC_ROUND_OPEN:
        sqlite3_bind_int(st[ST_ROUND], 1, r->round);
        sqlite3_bind_int(st[ST_ROUND], 2, r->run);
        sqlite3_bind_text(st[ST_ROUND], 3, scene_ids[r->scene], -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_ROUND], 4, QUESTION, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_ROUND], 5, r->at, -1, SQLITE_STATIC);
        if (step(st[ST_ROUND])) return -1;
        for (int i = 0; i < OPTION_COUNT; i++) {
            sqlite3_bind_int(st[ST_ROUND_OPTION], 1, r->round);
            sqlite3_bind_int(st[ST_ROUND_OPTION], 2, i);
            sqlite3_bind_text(st[ST_ROUND_OPTION], 3, option_ids[i], -1, SQLITE_STATIC);
            sqlite3_bind_text(st[ST_ROUND_OPTION], 4, option_labels[i], -1, SQLITE_STATIC);
            if (step(st[ST_ROUND_OPTION])) return -1;
        }
        return 0;
    case REC_ROUND_STATUS:
        sqlite3_bind_int(st[ST_ROUND_STATUS], 1, r->round);
        sqlite3_bind_text(st[ST_ROUND_STATUS], 2, status_word(r->status), -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_ROUND_STATUS], 3, r->at, -1, SQLITE_STATIC);
        return step(st[ST_ROUND_STATUS]);
    case REC_DEVICE:
        sqlite3_bind_text(st[ST_DEVICE], 1, r->token, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_DEVICE], 2, r->at, -1, SQLITE_STATIC);
        return step(st[ST_DEVICE]);
    case REC_VOTE:
        sqlite3_bind_int(st[ST_VOTE], 1, r->round);
        sqlite3_bind_text(st[ST_VOTE], 2, r->token, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_VOTE], 3, option_ids[r->option], -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_VOTE], 4, r->at, -1, SQLITE_STATIC);
        return step(st[ST_VOTE]);
    case REC_SNAPSHOT:
        sqlite3_bind_text(st[ST_SNAPSHOT], 1, r->text ? r->text : "{}", -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_SNAPSHOT], 2, r->at, -1, SQLITE_STATIC);
        return step(st[ST_SNAPSHOT]);
    }
    return -1;
}

/* One transaction for the batch, one fsync for all of it. */
static double monotonic(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double thread_cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void write_batch(store *s, record *batch) {
    double started = s->trace ? monotonic() : 0, cpu = s->trace ? thread_cpu() : 0;
    if (step(s->stmt[ST_BEGIN])) {
        for (record *r = batch; r; r = r->next) r->ok = 0;
        fprintf(stderr, "forum-c-reference: BEGIN failed: %s\n", sqlite3_errmsg(s->db));
        return;
    }
    int count = 0;
    for (record *r = batch; r; r = r->next, count++) r->ok = write_record(s, r) == 0;
    double written = s->trace ? monotonic() : 0, written_cpu = s->trace ? thread_cpu() : 0;
    int failed = step(s->stmt[ST_COMMIT]);
    if (s->trace)
        fprintf(stderr,
                "forum-c-reference: batch of %d: written in %.2f ms (%.2f ms CPU), committed in %.2f ms (%.2f ms CPU)\n",
                count, (written - started) * 1e3, (written_cpu - cpu) * 1e3, (monotonic() - written) * 1e3,
                (thread_cpu() - written_cpu) * 1e3);
    if (failed) {
        fprintf(stderr, "forum-c-reference: COMMIT failed: %s\n", sqlite3_errmsg(s->db));
        step(s->stmt[ST_ROLLBACK]);
        for (record *r = batch; r; r = r->next) r->ok = 0;
    }
}

static void *writer_main(void *arg) {
    store *s = arg;
    while (1) {
        pthread_mutex_lock(&s->lock);
        while (!s->head && !s->closing) pthread_cond_wait(&s->wake, &s->lock);
        if (!s->head) {
            pthread_mutex_unlock(&s->lock);
            break;
        }
        record *batch = s->head, *last = s->head;
        for (int n = 1; n < MAX_BATCH && last->next; n++) last = last->next;
        s->head = last->next;
        if (!s->head) s->tail = NULL;
        last->next = NULL;
        pthread_mutex_unlock(&s->lock);

        write_batch(s, batch);

        pthread_mutex_lock(&s->done_lock);
        if (s->done_tail) s->done_tail->next = batch;
        else s->done_head = batch;
        s->done_tail = last;
        pthread_mutex_unlock(&s->done_lock);
        pthread_mutex_lock(&s->context_lock);
        if (s->context) lws_cancel_service(s->context);
        pthread_mutex_unlock(&s->context_lock);
    }
    return NULL;
}

static int exec(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) == SQLITE_OK) return 0;
    fprintf(stderr, "forum-c-reference: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return -1;
}

store *store_open(const char *path) {
    store *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "forum-c-reference: cannot open %s: %s\n", path, sqlite3_errmsg(s->db));
        sqlite3_close(s->db);
        free(s);
        return NULL;
    }
    if (exec(s->db, "PRAGMA journal_mode = WAL") || exec(s->db, "PRAGMA synchronous = FULL") ||
        exec(s->db, "PRAGMA foreign_keys = ON") || exec(s->db, schema))
        goto fail;
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL) != SQLITE_OK) {
            fprintf(stderr, "forum-c-reference: %s: %s\n", statements[i], sqlite3_errmsg(s->db));
            goto fail;
        }
    }
    s->trace = getenv("FCR_TRACE") != NULL;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->wake, NULL);
    pthread_mutex_init(&s->done_lock, NULL);
    pthread_mutex_init(&s->context_lock, NULL);
    if (pthread_create(&s->thread, NULL, writer_main, s) != 0) {
        fprintf(stderr, "forum-c-reference: cannot start the writer thread\n");
        goto fail;
    }
    return s;
fail:
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->stmt[i]);
    sqlite3_close(s->db);
    free(s);
    return NULL;
}

void store_attach(store *s, struct lws_context *context) {
    pthread_mutex_lock(&s->context_lock);
    s->context = context;
    pthread_mutex_unlock(&s->context_lock);
}

void store_submit(store *s, record *r) {
    r->next = NULL;
    pthread_mutex_lock(&s->lock);
    int was_empty = s->head == NULL;
    if (s->tail) s->tail->next = r;
    else s->head = r;
    s->tail = r;
    pthread_mutex_unlock(&s->lock);
    if (was_empty) pthread_cond_signal(&s->wake);
}

record *store_take_done(store *s) {
    pthread_mutex_lock(&s->done_lock);
    record *list = s->done_head;
    s->done_head = s->done_tail = NULL;
    pthread_mutex_unlock(&s->done_lock);
    return list;
}

record *store_close(store *s) {
    pthread_mutex_lock(&s->lock);
    s->closing = 1;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    record *left = store_take_done(s);
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->stmt[i]);
    if (sqlite3_close(s->db) != SQLITE_OK) fprintf(stderr, "forum-c-reference: closing the database failed\n");
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->wake);
    pthread_mutex_destroy(&s->done_lock);
    pthread_mutex_destroy(&s->context_lock);
    free(s);
    return left;
}
