#pragma once

// Catch2 v3 where installed (Conan, vcpkg), v2 otherwise (Debian's catch2).
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#else
#include <catch2/catch.hpp>
#endif

#include <cstddef>
#include <string>
#include <vector>
#include <string_view>

namespace smsgw::test {

// Global operator new calls since the program started (tests/support/count_new.cpp).
std::size_t allocations() noexcept;

// Counts the allocations made while it is alive: `no_alloc guard; ...; CHECK(guard.count() == 0);`
class alloc_counter {
public:
    alloc_counter() noexcept : start_(allocations()) {}
    std::size_t count() const noexcept { return allocations() - start_; }

private:
    std::size_t start_;
};

// ../shared/ beside the repo (corpora, specs), or empty when it is not there. Tests that need
// it call WARN with what they skipped, so a run without it says so.
std::string shared_dir();

// Whole file as bytes, empty on failure.
std::string read_file(const std::string& path);

// The regular files in `dir` (not below it), as paths in name order.
std::vector<std::string> files_in(const std::string& dir);

// Runs a shell command with `input` on its standard input and returns its standard output;
// `ok` is false when the command could not run or exited non-zero. For differential tests
// against Python and other installed oracles.
std::string run_command(const std::string& command, std::string_view input, bool& ok);

// True when `program` can be found on PATH.
bool have_program(const char* program);

}  // namespace smsgw::test
