// DES-CBC with PKCS#5 padding of 1 KB (and of a 7-byte account name, the SMS platform's use),
// beside OpenSSL's DES-CBC through EVP and its legacy provider, OpenSSL's DES_ncbc_encrypt, and
// memcpy of the same bytes. "one_shot" sets the key for every message, as the platform's
// requests do; "keyed" keeps a schedule (OpenSSL: a context whose IV alone is reset).
#include <benchmark/benchmark.h>

#include <cstring>
#include <string_view>
#include <vector>

#include "random_input.hpp"
#include "smsgw/codec/des.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/des.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#endif

namespace {

namespace des = smsgw::codec::des;

const unsigned char key[8] = {0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38};
const unsigned char iv[8] = {0x12, 0x34, 0x56, 0x78, 0x90, 0xAB, 0xCD, 0xEF};

// The first n bytes of the benchmarks' shared random input.
std::string_view input(std::size_t n) { return std::string_view(bench::data()).substr(0, n); }

void bytes_counter(benchmark::State& state, std::size_t n) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
}

void smsgw_cbc(benchmark::State& state, bool set_key_each_time, bool encrypt) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<unsigned char> cipher(des::padded_size(n));
    smsgw::writer c(cipher);
    des::encrypt_cbc(key, iv, input(n), c);
    const smsgw::bytes in = encrypt ? smsgw::bytes(input(n)) : smsgw::bytes(cipher);
    std::vector<unsigned char> out(cipher.size());
    des::key_schedule ks;
    des::key_schedule::make(key, ks);
    for (auto _ : state) {
        smsgw::writer w(out);
        smsgw::result r;
        if (set_key_each_time) r = encrypt ? des::encrypt_cbc(key, iv, in, w) : des::decrypt_cbc(key, iv, in, w);
        else r = encrypt ? des::encrypt_cbc(ks, iv, in, w) : des::decrypt_cbc(ks, iv, in, w);
        benchmark::DoNotOptimize(r);
        benchmark::ClobberMemory();
    }
    bytes_counter(state, n);
}

void smsgw_des_cbc_encrypt_one_shot(benchmark::State& state) { smsgw_cbc(state, true, true); }
void smsgw_des_cbc_encrypt_keyed(benchmark::State& state) { smsgw_cbc(state, false, true); }
void smsgw_des_cbc_decrypt_keyed(benchmark::State& state) { smsgw_cbc(state, false, false); }

void smsgw_des_key_schedule(benchmark::State& state) {
    des::key_schedule ks;
    for (auto _ : state) {
        auto r = des::key_schedule::make(key, ks);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(ks);
    }
}

void memcpy_baseline(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<unsigned char> out(n);
    for (auto _ : state) {
        std::memcpy(out.data(), bench::data().data(), n);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    bytes_counter(state, n);
}

BENCHMARK(smsgw_des_cbc_encrypt_one_shot)->Arg(7)->Arg(1024);
BENCHMARK(smsgw_des_cbc_encrypt_keyed)->Arg(7)->Arg(1024);
BENCHMARK(smsgw_des_cbc_decrypt_keyed)->Arg(1024);
BENCHMARK(smsgw_des_key_schedule);
BENCHMARK(memcpy_baseline)->Arg(1024);

#ifdef SMSGW_HAVE_OPENSSL
// DES-CBC of OpenSSL 3's legacy provider, fetched once; the context is set up for each message
// (key and IV, or the IV alone) as a user of EVP does.
struct legacy_des_cbc {
    EVP_CIPHER* cipher = nullptr;
    legacy_des_cbc() {
        if (OSSL_PROVIDER_load(nullptr, "legacy") != nullptr && OSSL_PROVIDER_load(nullptr, "default") != nullptr) {
            cipher = EVP_CIPHER_fetch(nullptr, "DES-CBC", nullptr);
        }
    }
};

void openssl_evp(benchmark::State& state, bool set_key_each_time, bool encrypt) {
    static const legacy_des_cbc legacy;
    if (legacy.cipher == nullptr) {
        state.SkipWithError("OpenSSL's legacy provider does not load");
        return;
    }
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::string_view plain = input(n);
    std::vector<unsigned char> cipher(n + 8);
    std::vector<unsigned char> out(n + 16);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    EVP_CipherInit_ex(ctx, legacy.cipher, nullptr, key, iv, 1);
    EVP_CipherUpdate(ctx, cipher.data(), &len, reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(n));
    EVP_CipherFinal_ex(ctx, cipher.data() + len, &fin);
    const unsigned char* in = encrypt ? reinterpret_cast<const unsigned char*>(plain.data()) : cipher.data();
    const int in_size = encrypt ? static_cast<int>(n) : len + fin;
    EVP_CipherInit_ex(ctx, legacy.cipher, nullptr, key, iv, encrypt ? 1 : 0);
    for (auto _ : state) {
        EVP_CipherInit_ex(ctx, nullptr, nullptr, set_key_each_time ? key : nullptr, iv, encrypt ? 1 : 0);
        EVP_CipherUpdate(ctx, out.data(), &len, in, in_size);
        EVP_CipherFinal_ex(ctx, out.data() + len, &fin);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    EVP_CIPHER_CTX_free(ctx);
    bytes_counter(state, n);
}

void openssl_evp_des_cbc_encrypt_one_shot(benchmark::State& state) { openssl_evp(state, true, true); }
void openssl_evp_des_cbc_encrypt_keyed(benchmark::State& state) { openssl_evp(state, false, true); }
void openssl_evp_des_cbc_decrypt_keyed(benchmark::State& state) { openssl_evp(state, false, false); }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
// The low-level routine under the provider (no padding: the 1 KB are whole blocks).
void openssl_des_ncbc_encrypt_keyed(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto* plain = reinterpret_cast<const unsigned char*>(input(n).data());
    std::vector<unsigned char> out(n);
    DES_cblock k;
    std::memcpy(k, key, 8);
    DES_key_schedule ks;
    DES_set_key_unchecked(&k, &ks);
    for (auto _ : state) {
        DES_cblock v;
        std::memcpy(v, iv, 8);
        DES_ncbc_encrypt(plain, out.data(), static_cast<long>(n), &ks, &v, DES_ENCRYPT);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    bytes_counter(state, n);
}
#pragma GCC diagnostic pop

BENCHMARK(openssl_evp_des_cbc_encrypt_one_shot)->Arg(7)->Arg(1024);
BENCHMARK(openssl_evp_des_cbc_encrypt_keyed)->Arg(7)->Arg(1024);
BENCHMARK(openssl_evp_des_cbc_decrypt_keyed)->Arg(1024);
BENCHMARK(openssl_des_ncbc_encrypt_keyed)->Arg(1024);
#endif

}  // namespace
