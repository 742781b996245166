#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

/* SSL_set_tlsext_host_name is a macro over SSL_ctrl; Swift imports neither form. */
static inline int swift_ssl_set_sni(SSL *ssl, const char *name) { return (int)SSL_set_tlsext_host_name(ssl, name); }
/* The first error on OpenSSL's queue, as text (empty when there is none). */
static inline void swift_ssl_error_text(char *buffer, size_t size) {
    unsigned long code = ERR_get_error();
    if (size == 0) return;
    buffer[0] = 0;
    if (code != 0) ERR_error_string_n(code, buffer, size);
}
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
