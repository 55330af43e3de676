#include "core/revision/sha256.h"

#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace tempest {

namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compressOne(std::uint32_t state[8], const unsigned char* block)
{
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16
               | std::uint32_t(block[4 * i + 2]) << 8 | std::uint32_t(block[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const std::uint32_t choice = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + s1 + choice + kRound[i] + w[i];
        const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

void compressPortable(std::uint32_t state[8], const unsigned char* blocks, std::size_t count)
{
    for (std::size_t b = 0; b < count; ++b)
        compressOne(state, blocks + 64 * b);
}

#if defined(__x86_64__)
// The SHA extensions (Intel since Goldmont, AMD since Zen): the rounds in hardware,
// several times the portable code's speed. Message schedule in four registers.
__attribute__((target("sha,sse4.1"))) void compressShaNi(std::uint32_t state[8], const unsigned char* blocks,
                                                        std::size_t count)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);              // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);        // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);     // CDGH
    for (std::size_t b = 0; b < count; ++b) {
        const unsigned char* block = blocks + 64 * b;
        const __m128i abefSaved = state0, cdghSaved = state1;
        __m128i w[4];
        // Unrolled, so that w[] lives in registers and the branches below fold away.
#pragma GCC unroll 16
        for (int g = 0; g < 16; ++g) {  // rounds 4g .. 4g+3
            __m128i& cur = w[g % 4];
            __m128i& next = w[(g + 1) % 4];
            __m128i& prev = w[(g + 3) % 4];
            if (g < 4)
                cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * g)), byteSwap);
            __m128i msg = _mm_add_epi32(cur, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kRound[4 * g])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            if (g >= 3 && g <= 14) {
                next = _mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4));
                next = _mm_sha256msg2_epu32(next, cur);
            }
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
            if (g >= 1 && g <= 12)
                prev = _mm_sha256msg1_epu32(prev, cur);
        }
        state0 = _mm_add_epi32(state0, abefSaved);
        state1 = _mm_add_epi32(state1, cdghSaved);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

bool hasShaExtensions()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    const bool sha = (b >> 29) & 1;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return false;
    const bool sse41 = (c >> 19) & 1, ssse3 = (c >> 9) & 1;
    return sha && sse41 && ssse3;
}
#endif

using Compress = void (*)(std::uint32_t*, const unsigned char*, std::size_t);

constexpr std::uint32_t kInitialState[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

/// The digest of `size` bytes whose whole blocks went into `state` already, the tail
/// (fewer than 64 bytes) still to come.
std::array<std::uint8_t, 32> finish(std::uint32_t state[8], const unsigned char* tail, std::size_t rest,
                                    std::uint64_t size, Compress compress)
{
    // The tail, a 1 bit, zeros, and the length in bits: one block or two.
    unsigned char last[128] = {};
    if (rest)
        std::memcpy(last, tail, rest);
    last[rest] = 0x80;
    const std::size_t blocks = rest + 1 + 8 <= 64 ? 1 : 2;
    const std::uint64_t bits = size * 8;
    for (int i = 0; i < 8; ++i)
        last[blocks * 64 - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
    compress(state, last, blocks);
    std::array<std::uint8_t, 32> out{};
    for (int i = 0; i < 8; ++i)
        for (int k = 0; k < 4; ++k)
            out[std::size_t(4 * i + k)] = static_cast<std::uint8_t>(state[i] >> (24 - 8 * k));
    return out;
}

std::array<std::uint8_t, 32> digest(std::string_view data, Compress compress)
{
    std::uint32_t state[8];
    std::memcpy(state, kInitialState, sizeof state);
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t size = data.size();
    const std::size_t whole = size - size % 64;
    compress(state, bytes, whole / 64);
    return finish(state, bytes + whole, size - whole, size, compress);
}

Compress bestCompress()
{
#if defined(__x86_64__)
    static const Compress compress = hasShaExtensions() ? compressShaNi : compressPortable;
#else
    static const Compress compress = compressPortable;
#endif
    return compress;
}

std::string hex(const std::array<std::uint8_t, 32>& bytes)
{
    static constexpr char kHexDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (const std::uint8_t byte : bytes) {
        out += kHexDigits[byte >> 4];
        out += kHexDigits[byte & 0x0f];
    }
    return out;
}

} // namespace

std::array<std::uint8_t, 32> sha256(std::string_view data)
{
    return digest(data, bestCompress());
}

std::array<std::uint8_t, 32> sha256Portable(std::string_view data)
{
    return digest(data, compressPortable);
}

std::string sha256Hex(std::string_view data)
{
    return hex(sha256(data));
}

Sha256Stream::Sha256Stream()
{
    std::memcpy(m_state, kInitialState, sizeof m_state);
}

void Sha256Stream::absorb(std::string& buffer)
{
    const std::size_t whole = buffer.size() - buffer.size() % 64;
    bestCompress()(m_state, reinterpret_cast<const unsigned char*>(buffer.data()), whole / 64);
    m_size += whole;
    buffer.erase(0, whole);
}

std::string Sha256Stream::finishHex(std::string& buffer)
{
    absorb(buffer);
    return hex(finish(m_state, reinterpret_cast<const unsigned char*>(buffer.data()), buffer.size(),
                      m_size + buffer.size(), bestCompress()));
}

} // namespace tempest
