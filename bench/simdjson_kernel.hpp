// simdjson with one of its kernels for the length of a benchmark: its own choice for this CPU
// (nullptr), or one named: "haswell" (AVX2), "westmere" (SSE4.2), "fallback" (no SIMD), which
// show what its speed owes to its vector stage. The row's label names the kernel that ran.
#pragma once

#include <benchmark/benchmark.h>
#include <simdjson.h>

class simdjson_kernel {
public:
    simdjson_kernel(benchmark::State& state, const char* name) : state_(state) {
        if (name == nullptr) return;
        const simdjson::implementation* named = simdjson::get_available_implementations()[name];
        if (named == nullptr || !named->supported_by_runtime_system()) {
            state.SkipWithError("kernel not available");
            ok_ = false;
            return;
        }
        simdjson::get_active_implementation() = named;
    }
    ~simdjson_kernel() {
        state_.SetLabel(simdjson::get_active_implementation()->name());
        simdjson::get_active_implementation() = chosen_;
    }
    simdjson_kernel(const simdjson_kernel&) = delete;
    simdjson_kernel& operator=(const simdjson_kernel&) = delete;
    bool ok() const { return ok_; }

private:
    benchmark::State& state_;
    const simdjson::implementation* chosen_ = simdjson::get_active_implementation();
    bool ok_ = true;
};
