// Base64 of 300 KB of random bytes (issue 2): smsgw beside memcpy of the same bytes and
// beside OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock when installed. Throughput counts the
// binary side (bytes encoded or produced by decoding), the same for every row.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

#include "random_input.hpp"
#include "smsgw/codec/base64.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

namespace {

using bench::data;
using bench::size;

namespace b64 = smsgw::codec::base64;
std::string encoded(const b64::encode_options& o = {}) {
    std::string out(b64::encoded_size(size, o), '\0');
    smsgw::writer w(out.data(), out.size());
    b64::encode(data(), w, o);
    return out;
}

BENCHMARK(bench::memcpy_300k);

void smsgw_encode(benchmark::State& state) {
    std::string out(b64::encoded_size(size), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(b64::encode(data(), w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_encode);

void smsgw_encode_mime_lines(benchmark::State& state) {
    const b64::encode_options o{b64::alphabet::standard, true, 76};
    std::string out(b64::encoded_size(size, o), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(b64::encode(data(), w, o));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_encode_mime_lines);

void smsgw_decode(benchmark::State& state) {
    const std::string text = encoded();
    std::string out(size, '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(b64::decode(text, w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_decode);

void smsgw_decode_mime_lines(benchmark::State& state) {
    const std::string text = encoded({b64::alphabet::standard, true, 76});
    std::string out(size, '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(b64::decode(text, w, {b64::alphabet::standard, b64::mode::mime}));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_decode_mime_lines);

#ifdef SMSGW_HAVE_OPENSSL
void openssl_EVP_EncodeBlock(benchmark::State& state) {
    std::string out(b64::encoded_size(size) + 1, '\0');
    for (auto _ : state) {
        benchmark::DoNotOptimize(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                                 reinterpret_cast<const unsigned char*>(data().data()),
                                                 static_cast<int>(size)));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(openssl_EVP_EncodeBlock);

void openssl_EVP_DecodeBlock(benchmark::State& state) {
    const std::string text = encoded();
    std::string out(size + 3, '\0');
    for (auto _ : state) {
        benchmark::DoNotOptimize(EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                                 reinterpret_cast<const unsigned char*>(text.data()),
                                                 static_cast<int>(text.size())));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(openssl_EVP_DecodeBlock);
#endif

}  // namespace
