// MD5 of 40 bytes (a CMPP AuthenticatorSource input: Source_Addr, 9 zeros, secret, timestamp)
// and of 1 MB, beside OpenSSL's MD5() and EVP_Digest() and memcpy of the same bytes.
#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <vector>

#include "smsgw/codec/md5.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#include <openssl/md5.h>
#endif

namespace {

std::vector<unsigned char> random_bytes(std::size_t n) {
    std::mt19937 rng(42);
    std::vector<unsigned char> v(n);
    for (auto& b : v) b = static_cast<unsigned char>(rng());
    return v;
}

void bytes_counter(benchmark::State& state, std::size_t n) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
}

void smsgw_md5(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto data = random_bytes(n);
    for (auto _ : state) {
        auto d = smsgw::codec::md5::hash(data);
        benchmark::DoNotOptimize(d);
    }
    bytes_counter(state, n);
}

void memcpy_baseline(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto data = random_bytes(n);
    std::vector<unsigned char> out(n);
    for (auto _ : state) {
        std::memcpy(out.data(), data.data(), n);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    bytes_counter(state, n);
}

BENCHMARK(smsgw_md5)->Arg(40)->Arg(1 << 20);
BENCHMARK(memcpy_baseline)->Arg(40)->Arg(1 << 20);

#ifdef SMSGW_HAVE_OPENSSL
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
void openssl_md5(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto data = random_bytes(n);
    unsigned char d[MD5_DIGEST_LENGTH];
    for (auto _ : state) {
        MD5(data.data(), n, d);
        benchmark::DoNotOptimize(d);
    }
    bytes_counter(state, n);
}
#pragma GCC diagnostic pop

void openssl_evp_md5(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto data = random_bytes(n);
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    for (auto _ : state) {
        EVP_Digest(data.data(), n, d, &len, EVP_md5(), nullptr);
        benchmark::DoNotOptimize(d);
    }
    bytes_counter(state, n);
}

BENCHMARK(openssl_md5)->Arg(40)->Arg(1 << 20);
BENCHMARK(openssl_evp_md5)->Arg(40)->Arg(1 << 20);
#endif

}  // namespace
