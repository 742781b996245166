/* A small strict JSON parser for client messages (see json.h). */
#include "json.h"

#include <string.h>

typedef struct parser {
    const char *p, *end;
    char *arena;
    int depth;
} parser;

enum { MAX_DEPTH = 32 };

static void skip_ws(parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) ps->p++;
}

static int hex4(const char *p, unsigned *out) {
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

/* A string at ps->p (which is '"'), decoded into the arena; `out` may be NULL to skip it. */
static int parse_string(parser *ps, jstr *out) {
    ps->p++;
    char *start = ps->arena, *w = ps->arena;
    while (1) {
        if (ps->p >= ps->end) return -1;
        unsigned char c = (unsigned char)*ps->p++;
        if (c == '"') break;
        if (c < 0x20) return -1;
        if (c != '\\') {
            *w++ = (char)c;
            continue;
        }
        if (ps->p >= ps->end) return -1;
        char e = *ps->p++;
        switch (e) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            unsigned cp;
            if (ps->end - ps->p < 4 || hex4(ps->p, &cp)) return -1;
            ps->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned low;
                if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' || hex4(ps->p + 2, &low) ||
                    low < 0xDC00 || low > 0xDFFF)
                    return -1;
                ps->p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return -1;
            }
            /* At most 4 bytes out for the 6 (or 12) read: the arena cannot overflow. */
            if (cp < 0x80) {
                *w++ = (char)cp;
            } else if (cp < 0x800) {
                *w++ = (char)(0xC0 | (cp >> 6));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *w++ = (char)(0xE0 | (cp >> 12));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *w++ = (char)(0xF0 | (cp >> 18));
                *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *w++ = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: return -1;
        }
    }
    ps->arena = w;
    if (out) {
        out->s = start;
        out->n = (size_t)(w - start);
        out->present = 1;
    } else {
        ps->arena = start; /* skipped: give the space back */
    }
    return 0;
}

static int parse_number(parser *ps) {
    const char *p = ps->p;
    if (p < ps->end && *p == '-') p++;
    if (p >= ps->end) return -1;
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < ps->end && *p >= '0' && *p <= '9') p++;
    } else {
        return -1;
    }
    if (p < ps->end && *p == '.') {
        p++;
        if (p >= ps->end || *p < '0' || *p > '9') return -1;
        while (p < ps->end && *p >= '0' && *p <= '9') p++;
    }
    if (p < ps->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < ps->end && (*p == '+' || *p == '-')) p++;
        if (p >= ps->end || *p < '0' || *p > '9') return -1;
        while (p < ps->end && *p >= '0' && *p <= '9') p++;
    }
    ps->p = p;
    return 0;
}

static int literal(parser *ps, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) return -1;
    ps->p += n;
    return 0;
}

/* What a value turned out to be, for the members the caller keeps. */
enum kind { K_OTHER, K_STRING, K_TRUE, K_FALSE, K_OBJECT };

typedef struct member_sink {
    client_msg *msg;
    int args; /* 1: this object is the top-level `args` */
} member_sink;

static int parse_value(parser *ps, jstr *as_string, enum kind *kind, member_sink *sink);

static jstr *slot_for(member_sink *sink, jstr key, int *is_args, int *is_state_after_ack, int *is_ref) {
    client_msg *m = sink->msg;
    *is_args = *is_state_after_ack = *is_ref = 0;
    if (sink->args) {
        if (jstr_is(key, "story")) return &m->arg_story;
        if (jstr_is(key, "scene")) return &m->arg_scene;
        return NULL;
    }
    if (jstr_is(key, "type")) return &m->type;
    if (jstr_is(key, "role")) return &m->role;
    if (jstr_is(key, "device")) return &m->device;
    if (jstr_is(key, "key")) return &m->key;
    if (jstr_is(key, "ref")) {
        *is_ref = 1;
        return &m->ref;
    }
    if (jstr_is(key, "decision")) return &m->decision;
    if (jstr_is(key, "option")) return &m->option;
    if (jstr_is(key, "command")) return &m->command;
    if (jstr_is(key, "args")) *is_args = 1;
    if (jstr_is(key, "state_after_ack")) *is_state_after_ack = 1;
    return NULL;
}

static int parse_object(parser *ps, member_sink *sink) {
    ps->p++; /* '{' */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        return 0;
    }
    while (1) {
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != '"') return -1;
        jstr key = {0};
        char *mark = ps->arena;
        if (parse_string(ps, &key)) return -1;
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != ':') return -1;
        ps->p++;
        skip_ws(ps);
        int is_args = 0, is_sab = 0, is_ref = 0;
        jstr *slot = sink ? slot_for(sink, key, &is_args, &is_sab, &is_ref) : NULL;
        if (!slot) ps->arena = mark; /* the key is no longer needed */
        member_sink child = {sink ? sink->msg : NULL, 1};
        enum kind kind = K_OTHER;
        jstr value = {0};
        if (parse_value(ps, slot ? &value : NULL, &kind, is_args ? &child : NULL)) return -1;
        if (slot) {
            if (kind == K_STRING) *slot = value;
            else if (is_ref) sink->msg->ref_is_other = 1;
        }
        if (is_sab && kind == K_FALSE) sink->msg->state_after_ack = 0;
        skip_ws(ps);
        if (ps->p >= ps->end) return -1;
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p == '}') {
            ps->p++;
            return 0;
        }
        return -1;
    }
}

static int parse_array(parser *ps) {
    ps->p++; /* '[' */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return 0;
    }
    while (1) {
        skip_ws(ps);
        enum kind kind;
        if (parse_value(ps, NULL, &kind, NULL)) return -1;
        skip_ws(ps);
        if (ps->p >= ps->end) return -1;
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p == ']') {
            ps->p++;
            return 0;
        }
        return -1;
    }
}

static int parse_value(parser *ps, jstr *as_string, enum kind *kind, member_sink *sink) {
    *kind = K_OTHER;
    if (ps->p >= ps->end) return -1;
    if (++ps->depth > MAX_DEPTH) return -1;
    int result;
    switch (*ps->p) {
    case '{':
        *kind = K_OBJECT;
        result = parse_object(ps, sink);
        break;
    case '[': result = parse_array(ps); break;
    case '"':
        *kind = K_STRING;
        result = parse_string(ps, as_string);
        break;
    case 't':
        *kind = K_TRUE;
        result = literal(ps, "true");
        break;
    case 'f':
        *kind = K_FALSE;
        result = literal(ps, "false");
        break;
    case 'n': result = literal(ps, "null"); break;
    default: result = parse_number(ps);
    }
    ps->depth--;
    return result;
}

int json_parse_client(const char *text, size_t len, char *arena, client_msg *out) {
    memset(out, 0, sizeof *out);
    out->state_after_ack = 1;
    parser ps = {text, text + len, arena, 0};
    skip_ws(&ps);
    if (ps.p >= ps.end) return -1;
    member_sink sink = {out, 0};
    enum kind kind;
    int is_object = *ps.p == '{';
    if (parse_value(&ps, NULL, &kind, is_object ? &sink : NULL)) return -1;
    skip_ws(&ps);
    if (ps.p != ps.end) return -1;
    return is_object ? 0 : -2;
}

int jstr_is(jstr s, const char *word) {
    size_t n = strlen(word);
    return s.present && s.n == n && memcmp(s.s, word, n) == 0;
}
