/* Client messages: hello, vote, ping and the host commands forum-bench sends, with Forum's
 * errors, rate limit and overload refusal (Session+Messages.swift, Session.swift). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "messages.h"
#include "store.h"

/* Votes are refused (`overloaded`) while the oldest record waiting for the store has waited
 * longer than this (Forum's Session.overloadLag). */
#define OVERLOAD_LAG 0.5

static const char *const command_names[CMD_COUNT] = {"start", "next", "goto", "open", "close", "reveal", "replay"};

/* `"ref":...` for replies: the client's ref as a JSON string, or null. */
static void ref_member(buf *b, const char *ref, size_t n, int has_ref) {
    buf_str(b, "\"ref\":");
    if (has_ref) buf_json_string(b, ref, n);
    else buf_str(b, "null");
}

static void send_error_raw(server *s, conn *c, const char *code, const char *message, jstr ref) {
    buf *b = &s->scratch;
    buf_reset(b);
    buf_str(b, "{\"type\":\"error\",\"code\":");
    buf_json_cstr(b, code);
    buf_str(b, ",\"message\":");
    buf_json_cstr(b, message);
    if (ref.present) {
        buf_str(b, ",");
        ref_member(b, ref.s, ref.n, 1);
    }
    buf_str(b, "}");
    conn_send_buf(s, c, b);
}

/* Sends an error and counts it: more than 50 errors a minute close the connection. */
void send_error(server *s, conn *c, const char *code, const char *message, jstr ref) {
    send_error_raw(s, c, code, message, ref);
    double now = now_seconds();
    if (now - c->error_window > 60) {
        c->error_window = now;
        c->recent_errors = 0;
    }
    if (++c->recent_errors > 50) conn_close_after_write(c);
}

static jstr ref_of(const record *r) {
    jstr ref = {r->ref, r->ref ? strlen(r->ref) : 0, r->has_ref};
    return ref;
}

/* A record with its time and ticket; NULL when out of memory. */
static record *new_record(server *s, int kind) {
    record *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->kind = kind;
    r->device = -1;
    store_time(r->at);
    r->ticket = s->next_ticket++;
    s->submitted_at[r->ticket % STORE_RING] = now_seconds();
    return r;
}

static int set_reply_ref(record *r, jstr ref) {
    if (!ref.present) return 0;
    r->ref = malloc(ref.n + 1);
    if (!r->ref) return -1;
    memcpy(r->ref, ref.s, ref.n);
    r->ref[ref.n] = 0;
    r->has_ref = 1;
    return 0;
}

/* Seconds the oldest record still waiting for the store has waited. */
static double store_lag(server *s, double now) {
    if (s->settled_through + 1 >= s->next_ticket) return 0;
    return now - s->submitted_at[(s->settled_through + 1) % STORE_RING];
}

static void welcome(server *s, conn *c) {
    buf *b = &s->scratch;
    buf_reset(b);
    buf_str(b, "{\"type\":\"welcome\",\"protocol\":1,\"role\":");
    if (c->role == ROLE_AUDIENCE) {
        buf_str(b, "\"audience\",\"device\":");
        buf_json_cstr(b, s->devices[c->device].token);
    } else {
        buf_str(b, "\"host\"");
    }
    buf_str(b, ",\"event\":{\"title\":\"Forum C reference\",\"next_steps\":\"\"},\"perspectives\":[],"
               "\"perspective\":null,\"join_urls\":[],\"support\":[],\"translations\":{}");
    if (c->role == ROLE_AUDIENCE) {
        buf_str(b, ",\"place\":null}");
    } else {
        buf_str(b, ",\"join_qr\":null,\"remote_join_url\":null,\"remote_join_qr\":null,\"stories\":[{\"id\":\"" STORY_ID
                   "\",\"title\":\"" STORY_TITLE "\",\"summary\":null,\"scenes\":");
        buf_int(b, SCENE_COUNT);
        buf_str(b, "}],\"sessions\":[{\"id\":\"" SESSION_ID "\",\"title\":\"" SESSION_TITLE
                   "\",\"starts\":null,\"stories\":[\"" STORY_ID "\"]}]}");
    }
    conn_send_buf(s, c, b);
    conn_queue(s, c, state_for(s, c), 1);
}

static int key_matches(const char *given, size_t n, const char *key) {
    size_t k = strlen(key);
    unsigned char diff = (unsigned char)(n != k);
    for (size_t i = 0; i < k; i++) diff |= (unsigned char)((i < n ? (unsigned char)given[i] : 0) ^ (unsigned char)key[i]);
    return diff == 0;
}

static void hello(server *s, conn *c, const client_msg *m) {
    if (c->role != ROLE_NONE) {
        send_error(s, c, "already_joined", "This connection has already said hello.", m->ref);
        return;
    }
    if (jstr_is(m->role, "audience")) {
        int d = device_find_or_make(s, m->device.present ? m->device.s : NULL, m->device.n);
        if (d < 0) {
            send_error_raw(s, c, "overloaded", "Too many phones: please try again later.", m->ref);
            conn_close_after_write(c);
            return;
        }
        c->device = d;
        c->role = ROLE_AUDIENCE;
        s->audience_connected++;
        s->tally_dirty = 1;
        s->counts_version++;
    } else if (jstr_is(m->role, "host")) {
        if (!m->key.present || !key_matches(m->key.s, m->key.n, s->host_key)) {
            send_error(s, c, "unauthorized", "The host key is wrong.", m->ref);
            conn_close_after_write(c);
            return;
        }
        c->role = ROLE_HOST;
        s->hosts_connected++;
    } else {
        send_error(s, c, "bad_role", "This server knows the roles audience and host.", m->ref);
        return;
    }
    welcome(s, c);
}

static int parse_round(jstr id) {
    if (id.n < 2 || id.n > 10 || id.s[0] != 'D') return 0;
    int n = 0;
    for (size_t i = 1; i < id.n; i++) {
        if (id.s[i] < '0' || id.s[i] > '9') return 0;
        n = n * 10 + (id.s[i] - '0');
    }
    return n;
}

static void vote(server *s, conn *c, const client_msg *m) {
    if (c->role != ROLE_AUDIENCE) {
        send_error(s, c, "forbidden", "Only audience connections can vote.", m->ref);
        return;
    }
    if (!m->decision.present || !m->option.present) {
        send_error(s, c, "bad_message", "A vote needs a decision and an option.", m->ref);
        return;
    }
    double now = now_seconds();
    if (store_lag(s, now) > OVERLOAD_LAG || s->next_ticket - 1 - s->settled_through >= STORE_MAX_WAITING) {
        /* Not the phone's fault: not counted against it as errors are. */
        send_error_raw(s, c, "overloaded", "Too many votes at once: please try again in a moment.", m->ref);
        return;
    }
    int round = parse_round(m->decision);
    if (!round || round > s->rounds_made) {
        send_error(s, c, "unknown_decision", "There is no such decision.", m->ref);
        return;
    }
    if (round != s->round || s->round_status != ROUND_OPEN) {
        send_error(s, c, "decision_closed", "This vote is closed.", m->ref);
        return;
    }
    int option = -1;
    for (int i = 0; i < OPTION_COUNT; i++)
        if (jstr_is(m->option, option_ids[i])) option = i;
    if (option < 0) {
        send_error(s, c, "unknown_option", "There is no such option.", m->ref);
        return;
    }
    device *d = &s->devices[c->device];
    record *r = new_record(s, REC_VOTE);
    if (!r || set_reply_ref(r, m->ref)) {
        record_free(r);
        send_error_raw(s, c, "storage_failed", "Your vote could not be saved. Please try again.", m->ref);
        return;
    }
    if (!d->enlisted) {
        record *join = new_record(s, REC_DEVICE);
        if (!join) {
            record_free(r);
            send_error_raw(s, c, "storage_failed", "Your vote could not be saved. Please try again.", m->ref);
            return;
        }
        /* The device row goes first: the vote's foreign key needs it. */
        r->ticket = s->next_ticket - 1;
        join->ticket = r->ticket - 1;
        s->submitted_at[join->ticket % STORE_RING] = now;
        s->submitted_at[r->ticket % STORE_RING] = now;
        memcpy(join->token, d->token, sizeof join->token);
        d->enlisted = 1;
        store_submit(s->store, join);
    }
    memcpy(r->token, d->token, sizeof r->token);
    r->round = round;
    r->option = option;
    r->reply = REPLY_VOTE;
    r->slot = c->slot;
    r->gen = c->gen;
    r->device = c->device;
    store_submit(s->store, r);
}

/* The show changes for a host command; returns the error code, or NULL when done (the
 * records to store are appended to `out`, `*count` of them). */
static const char *perform(server *s, int cmd, const client_msg *m, record **out, int *count, const char **why) {
    *count = 0;
    *why = "";
#define ADD(kind)                                                                                                      \
    do {                                                                                                               \
        record *added = new_record(s, kind);                                                                           \
        if (!added) return "storage_failed";                                                                           \
        out[(*count)++] = added;                                                                                       \
    } while (0)
    if (cmd != CMD_START && s->run == 0) {
        *why = "No story is playing.";
        return "no_story";
    }
    switch (cmd) {
    case CMD_START:
        if (!m->arg_story.present) {
            *why = "start needs a story.";
            return "bad_message";
        }
        if (!jstr_is(m->arg_story, STORY_ID)) {
            *why = "There is no such story.";
            return "unknown_story";
        }
        if (!s->session_entered) {
            ADD(REC_SESSION);
            s->session_entered = 1;
        }
        s->run++;
        ADD(REC_RUN);
        out[*count - 1]->run = s->run;
        s->scene = SCENE_INTRO;
        break;
    case CMD_NEXT:
        if (s->scene == SCENE_CHOICE) {
            *why = "This scene ends with a decision: follow an option or go to a scene.";
            return "at_decision";
        }
        s->scene = SCENE_CHOICE;
        break;
    case CMD_GOTO: {
        int scene = -1;
        for (int i = 0; i < SCENE_COUNT; i++)
            if (jstr_is(m->arg_scene, scene_ids[i])) scene = i;
        if (scene < 0) {
            *why = "There is no such scene.";
            return "unknown_scene";
        }
        s->scene = scene;
        break;
    }
    case CMD_OPEN:
        if (s->scene != SCENE_CHOICE) {
            *why = "This scene has no decision.";
            return "no_decision";
        }
        if (s->round) {
            *why = "This decision already has a round: replay the scene for a new one.";
            return "round_exists";
        }
        s->round = ++s->rounds_made;
        s->round_status = ROUND_OPEN;
        memset(s->counts, 0, sizeof s->counts);
        s->total = 0;
        ADD(REC_ROUND_OPEN);
        out[*count - 1]->round = s->round;
        out[*count - 1]->run = s->run;
        out[*count - 1]->scene = s->scene;
        break;
    case CMD_CLOSE:
    case CMD_REVEAL:
        if (!s->round) {
            *why = "There is no round.";
            return "no_round";
        }
        if (cmd == CMD_CLOSE ? s->round_status != ROUND_OPEN : s->round_status == ROUND_REVEALED) {
            *why = cmd == CMD_CLOSE ? "The round is not open." : "The round is already revealed.";
            return "round_not_open";
        }
        s->round_status = cmd == CMD_CLOSE ? ROUND_CLOSED : ROUND_REVEALED;
        ADD(REC_ROUND_STATUS);
        out[*count - 1]->round = s->round;
        out[*count - 1]->status = s->round_status;
        break;
    case CMD_REPLAY:
        if (s->scene != SCENE_CHOICE) {
            *why = "This scene has no decision.";
            return "no_decision";
        }
        if (!s->round) {
            *why = "There is no round to replay.";
            return "no_round";
        }
        break;
    }
    if (cmd == CMD_START || cmd == CMD_NEXT || cmd == CMD_GOTO || cmd == CMD_REPLAY) {
        /* A scene put on the screens: a fresh visit, its decision pending. */
        s->visit++;
        s->round = 0;
        s->round_status = ROUND_PENDING;
        memset(s->counts, 0, sizeof s->counts);
        s->total = 0;
        ADD(REC_SCENE);
        out[*count - 1]->run = s->run;
        out[*count - 1]->scene = s->scene;
    }
    ADD(REC_SNAPSHOT);
    out[*count - 1]->text = snapshot_json(s);
    return NULL;
#undef ADD
}

static void command(server *s, conn *c, const client_msg *m) {
    if (c->role != ROLE_HOST) {
        send_error(s, c, "forbidden", "Only the host can run commands.", m->ref);
        return;
    }
    int cmd = -1;
    for (int i = 0; i < CMD_COUNT; i++)
        if (jstr_is(m->command, command_names[i])) cmd = i;
    if (cmd < 0) {
        send_error(s, c, "unknown_command", "This server knows start, next, goto, open, close, reveal and replay.",
                   m->ref);
        return;
    }
    record *records[8];
    int count = 0;
    const char *why;
    const char *code = perform(s, cmd, m, records, &count, &why);
    if (code) {
        for (int i = 0; i < count; i++) record_free(records[i]);
        send_error(s, c, code, why, m->ref);
        return;
    }
    record *last = records[count - 1];
    if (set_reply_ref(last, m->ref)) last->has_ref = 0;
    last->reply = REPLY_COMMAND;
    last->command = cmd;
    last->slot = c->slot;
    last->gen = c->gen;
    for (int i = 0; i < count; i++) store_submit(s->store, records[i]);
    broadcast_state(s);
}

void handle_message(server *s, conn *c, const char *text, size_t len) {
    client_msg m;
    int parsed = json_parse_client(text, len, s->arena, &m);
    jstr none = {0};
    if (parsed == -1) {
        send_error(s, c, "bad_json", "The message is not JSON.", none);
        return;
    }
    if (parsed == -2 || !m.type.present) {
        send_error(s, c, "bad_message", "A message is a JSON object with a type.", none);
        return;
    }
    if (jstr_is(m.type, "hello")) {
        hello(s, c, &m);
        return;
    }
    if (c->role == ROLE_NONE) {
        send_error(s, c, "not_joined", "Say hello first.", m.ref);
        return;
    }
    if (jstr_is(m.type, "vote")) vote(s, c, &m);
    else if (jstr_is(m.type, "command")) command(s, c, &m);
    else if (jstr_is(m.type, "ping")) {
        buf_reset(&s->scratch);
        buf_str(&s->scratch, "{\"type\":\"pong\"}");
        conn_send_buf(s, c, &s->scratch);
    } else {
        send_error(s, c, "unknown_type", "This server does not know that type of message.", m.ref);
    }
}

/* Takes back what the store committed (or failed), in order: counts the votes, sends the
 * acks (or storage_failed errors). */
void server_settle(server *s) {
    record *list = store_take_done(s->store);
    if (!list) return;
    while (list) {
        record *r = list;
        list = r->next;
        s->settled_through = r->ticket;
        if (!r->ok) {
            s->store_failed++;
            if (r->kind != REC_VOTE && r->kind != REC_DEVICE) s->command_failed = 1;
        }
        conn *c = r->reply != REPLY_NONE ? conn_lookup(s, r->slot, r->gen) : NULL;
        if (r->reply == REPLY_VOTE && r->ok) {
            device *d = &s->devices[r->device];
            if (r->round == s->round) {
                if (d->vote_round == r->round) s->counts[d->vote_option]--;
                else s->total++;
                s->counts[r->option]++;
                s->tally_dirty = 1;
            }
            d->vote_round = r->round;
            d->vote_option = r->option;
            if (c) {
                buf *b = &s->scratch;
                buf_reset(b);
                buf_str(b, "{\"type\":\"ack\",");
                ref_member(b, r->ref, r->ref ? strlen(r->ref) : 0, r->has_ref);
                buf_str(b, ",\"decision\":\"D");
                buf_int(b, r->round);
                buf_str(b, "\",\"option\":");
                buf_json_cstr(b, option_ids[r->option]);
                buf_str(b, "}");
                conn_send_buf(s, c, b);
            }
        } else if (r->reply == REPLY_VOTE && c) {
            send_error_raw(s, c, "storage_failed", "Your vote could not be saved. Please try again.", ref_of(r));
        } else if (r->reply == REPLY_COMMAND) {
            if (c && r->ok && !s->command_failed) {
                buf *b = &s->scratch;
                buf_reset(b);
                buf_str(b, "{\"type\":\"ack\",");
                ref_member(b, r->ref, r->ref ? strlen(r->ref) : 0, r->has_ref);
                buf_str(b, ",\"command\":");
                buf_json_cstr(b, command_names[r->command]);
                buf_str(b, "}");
                conn_send_buf(s, c, b);
            } else if (c) {
                send_error_raw(s, c, "storage_failed", "The command could not be saved.", ref_of(r));
            }
            s->command_failed = 0;
        }
        record_free(r);
    }
    s->counts_version++;
}
