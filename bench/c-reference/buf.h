/* Growable byte buffers and the shared, reference-counted messages the server sends. */
#ifndef FCR_BUF_H
#define FCR_BUF_H

#include <stddef.h>
#include <stdint.h>

/* A growable byte buffer. Appends never overflow: they grow the buffer, and on an
 * allocation failure set `failed` (later appends are then ignored). */
typedef struct buf {
    unsigned char *data;
    size_t len, cap;
    int failed;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);
void buf_append(buf *b, const void *bytes, size_t n);
void buf_str(buf *b, const char *text);
void buf_int(buf *b, long long value);
/* `bytes` as a JSON string (quotes added; `"`, `\` and control characters escaped).
 * NULL writes `null`. */
void buf_json_string(buf *b, const char *bytes, size_t n);
void buf_json_cstr(buf *b, const char *text);

/* One encoded server message, shared by every connection it is queued for: LWS_PRE bytes of
 * headroom for lws's frame header, then the payload. Freed when the last holder releases it. */
typedef struct msg {
    uint32_t refs;
    size_t len;
    unsigned char *payload; /* points into storage, after the headroom */
    unsigned char storage[];
} msg;

/* A message holding a copy of `b`'s bytes (refs 1); NULL when out of memory. */
msg *msg_from_buf(const buf *b);
msg *msg_retain(msg *m);
void msg_release(msg *m);

#endif
