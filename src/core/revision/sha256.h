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

/// SHA-256 of text written in pieces into a buffer the caller owns: absorb() hashes the
/// whole 64-byte blocks at its front and erases them, so the text is never whole in
/// memory (a migration's checksum text is as large as the migration: 11.6 MB for a
/// base migration of 5,000 tables; issue 12). finishHex(buffer) equals
/// sha256Hex(everything written).
class Sha256Stream {
public:
    Sha256Stream();
    void absorb(std::string& buffer);
    std::string finishHex(std::string& buffer);

private:
    std::uint32_t m_state[8];
    std::uint64_t m_size = 0;  // bytes absorbed
};

} // namespace tempest
