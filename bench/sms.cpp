// The User Data Header of a 140-byte concatenated segment (a 16-bit reference, then 133 bytes of
// text) read by parse_user_data() and written by write_concat_udh(), beside memcpy of the same
// 140 bytes: what any SMS protocol's receive and split paths do per segment.
#include <benchmark/benchmark.h>

#include <cstring>

#include "smsgw/sms/udh.hpp"

namespace {

namespace sms = smsgw::sms;

struct segment {
    unsigned char bytes[140];
    segment() {
        smsgw::writer out(bytes, sizeof bytes);
        sms::write_concat_udh(out, sms::concat_reference::ref16, 0x1234, 3, 2);
        while (out.size() < sizeof bytes) out.put(static_cast<smsgw::byte>('a' + out.size() % 26));
    }
};

const segment seg;

void parse_user_data(benchmark::State& state) {
    for (auto _ : state) {
        sms::user_data ud;
        smsgw::result r = sms::parse_user_data(smsgw::bytes(seg.bytes, sizeof seg.bytes), 1, ud);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(ud);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * sizeof seg.bytes));
}
BENCHMARK(parse_user_data);

void write_concat_udh(benchmark::State& state) {
    unsigned char out[sms::concat_udh_size(sms::concat_reference::ref16)];
    std::uint8_t number = 1;
    for (auto _ : state) {
        smsgw::writer w(out, sizeof out);
        sms::write_concat_udh(w, sms::concat_reference::ref16, 0x1234, 3, number);
        benchmark::DoNotOptimize(out);
        number = static_cast<std::uint8_t>(number % 3 + 1);
    }
}
BENCHMARK(write_concat_udh);

void memcpy_segment(benchmark::State& state) {
    unsigned char out[sizeof seg.bytes];
    for (auto _ : state) {
        std::memcpy(out, seg.bytes, sizeof out);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * sizeof seg.bytes));
}
BENCHMARK(memcpy_segment);

}  // namespace
