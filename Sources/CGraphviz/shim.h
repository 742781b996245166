#ifndef FORUM_CGRAPHVIZ_SHIM_H
#define FORUM_CGRAPHVIZ_SHIM_H

/* Graphviz (Debian libgraphviz-dev): the layout of the studio's story map. Only the graph's
 * shape goes in (scene ids, which are [a-z0-9-]); no story text ever reaches Graphviz. */
#include <graphviz/gvc.h>

/* Agdirected is an extern struct Swift imports as a global var (not concurrency-safe):
 * open the directed graph here. */
static inline Agraph_t *forum_agopen_directed(const char *name) { return agopen((char *)name, Agdirected, NULL); }

#endif
