#ifndef FORUM_CNATS_SHIM_H
#define FORUM_CNATS_SHIM_H

/* libnats (Debian libnats-dev 3.4.1): the NATS client with JetStream and key-value, used by
 * ForumNats. Swift imports nats.h as is: its callbacks are plain C function pointers with a
 * closure pointer, which @convention(c) closures express, so no trampolines are needed here.
 * This header only gives the module map a portable place to include it from. */

#include <nats/nats.h>

#endif
