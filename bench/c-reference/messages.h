/* Client messages and the store's answers (messages.c). */
#ifndef FCR_MESSAGES_H
#define FCR_MESSAGES_H

#include "json.h"
#include "server.h"

void handle_message(server *s, conn *c, const char *text, size_t len);
void send_error(server *s, conn *c, const char *code, const char *message, jstr ref);

#endif
