// The HTTP SMS platform (issue 18): HttpBatchSendSM with 50000 numbers and a 585-character
// Chinese message encoded to its body, beside memcpy of that body (throughput: the body's
// bytes, the same for every row), the body decoded as the platform would, and its reply
// decoded. DES-CBC beside OpenSSL is bench/des.cpp.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>
#include <vector>

#include "smsgw/smsplat.hpp"

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

}  // namespace
