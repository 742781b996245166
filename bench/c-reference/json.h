/* The part of a client message the reference server reads: a strict JSON parser that checks
 * the whole text and keeps the top-level string and boolean members it knows, and the string
 * members of `args`. Strings are unescaped into an arena as long as the text (a JSON string
 * never decodes longer than it is written), so nothing can overflow. */
#ifndef FCR_JSON_H
#define FCR_JSON_H

#include <stddef.h>

/* A decoded string: `present` when the member was there as a string. */
typedef struct jstr {
    const char *s;
    size_t n;
    int present;
} jstr;

typedef struct client_msg {
    jstr type, role, device, key, ref, decision, option, command;
    jstr arg_story, arg_scene;
    int state_after_ack; /* 1 unless the member is `false` */
    int ref_is_other;    /* `ref` was there but not a string */
} client_msg;

/* Parses `text` (`len` bytes, not NUL-terminated). `arena` must hold at least `len` bytes.
 * Returns 0 on success, -1 when the text is not JSON, -2 when it is JSON but not an object. */
int json_parse_client(const char *text, size_t len, char *arena, client_msg *out);

/* Whether `s` is exactly the C string `word`. */
int jstr_is(jstr s, const char *word);

#endif
