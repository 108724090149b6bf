#pragma once

// The input the codec benchmarks share (issue 2: 300 KB of random bytes) and the memcpy of
// it that each of them shows beside smsgw.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

namespace bench {

constexpr std::size_t size = 300 * 1024;

// The same bytes in every benchmark and every run (fixed seed).
inline const std::string& data() {
    static const std::string d = [] {
        std::mt19937 rng(1);
        std::string s(size, '\0');
        for (char& c : s) c = static_cast<char>(rng() & 0xFF);
        return s;
    }();
    return d;
}

inline void memcpy_300k(benchmark::State& state) {
    std::string out(size, '\0');
    for (auto _ : state) {
        std::memcpy(out.data(), data().data(), size);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

}  // namespace bench
