#pragma once

// Catch2 v3 where installed (Conan, vcpkg), v2 otherwise (Debian's catch2).
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#else
#include <catch2/catch.hpp>
#endif

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>
#include <string_view>

namespace smsgw {
struct result;
}

// A failed check shows a smsgw::result as {message, offset, field}. test.hpp is the precompiled
// header of every test, so it includes no smsgw header (the header under test proves itself
// self-contained, the amalgamation test sees only single_include/): convert is a template,
// compiled where a test compares results, when smsgw::result is complete.
namespace Catch {
template <>
struct StringMaker<smsgw::result> {
    template <class Result>
    static std::string convert(const Result& r) {
        return std::string("{") + r.message() + ", " + std::to_string(r.offset) + ", " + (r.field ? r.field : "-") +
               "}";
    }
};
}  // namespace Catch

namespace smsgw::test {

// Expected bytes written as hex: "00 00 00 27 ab", "0000ABCD"; either case, and spaces and line
// breaks between bytes are ignored. The result as a std::string, or as any container of bytes
// built from a pair of iterators: `unhex<std::vector<smsgw::byte>>("0102")`. A character that
// is not hex aborts the test program with the literal (it may be a namespace-scope constant).
std::string unhex_string(std::string_view text);
template <class Bytes = std::string>
Bytes unhex(std::string_view text) {
    const std::string s = unhex_string(text);
    return Bytes(s.begin(), s.end());
}

// Expected bytes written as numbers, for binary beside text: `bytes_of({5, 0, 3, 9, 2, 1}) +
// "hello"`. Each number is one byte (0x80 to 0xFF as they are), the result a std::string.
inline std::string bytes_of(std::initializer_list<int> v) {
    std::string s;
    for (int b : v) s.push_back(static_cast<char>(b));
    return s;
}

// Bytes (anything with std::data and std::size of one-byte elements: smsgw::bytes, a digest's
// std::array) as a std::string, to compare with a literal or bytes_of().
template <class Bytes>
std::string string_of(const Bytes& b) {
    static_assert(sizeof(*std::data(b)) == 1, "one-byte elements");
    return std::string(reinterpret_cast<const char*>(std::data(b)), std::size(b));
}

enum class letters { lower, upper };

// Bytes as hex digits, no separator: anything with std::data and std::size whose elements are
// bytes (std::string_view, smsgw::bytes, a vector or an array of unsigned char; an array's
// every element counts, so pass a string literal as a std::string_view).
std::string hex_of(const unsigned char* data, std::size_t size, letters l);
template <class Bytes>
std::string hex(const Bytes& b, letters l = letters::lower) {
    static_assert(sizeof(*std::data(b)) == 1, "hex() prints bytes");
    return hex_of(reinterpret_cast<const unsigned char*>(std::data(b)), std::size(b), l);
}

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
