#ifndef FORUM_CQRENCODE_SHIM_H
#define FORUM_CQRENCODE_SHIM_H

/* libqrencode (Debian libqrencode-dev): the join QR code. Swift imports qrencode.h as is;
 * this header only gives the module map a portable place to include it from. */

#include <qrencode.h>

#endif
