/* The show's states and tallies as Forum's protocol writes them (docs/protocol.md, and
 * Tests/ForumCoreTests/Golden/server-messages.txt for the exact members and their order).
 * A phone's state differs from another's only by its `my_vote`, so each audience state is
 * encoded once per possible vote and the same bytes go to every phone with that vote. */
#include <stdlib.h>
#include <string.h>

#include "server.h"

static const char *status_word(int status) {
    switch (status) {
    case ROUND_OPEN: return "open";
    case ROUND_CLOSED: return "closed";
    case ROUND_REVEALED: return "revealed";
    default: return "pending";
    }
}

static void round_id(buf *b, int round) {
    if (!round) {
        buf_str(b, "null");
        return;
    }
    buf_str(b, "\"D");
    buf_int(b, round);
    buf_str(b, "\"");
}

static void counts_json(server *s, buf *b) {
    buf_str(b, "{");
    for (int i = 0; i < OPTION_COUNT; i++) {
        if (i) buf_str(b, ",");
        buf_json_cstr(b, option_ids[i]);
        buf_str(b, ":");
        buf_int(b, s->counts[i]);
    }
    buf_str(b, "}");
}

/* A tally's members (without braces): the host's exact counts, or the room's. */
static void tally_members(server *s, buf *b, int for_host) {
    buf_str(b, "\"decision\":");
    round_id(b, s->round);
    buf_str(b, ",\"total\":");
    buf_int(b, s->total);
    buf_str(b, ",\"counts\":");
    counts_json(s, b);
    buf_str(b, ",\"by_perspective\":{},\"no_perspective\":");
    if (for_host) {
        counts_json(s, b);
        buf_str(b, ",\"small_groups\":[]");
    } else {
        buf_str(b, "null,\"small_groups\":[],\"folded_groups\":[],\"others\":null,\"split_withheld\":null");
    }
}

void tally_json(server *s, buf *b, int for_host) {
    int shown = s->round && (for_host || s->round_status == ROUND_REVEALED);
    if (!shown) {
        buf_str(b, "null");
        return;
    }
    buf_str(b, "{");
    tally_members(s, b, for_host);
    buf_str(b, "}");
}

static void audience_count(server *s, buf *b) {
    buf_str(b, "{\"connected\":");
    buf_int(b, s->audience_connected);
    buf_str(b, ",\"voted\":");
    buf_int(b, s->round ? s->total : 0);
    buf_str(b, "}");
}

static void store_health(server *s, buf *b) {
    buf_str(b, "{\"pending\":");
    buf_int(b, (long long)(s->next_ticket - 1 - s->settled_through));
    buf_str(b, ",\"failed\":");
    buf_int(b, s->store_failed);
    buf_str(b, "}");
}

/* The state for a role; for the audience, `vote` is the phone's counted vote (-1: none). */
static void state_json(server *s, buf *b, int for_host, int vote) {
    int playing = s->run > 0 && s->scene >= 0;
    buf_str(b, "{\"type\":\"state\",\"session\":");
    buf_str(b, s->session_entered ? "{\"id\":\"" SESSION_ID "\",\"title\":\"" SESSION_TITLE "\",\"starts\":null}"
                                  : "null");
    buf_str(b, ",\"story\":");
    if (playing) {
        buf_str(b, "{\"id\":\"" STORY_ID "\",\"title\":\"" STORY_TITLE
                   "\",\"language\":\"en\",\"content_notes\":[],\"run\":\"R");
        buf_int(b, s->run);
        buf_str(b, "\"},\"scene\":{\"id\":");
        buf_json_cstr(b, scene_ids[s->scene]);
        buf_str(b, ",\"title\":null,\"text\":");
        buf_json_cstr(b, scene_texts[s->scene]);
        buf_str(b, ",\"image\":null,\"image_alt\":null}");
    } else {
        buf_str(b, "null,\"scene\":null");
    }
    buf_str(b, ",\"decision\":");
    if (playing && s->scene == SCENE_CHOICE) {
        buf_str(b, "{\"id\":");
        round_id(b, s->round);
        buf_str(b, ",\"question\":");
        buf_json_cstr(b, QUESTION);
        buf_str(b, ",\"options\":[");
        for (int i = 0; i < OPTION_COUNT; i++) {
            if (i) buf_str(b, ",");
            buf_str(b, "{\"id\":");
            buf_json_cstr(b, option_ids[i]);
            buf_str(b, ",\"label\":");
            buf_json_cstr(b, option_labels[i]);
            buf_str(b, "}");
        }
        buf_str(b, "],\"status\":\"");
        buf_str(b, status_word(s->round ? s->round_status : ROUND_PENDING));
        buf_str(b, "\",\"results\":\"hidden\",\"split\":false,\"split_by\":\"perspective\"");
        if (!for_host) {
            buf_str(b, ",\"my_vote\":");
            if (vote >= 0) buf_json_cstr(b, option_ids[vote]);
            else buf_str(b, "null");
        }
        buf_str(b, "}");
    } else {
        buf_str(b, "null");
    }
    buf_str(b, ",\"tally\":");
    tally_json(s, b, for_host);
    if (for_host) {
        buf_str(b, ",\"host_notes\":null,\"host\":");
        if (playing) {
            buf_str(b, "{\"trail\":[],\"next\":");
            buf_str(b, s->scene == SCENE_INTRO ? "\"choice\"" : "null");
            buf_str(b, ",\"is_ending\":false,\"options_next\":{");
            if (s->scene == SCENE_CHOICE) {
                for (int i = 0; i < OPTION_COUNT; i++) {
                    if (i) buf_str(b, ",");
                    buf_json_cstr(b, option_ids[i]);
                    buf_str(b, ":\"intro\"");
                }
            }
            buf_str(b, "},\"scene_index\":");
            buf_int(b, s->scene + 1);
            buf_str(b, ",\"scene_count\":");
            buf_int(b, SCENE_COUNT);
            buf_str(b, ",\"winner\":[");
            if (s->round && s->round_status == ROUND_REVEALED && s->total > 0) {
                int best = 0, first = 1;
                for (int i = 0; i < OPTION_COUNT; i++)
                    if (s->counts[i] > best) best = s->counts[i];
                for (int i = 0; i < OPTION_COUNT; i++) {
                    if (s->counts[i] != best) continue;
                    if (!first) buf_str(b, ",");
                    first = 0;
                    buf_json_cstr(b, option_ids[i]);
                }
            }
            buf_str(b, "],\"undo\":null}");
        } else {
            buf_str(b, "null");
        }
    }
    buf_str(b, ",\"finished\":false,\"next_session\":null");
    if (for_host) {
        buf_str(b, ",\"join_screen\":false");
        if (playing) {
            buf_str(b, ",\"room\":{\"visit\":");
            buf_int(b, s->visit);
            buf_str(b, ",\"proposals_open\":false,\"stops\":0,\"acknowledged\":null,\"stops_shown\":false,"
                       "\"proposals_shown\":false,\"queue\":[]}");
        }
        buf_str(b, ",\"audience\":");
        audience_count(s, b);
        buf_str(b, ",\"store\":");
        store_health(s, b);
    } else if (playing) {
        buf_str(b, ",\"room\":{\"visit\":");
        buf_int(b, s->visit);
        buf_str(b, ",\"proposals_open\":false}");
    }
    buf_str(b, "}");
}

/* The phone's counted vote in the current round, -1 for none. */
static int vote_of(server *s, conn *c) {
    if (c->device < 0 || !s->round) return -1;
    device *d = &s->devices[c->device];
    return d->vote_round == s->round ? d->vote_option : -1;
}

/* The state for `c` (a new reference): the audience's shared per vote, until the show
 * changes; the host's made anew (its counts change with every vote). */
msg *state_for(server *s, conn *c) {
    if (c->role == ROLE_HOST) {
        if (!s->host_state || s->host_version != s->version || s->host_counts_version != s->counts_version) {
            msg_release(s->host_state);
            buf_reset(&s->scratch);
            state_json(s, &s->scratch, 1, -1);
            s->host_state = msg_from_buf(&s->scratch);
            s->host_version = s->version;
            s->host_counts_version = s->counts_version;
        }
        return msg_retain(s->host_state);
    }
    if (s->audience_version != s->version) {
        for (int i = 0; i <= OPTION_COUNT; i++) {
            msg_release(s->audience_state[i]);
            s->audience_state[i] = NULL;
        }
        s->audience_version = s->version;
    }
    int vote = vote_of(s, c);
    int at = vote < 0 ? OPTION_COUNT : vote;
    if (!s->audience_state[at]) {
        buf_reset(&s->scratch);
        state_json(s, &s->scratch, 0, vote);
        s->audience_state[at] = msg_from_buf(&s->scratch);
    }
    return msg_retain(s->audience_state[at]);
}

/* Every joined connection gets the new state (replacing one still waiting). */
void broadcast_state(server *s) {
    s->version++;
    for (uint32_t i = 0; i < s->slot_count; i++) {
        conn *c = s->slots[i].c;
        if (c && c->role != ROLE_NONE && !c->closing) conn_queue(s, c, state_for(s, c), 1);
    }
}

void send_tally_to_hosts(server *s) {
    buf_reset(&s->scratch);
    buf_str(&s->scratch, "{\"type\":\"tally\",");
    tally_members(s, &s->scratch, 1);
    buf_str(&s->scratch, ",\"audience\":");
    audience_count(s, &s->scratch);
    buf_str(&s->scratch, ",\"store\":");
    store_health(s, &s->scratch);
    buf_str(&s->scratch, "}");
    msg *m = msg_from_buf(&s->scratch);
    if (!m) return;
    for (uint32_t i = 0; i < s->slot_count; i++) {
        conn *c = s->slots[i].c;
        if (c && c->role == ROLE_HOST && !c->closing) conn_queue(s, c, msg_retain(m), 0);
    }
    msg_release(m);
}

/* The show's position, for `show_snapshot` (a restart is not supported: it is written for
 * the same cost as Forum's). */
char *snapshot_json(server *s) {
    buf b;
    buf_init(&b);
    buf_str(&b, "{\"run\":");
    buf_int(&b, s->run);
    buf_str(&b, ",\"scene\":");
    if (s->scene >= 0) buf_json_cstr(&b, scene_ids[s->scene]);
    else buf_str(&b, "null");
    buf_str(&b, ",\"round\":");
    round_id(&b, s->round);
    buf_str(&b, ",\"status\":\"");
    buf_str(&b, status_word(s->round ? s->round_status : ROUND_PENDING));
    buf_str(&b, "\"}");
    buf_append(&b, "", 1);
    if (b.failed) {
        buf_free(&b);
        return NULL;
    }
    return (char *)b.data;
}
