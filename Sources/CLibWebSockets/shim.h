#ifndef FORUM_CLIBWEBSOCKETS_SHIM_H
#define FORUM_CLIBWEBSOCKETS_SHIM_H

#include <libwebsockets.h>

/* LWS_PRE is a function-like-macro expression (_LWS_PAD(...)): Swift cannot import it. */
static inline size_t forum_lws_pre(void) { return LWS_PRE; }

/* lwsl_* are variadic macros over a variadic function: Swift imports neither. */
static inline void forum_lwsl(int level, const char *message) { _lws_log(level, "%s\n", message); }

#endif
