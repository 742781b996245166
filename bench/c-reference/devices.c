/* Devices: a token per phone, found again when a phone reconnects with it; their rate
 * limits (Forum keeps an audience connection's bucket per device, across reconnects). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "server.h"

/* The most devices kept: past it, new phones are refused. */
#define MAX_DEVICES (1u << 21)

int bucket_allow(bucket *b, double now) {
    double tokens = b->tokens + (now - b->updated) * 20.0;
    b->tokens = tokens > 40.0 ? 40.0 : tokens;
    b->updated = now;
    if (b->tokens < 1.0) return 0;
    b->tokens -= 1.0;
    return 1;
}

static uint32_t hash(const char *token, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)token[i]) * 16777619u;
    return h;
}

static int grow_index(server *s) {
    uint32_t cap = s->index_cap ? s->index_cap * 2 : 4096;
    int32_t *index = malloc(cap * sizeof *index);
    if (!index) return -1;
    for (uint32_t i = 0; i < cap; i++) index[i] = -1;
    for (uint32_t d = 0; d < s->device_count; d++) {
        uint32_t at = hash(s->devices[d].token, 32) & (cap - 1);
        while (index[at] >= 0) at = (at + 1) & (cap - 1);
        index[at] = (int32_t)d;
    }
    free(s->device_index);
    s->device_index = index;
    s->index_cap = cap;
    return 0;
}

static void make_token(char out[33]) {
    static const char hex[] = "0123456789abcdef";
    unsigned char bytes[16];
    size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n > 0) got += (size_t)n;
    }
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[bytes[i] >> 4];
        out[2 * i + 1] = hex[bytes[i] & 15];
    }
    out[32] = 0;
}

/* The device of `token` (NULL or unknown: a new one); -1 when no more can be made. */
int device_find_or_make(server *s, const char *token, size_t n) {
    if (token && n == 32 && s->index_cap) {
        uint32_t at = hash(token, n) & (s->index_cap - 1);
        while (s->device_index[at] >= 0) {
            device *d = &s->devices[s->device_index[at]];
            if (memcmp(d->token, token, 32) == 0) return s->device_index[at];
            at = (at + 1) & (s->index_cap - 1);
        }
    }
    if (s->device_count >= MAX_DEVICES) return -1;
    if ((s->device_count + 1) * 2 > s->index_cap && grow_index(s)) return -1;
    if (s->device_count == s->device_cap) {
        uint32_t cap = s->device_cap ? s->device_cap * 2 : 1024;
        device *devices = realloc(s->devices, cap * sizeof *devices);
        if (!devices) return -1;
        s->devices = devices;
        s->device_cap = cap;
    }
    device *d = &s->devices[s->device_count];
    memset(d, 0, sizeof *d);
    make_token(d->token);
    d->limit.tokens = 40.0;
    d->limit.updated = now_seconds();
    uint32_t at = hash(d->token, 32) & (s->index_cap - 1);
    while (s->device_index[at] >= 0) at = (at + 1) & (s->index_cap - 1);
    s->device_index[at] = (int32_t)s->device_count;
    return (int)s->device_count++;
}
