// libcrypto's SHA-256 through a context on the stack. The one-shot SHA256() of OpenSSL 3 goes
// through EVP_Q_digest, which looks the algorithm up by name and allocates a context at every
// call; the low-level functions (deprecated, hence the define) use the same SHA instructions.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

static inline void missiond_sha256(const unsigned char *d, size_t n, unsigned char *md) {
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, d, n);
    SHA256_Final(md, &c);
}
