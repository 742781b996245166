#ifndef FORUM_CZLIB_SHIM_H
#define FORUM_CZLIB_SHIM_H

/* zlib (Debian zlib1g-dev): the pages are gzipped once at startup. */

#include <zlib.h>

/* deflateInit2 / inflateInit2 are function-like macros (they pass ZLIB_VERSION and the
 * stream's size): Swift cannot import them. windowBits 15 + 16 selects the gzip wrapper. */
static inline int forum_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
}
static inline int forum_inflate_init_gzip(z_streamp stream) { return inflateInit2(stream, 15 + 16); }

#endif
