// libcrypto's one-shot SHA256() (not deprecated in OpenSSL 3, unlike SHA256_Init): it uses
// the CPU's SHA instructions where there are any.
#include <openssl/sha.h>
