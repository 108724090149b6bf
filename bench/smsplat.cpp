// The HTTP SMS platform (issue 18): HttpBatchSendSM with 50000 numbers and a 585-character
// Chinese message encoded to its body, beside memcpy of that body (throughput: the body's
// bytes, the same for both rows); its reply decoded; and, because the DES branch has no
// benchmark of its own, DES-CBC of 1 KB beside OpenSSL's legacy-provider DES-CBC (both with
// the key schedule in each call, as encrypt_account() makes it).
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>
#include <vector>

#include "smsgw/codec/des.hpp"
#include "smsgw/smsplat.hpp"

#if defined(SMSGW_HAVE_OPENSSL)
#include <openssl/evp.h>
#include <openssl/provider.h>
#endif

namespace {

namespace smsplat = smsgw::smsplat;

struct batch {
    std::string mobiles;
    std::string msg;
    smsplat::batch_send_request req;
    std::string body;

    batch() {
        for (std::size_t k = 0; k < smsplat::max_mobiles; ++k) {
            if (k != 0) mobiles += ',';
            mobiles += std::to_string(13800000000ULL + k * 7);
        }
        const std::string_view text = "【萌萌搭】尊敬的用户您好，您的注册验证码是：1131，请完成注册。";
        std::size_t chars = 0;
        while (smsgw::codec::utf8::count(msg, chars).ok() && chars < smsplat::max_msg_chars) msg += text;
        std::size_t at = 0;
        char32_t cp = 0;
        for (std::size_t n = 0; n < smsplat::max_msg_chars; ++n) smsgw::codec::utf8::next(msg, at, cp);
        msg.resize(at);
        req = {"jiemou-clcs-08", "Tch123456", mobiles, msg, "true", "1234567", "123"};
        body.resize(smsgw::encoded_size(req));
        smsgw::writer w(body.data(), body.size());
        if (!smsplat::encode(req, w)) std::abort();
    }
};

const batch& sample() {
    static const batch b;
    return b;
}

void memcpy_body(benchmark::State& state) {
    const batch& b = sample();
    std::vector<char> out(b.body.size());
    for (auto _ : state) {
        std::memcpy(out.data(), b.body.data(), b.body.size());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * b.body.size()));
}
BENCHMARK(memcpy_body);

void encode_batch_send(benchmark::State& state) {
    const batch& b = sample();
    std::vector<char> out(b.body.size());
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        const smsgw::result r = smsplat::encode(b.req, w);
        benchmark::DoNotOptimize(r);
        benchmark::ClobberMemory();
    }
    if (std::string_view(out.data(), out.size()) != b.body) state.SkipWithError("encoding differs");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * b.body.size()));
    state.counters["body_bytes"] = static_cast<double>(b.body.size());
}
BENCHMARK(encode_batch_send);

void decode_batch_send(benchmark::State& state) {
    const batch& b = sample();
    std::vector<smsgw::byte> scratch(b.body.size());
    for (auto _ : state) {
        smsplat::batch_send_request r;
        const smsgw::result res = smsplat::decode(b.body, r, scratch);
        benchmark::DoNotOptimize(res);
        benchmark::DoNotOptimize(r.mobile.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * b.body.size()));
}
BENCHMARK(decode_batch_send);

void decode_send_reply(benchmark::State& state) {
    const std::string_view answer = "20110725160412,0\n1234567890100\n";
    for (auto _ : state) {
        smsplat::send_reply r;
        const smsgw::result res = smsplat::decode(answer, r);
        benchmark::DoNotOptimize(res);
        benchmark::DoNotOptimize(r.msgid.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * answer.size()));
}
BENCHMARK(decode_send_reply);

const std::vector<unsigned char>& kilobyte() {
    static const std::vector<unsigned char> plain = [] {
        std::vector<unsigned char> p(1024);
        for (std::size_t k = 0; k < p.size(); ++k) p[k] = static_cast<unsigned char>(k * 31 + 7);
        return p;
    }();
    return plain;
}
constexpr unsigned char des_key[8] = {'1', '2', '3', '4', '5', '6', '7', '8'};

void des_cbc_1k_smsgw(benchmark::State& state) {
    const auto& plain = kilobyte();
    std::vector<unsigned char> out(smsgw::codec::des::padded_size(plain.size()));
    for (auto _ : state) {
        smsgw::writer w(smsgw::mutable_bytes(out.data(), out.size()));
        const smsgw::result r = smsgw::codec::des::encrypt_cbc(smsgw::bytes(des_key, 8), smsgw::bytes(plain.data(), plain.size()), w);
        benchmark::DoNotOptimize(r);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(des_cbc_1k_smsgw);

#if defined(SMSGW_HAVE_OPENSSL)
void des_cbc_1k_openssl(benchmark::State& state) {
    OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER* base = OSSL_PROVIDER_load(nullptr, "default");
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "DES-CBC", nullptr);
    if (legacy == nullptr || cipher == nullptr) {
        state.SkipWithError("OpenSSL's legacy provider has no DES-CBC");
        return;
    }
    const auto& plain = kilobyte();
    std::vector<unsigned char> out(plain.size() + 8);
    std::vector<unsigned char> expected(out.size());
    {
        smsgw::writer w(smsgw::mutable_bytes(expected.data(), expected.size()));
        smsgw::codec::des::encrypt_cbc(smsgw::bytes(des_key, 8), smsgw::bytes(plain.data(), plain.size()), w);
    }
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    for (auto _ : state) {
        int n = 0, tail = 0;
        EVP_EncryptInit_ex2(ctx, cipher, des_key, des_key, nullptr);
        EVP_EncryptUpdate(ctx, out.data(), &n, plain.data(), static_cast<int>(plain.size()));
        EVP_EncryptFinal_ex(ctx, out.data() + n, &tail);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    if (out != expected) state.SkipWithError("OpenSSL's cipher text differs from smsgw's");
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    OSSL_PROVIDER_unload(base);
    OSSL_PROVIDER_unload(legacy);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(des_cbc_1k_openssl);
#endif

}  // namespace
