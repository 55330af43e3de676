#pragma once
// SHA-256 (FIPS 180-4), for the migration checksums. Our own, not OpenSSL's: linking
// libcrypto cost every command ~2 ms of dynamic loading and `current` ~1 ms more of
// OpenSSL's initialisation, for a few hundred bytes hashed per revision.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tempest {

/// The 32-byte digest of `data` (with the CPU's SHA extensions where it has them).
std::array<std::uint8_t, 32> sha256(std::string_view data);

/// The same without the SHA extensions (for the tests of both).
std::array<std::uint8_t, 32> sha256Portable(std::string_view data);

/// The digest of `data` as 64 lower-case hex digits.
std::string sha256Hex(std::string_view data);

} // namespace tempest
