// Line replies: a QueryBalance answer of 4096 product lines (cmpp2-and-http-sms-platform.txt
// §11.3) and a two-line HttpBatchSendSM answer (§9.3.2), read by smsgw's line range and by its
// shape decoder, beside memchr('\n') over the same bytes (the floor: it does not look for CR)
// and beside the loops a user writes by hand, string_view::find('\n') and std::getline over an
// istringstream. Every row counts the lines and adds up their lengths. Throughput counts the
// reply's bytes, the same for every row. Then the 5C prefix reply beside a hand-written compare.
#include <benchmark/benchmark.h>

#include <cstring>
#include <sstream>
#include <string>
#include <string_view>

#include "smsgw/codec/line_reply.hpp"
#include "smsgw/codec/prefix_reply.hpp"

namespace {

namespace lines = smsgw::codec::lines;
namespace prefix = smsgw::codec::prefix;

constexpr lines::part query_balance_reply[] = {{"resptime,respstatus"},
                                               {"product,balance", lines::occurs::zero_or_more}};
constexpr lines::part batch_send_reply[] = {{"resptime,respstatus"}, {"msgid", lines::occurs::optional}};

const std::string& query_balance() {
    static const std::string text = [] {
        std::string t = "20130303180000,0";
        for (unsigned i = 0; i < 4096; ++i) {
            t += '\n';
            t += std::to_string(1234567 + i * 37);
            t += ',';
            t += std::to_string((i * 7919) % 100000);
        }
        return t;
    }();
    return text;
}
const std::string& batch_send() {
    static const std::string text = "20110725160412,0\n1234567890100";
    return text;
}
const std::string& input(int which) { return which == 0 ? query_balance() : batch_send(); }

struct tally {
    std::size_t lines = 0;
    std::size_t bytes = 0;
};

void finish(benchmark::State& state, const std::string& in) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
    state.SetLabel(in.size() > 100 ? "QueryBalance, 4097 lines" : "HttpBatchSendSM, 2 lines");
}

// A hand-written split: `next(s, pos)` is the offset of the first '\n' at or after pos, or s.size().
template <class Next>
void split_by_hand(benchmark::State& state, Next next) {
    const std::string& in = input(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        tally t;
        const std::string_view s = in;
        for (std::size_t pos = 0; pos < s.size();) {
            const std::size_t nl = next(s, pos);
            ++t.lines;
            t.bytes += nl - pos;
            pos = nl + 1;
        }
        benchmark::DoNotOptimize(t);
    }
    finish(state, in);
}

void memchr_lf(benchmark::State& state) {
    split_by_hand(state, [](std::string_view s, std::size_t pos) {
        const void* nl = std::memchr(s.data() + pos, '\n', s.size() - pos);
        return nl != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nl) - s.data()) : s.size();
    });
}
BENCHMARK(memchr_lf)->Arg(0)->Arg(1);

void find_lf_by_hand(benchmark::State& state) {
    split_by_hand(state, [](std::string_view s, std::size_t pos) {
        const std::size_t nl = s.find('\n', pos);
        return nl == std::string_view::npos ? s.size() : nl;
    });
}
BENCHMARK(find_lf_by_hand)->Arg(0)->Arg(1);

void getline_by_hand(benchmark::State& state) {
    const std::string& in = input(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        tally t;
        std::istringstream stream(in);
        std::string l;
        while (std::getline(stream, l)) {
            ++t.lines;
            t.bytes += l.size();
        }
        benchmark::DoNotOptimize(t);
    }
    finish(state, in);
}
BENCHMARK(getline_by_hand)->Arg(0)->Arg(1);

void smsgw_range(benchmark::State& state) {
    const std::string& in = input(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        tally t;
        for (const lines::line& l : lines::range(in)) {
            ++t.lines;
            t.bytes += l.text.size();
        }
        benchmark::DoNotOptimize(t);
    }
    finish(state, in);
}
BENCHMARK(smsgw_range)->Arg(0)->Arg(1);

// The shape decoder (strict: every line end checked), then the products walked.
void smsgw_decode_query_balance(benchmark::State& state) {
    const std::string& in = query_balance();
    for (auto _ : state) {
        tally t;
        lines::reply<2> r;
        benchmark::DoNotOptimize(lines::decode(in, query_balance_reply, r));
        t.lines = 1;
        t.bytes = r[0].text().size();
        for (const lines::line& l : r[1].all) {
            ++t.lines;
            t.bytes += l.text.size();
        }
        benchmark::DoNotOptimize(t);
    }
    finish(state, in);
}
BENCHMARK(smsgw_decode_query_balance);

void smsgw_decode_batch_send(benchmark::State& state) {
    const std::string& in = batch_send();
    for (auto _ : state) {
        lines::reply<2> r;
        benchmark::DoNotOptimize(lines::decode(in, batch_send_reply, r));
        tally t{2, r[0].text().size() + r[1].text().size()};
        benchmark::DoNotOptimize(t);
    }
    finish(state, in);
}
BENCHMARK(smsgw_decode_batch_send);

// 5C: `Error:` or `error:`, the text after the first colon.
constexpr std::string_view fivec[] = {"success", "error"};
const std::string fivec_reply = "Error:Black keywords is:<word>";

void prefix_by_hand(benchmark::State& state) {
    for (auto _ : state) {
        const std::string_view s = fivec_reply;
        const std::size_t colon = s.find(':');
        std::string head(s.substr(0, colon));
        for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        std::string_view text = s.substr(colon + 1);
        const bool ok = head == "success" || head == "error";
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fivec_reply.size()));
}
BENCHMARK(prefix_by_hand);

void smsgw_prefix(benchmark::State& state) {
    for (auto _ : state) {
        prefix::reply r;
        benchmark::DoNotOptimize(prefix::decode(fivec_reply, fivec, r));
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fivec_reply.size()));
}
BENCHMARK(smsgw_prefix);

}  // namespace
