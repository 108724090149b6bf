// Delimited lists: a Hezhong status-report push of 500 records (`rpts`, §七: mobile, status,
// msg_id, time), read by the strict reader field by field, beside memchr finding the record
// separators of the same bytes and the split loop a user writes by hand with
// std::string_view::find (no checks). Throughput counts the list's bytes, the same for every row.
#include <benchmark/benchmark.h>

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/delimited.hpp"

namespace {

namespace delimited = smsgw::codec::delimited;
constexpr delimited::format rpts = delimited::format{';', ',', 4, 5}.with_max_records(500);

const std::string& list() {
    static const std::string text = [] {
        std::mt19937 rng(7);
        const char* states[] = {"DELIVRD", "UNDELIV", "EXPIRED", "REJECTD", "MBBLACK"};
        std::string s;
        for (int i = 0; i < 500; ++i) {
            if (i != 0) s += ';';
            s += "13" + std::to_string(100000000 + rng() % 900000000);
            s += ',';
            s += states[rng() % 5];
            s += ',';
            s += std::to_string(1000 + rng() % 9000000);
            s += ",2009042";
            s += std::to_string(2000000 + rng() % 1000000);
        }
        return s;
    }();
    return text;
}

// Runs `pass` (one walk of the list, returning what it computed) as the timed loop.
template <class Pass>
void run(benchmark::State& state, Pass pass) {
    for (auto _ : state) benchmark::DoNotOptimize(pass());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * list().size()));
}

// What every row does with a field: its size and first byte.
std::size_t touch(std::string_view field) {
    return field.size() + static_cast<unsigned char>(field.empty() ? 0 : field[0]);
}

void memchr_separators(benchmark::State& state) {
    const std::string& s = list();
    run(state, [&s] {
        std::size_t n = 0;
        const char* p = s.data();
        const char* end = s.data() + s.size();
        while (const void* hit = std::memchr(p, ';', static_cast<std::size_t>(end - p))) {
            ++n;
            p = static_cast<const char*>(hit) + 1;
        }
        return n;
    });
}
BENCHMARK(memchr_separators);

// What a user writes: find ';', then find ',' inside the record, touching every field.
void hand_split_find(benchmark::State& state) {
    const std::string_view s = list();
    run(state, [s] {
        std::size_t sum = 0;
        for (std::size_t pos = 0; pos <= s.size();) {
            std::size_t semi = s.find(';', pos);
            if (semi == std::string_view::npos) semi = s.size();
            const std::string_view rec = s.substr(pos, semi - pos);
            for (std::size_t f = 0;;) {
                const std::size_t comma = rec.find(',', f);
                sum += touch(rec.substr(f, comma == std::string_view::npos ? std::string_view::npos : comma - f));
                if (comma == std::string_view::npos) break;
                f = comma + 1;
            }
            pos = semi + 1;
        }
        return sum;
    });
}
BENCHMARK(hand_split_find);

// The reader, strict: every record checked (count, empties, line breaks), every field touched.
void smsgw_records_fields(benchmark::State& state) {
    const delimited::records reports(list(), rpts);
    run(state, [&reports] {
        std::size_t sum = 0;
        for (const delimited::record& r : reports) {
            for (const delimited::field& f : r) sum += touch(f.value);
        }
        return reports.error() ? sum : 0;
    });
}
BENCHMARK(smsgw_records_fields);

// The reader's checks alone: what a strict decoder runs before it hands the range over.
void smsgw_validate(benchmark::State& state) {
    const delimited::records reports(list(), rpts);
    run(state, [&reports] {
        std::size_t count = 0;
        return reports.validate(count).ok() ? count : 0;
    });
}
BENCHMARK(smsgw_validate);

// The same 500 records written back from the caller's array (every field checked first).
void smsgw_encode(benchmark::State& state) {
    std::vector<std::array<std::string_view, 4>> rows;
    for (const delimited::record& r : delimited::records(list(), rpts)) rows.push_back({r[0], r[1], r[2], r[3]});
    std::string out(list().size(), '\0');
    run(state, [&rows, &out] {
        smsgw::writer w(out.data(), out.size());
        const smsgw::result r = delimited::encode(rows, rpts, w);
        benchmark::ClobberMemory();
        return r.offset;
    });
    if (out != list()) state.SkipWithError("round trip differs");
}
BENCHMARK(smsgw_encode);

}  // namespace
