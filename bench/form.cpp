// Form (application/x-www-form-urlencoded) encoding of 300 KB of random bytes, a binary JPEG
// as IMSP's send_mms carries it (issue 2), and the decoding back; memcpy of the same bytes
// beside. Throughput counts the binary side, the same for every row.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

#include "random_input.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/percent.hpp"

namespace {

using bench::data;
using bench::size;

namespace percent = smsgw::codec::percent;
namespace form = smsgw::codec::form;
const std::string& encoded() {
    static const std::string e = [] {
        std::string out(percent::encoded_size(data(), percent::style::form), '\0');
        smsgw::writer w(out.data(), out.size());
        percent::encode(data(), w, percent::style::form);
        return out;
    }();
    return e;
}

BENCHMARK(bench::memcpy_300k);

void smsgw_form_encode(benchmark::State& state) {
    std::string out(3 * size, '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(percent::encode(data(), w, percent::style::form));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_form_encode);

// Sizing first, then encoding into a buffer of exactly that size: what a caller does without
// a 3x worst-case buffer.
void smsgw_form_encoded_size_then_encode(benchmark::State& state) {
    std::string out(3 * size, '\0');
    for (auto _ : state) {
        const std::size_t n = percent::encoded_size(data(), percent::style::form);
        smsgw::writer w(out.data(), n);
        benchmark::DoNotOptimize(percent::encode(data(), w, percent::style::form));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_form_encoded_size_then_encode);

void smsgw_form_decode(benchmark::State& state) {
    std::string out(size, '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(percent::decode(encoded(), w, percent::style::form));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_form_decode);

// A request body: the binary as one field among short ones, built then found and decoded.
void smsgw_form_builder_and_fields(benchmark::State& state) {
    std::string body(3 * size + 256, '\0');
    std::string out(size, '\0');
    for (auto _ : state) {
        smsgw::writer w(body.data(), body.size());
        form::builder(w).add("username", "test").add("password", "secret").add("attachment", data());
        const form::fields f(std::string_view(body.data(), w.size()));
        const auto attachment = f.find("attachment");
        smsgw::writer o(out.data(), out.size());
        benchmark::DoNotOptimize(form::decode_value(*attachment, o));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}
BENCHMARK(smsgw_form_builder_and_fields);

}  // namespace
