/* Growable byte buffers and shared messages (see buf.h). */
#include "buf.h"

#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) { memset(b, 0, sizeof *b); }

void buf_free(buf *b) {
    free(b->data);
    buf_init(b);
}

void buf_reset(buf *b) {
    b->len = 0;
    b->failed = 0;
}

static int buf_grow(buf *b, size_t extra) {
    if (b->failed) return 0;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra;
    if (need <= b->cap) return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    unsigned char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = 1;
        return 0;
    }
    b->data = data;
    b->cap = cap;
    return 1;
}

void buf_append(buf *b, const void *bytes, size_t n) {
    if (n == 0 || !buf_grow(b, n)) return;
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

void buf_str(buf *b, const char *text) { buf_append(b, text, strlen(text)); }

void buf_int(buf *b, long long value) {
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%lld", value);
    if (n > 0) buf_append(b, digits, (size_t)n);
}

void buf_json_string(buf *b, const char *bytes, size_t n) {
    static const char hex[] = "0123456789abcdef";
    if (!bytes) {
        buf_str(b, "null");
        return;
    }
    /* Worst case: every byte becomes \u00XX. */
    if (n > (SIZE_MAX - 2) / 6 || !buf_grow(b, n * 6 + 2)) {
        b->failed = 1;
        return;
    }
    unsigned char *out = b->data + b->len;
    *out++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == '"' || c == '\\') {
            *out++ = '\\';
            *out++ = c;
        } else if (c < 0x20) {
            *out++ = '\\';
            switch (c) {
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = (unsigned char)hex[c >> 4];
                *out++ = (unsigned char)hex[c & 15];
            }
        } else {
            *out++ = c;
        }
    }
    *out++ = '"';
    b->len = (size_t)(out - b->data);
}

void buf_json_cstr(buf *b, const char *text) { buf_json_string(b, text, text ? strlen(text) : 0); }

msg *msg_from_buf(const buf *b) {
    if (b->failed) return NULL;
    msg *m = malloc(sizeof *m + LWS_PRE + b->len);
    if (!m) return NULL;
    m->refs = 1;
    m->len = b->len;
    m->payload = m->storage + LWS_PRE;
    if (b->len) memcpy(m->payload, b->data, b->len);
    return m;
}

msg *msg_retain(msg *m) {
    if (m) m->refs++;
    return m;
}

void msg_release(msg *m) {
    if (m && --m->refs == 0) free(m);
}
