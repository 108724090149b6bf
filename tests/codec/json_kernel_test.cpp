// The JSON reader's kernels against each other on the same inputs, as tests/cmpp/layout_test.cpp
// holds trim_nul to trim_fixed: the portable kernel (what a big-endian machine or a compiler
// without builtins runs), swar and, where the target has it, sse2 must say the same of every
// text, at every offset, whatever kernel json::document and json::parse() use in this build.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "../../fuzz/json_kernels.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "test.hpp"

namespace d = smsgw::codec::json::detail;
using d::kernel;

namespace {

void agree(std::string_view text) {
    INFO(text);
    CHECK(json_kernels::mismatch(text, false) == "");
    CHECK(json_kernels::mismatch(text, true) == "");
}

// Texts with the bytes the scanners look for at every position of a 16-byte block and of a word.
std::vector<std::string> aligned_texts() {
    std::vector<std::string> out;
    const char* specials[] = {"\"",     "\\\"",     "\\u00e9", "\\ud83d\\ude00", "\x01", "\xE4\xB8\xAD",  "\xED\xA0\x80",
                              "\xC3",   "\xF0\x9F\x98\x80",   "\x7F",   "\\x",            "]",    "}",             "\xE0\x80\x80"};
    for (std::size_t pad = 0; pad < 40; ++pad) {
        for (const char* sp : specials) {
            const std::string fill(pad, 'a');
            out.push_back("\"" + fill + sp + "b\"");
            out.push_back("[\"" + fill + sp + "\", {\"k\": [1, \"" + sp + fill + "\"]}]");
            out.push_back("{\"" + fill + "\":" + std::string(pad % 9, ' ') + "\"" + sp + "\"}");
        }
        out.push_back(std::string(pad, ' ') + "[" + std::string(pad, ' ') + "]");
        out.push_back("[" + std::string(pad, '1') + "," + std::string(pad % 20, '9') + ".5e-3, -" + std::string(pad, '0') + "]");
        out.push_back("[\n" + std::string(pad, ' ') + "1,\n" + std::string(pad, ' ') + "2,\n" + std::string(pad, ' ') + "3\n]");
        out.push_back(std::string(pad, '[') + std::string(pad, ']'));
        out.push_back("{\"a\":\"" + std::string(pad, '[') + "\\\"" + std::string(pad, '{') + "\",\"b\":[{}]}");
        out.push_back("\"" + std::string(pad, '7') + "\"");
    }
    return out;
}

}  // namespace

TEST_CASE("json kernels: load8 puts byte i at bits 8i, first_byte finds it, whatever the kernel") {
    std::mt19937_64 rng(20261202);
    for (int n = 0; n < 2000; ++n) {
        char b[8];
        for (char& c : b) c = static_cast<char>(rng());
        const std::uint64_t want = d::load8<kernel::portable>(b);
        std::uint64_t assembled = 0;
        for (int i = 0; i < 8; ++i) assembled |= std::uint64_t{static_cast<unsigned char>(b[i])} << (8 * i);
        CHECK(want == assembled);
        CHECK(d::load8<kernel::swar>(b) == want);
    }
    for (unsigned i = 0; i < 8; ++i) {
        const std::uint64_t x = std::uint64_t{0x80} << (8 * i) | std::uint64_t{0x80} << 56;
        CHECK(d::first_byte<kernel::portable>(x) == i);
        CHECK(d::first_byte<kernel::swar>(x) == i);
    }
}

TEST_CASE("json kernels: the same verdict at every offset, specials at every alignment") {
    for (const std::string& text : aligned_texts()) agree(text);
}

TEST_CASE("json kernels: the same verdict on the fuzz corpus and JSONTestSuite") {
    std::size_t files = 0;
    for (const auto& path : smsgw::test::files_in(std::string(SMSGW_SOURCE_DIR) + "/fuzz/corpus/json_fuzzer")) {
        agree(smsgw::test::read_file(path));
        ++files;
    }
    CHECK(files > 0);
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("JSONTestSuite skipped: ../shared/corpora/JSONTestSuite is not there");
        return;
    }
    for (const auto& path : smsgw::test::files_in(shared + "/corpora/JSONTestSuite/test_parsing"))
        agree(smsgw::test::read_file(path));
}

TEST_CASE("json kernels: the same verdict on random mutations of a pretty-printed document") {
    const std::string base = R"({
  "batchID": 304934976469110784,
  "messages": [
    {"msgID": "0000000001", "statusDesc": "已送達三竹", "point": 3, "esc": "a\"b\\c\u00e9\ud83d\ude00"},
    {"msgID": -12.5e+3, "ok": true, "none": null, "list": [[], {}, [1, 2, 3,], "x"]}
  ]
})";
    std::mt19937_64 rng(7);
    const char bytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '0', '-', '.', 'e', 'u', '\x01', '\xC3', '\xE4', '\xED', '\x80'};
    for (int n = 0; n < 300; ++n) {
        std::string text = base;
        for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) {
            const std::size_t at = rng() % text.size();
            switch (rng() % 3) {
            case 0: text[at] = bytes[rng() % sizeof bytes]; break;
            case 1: text.erase(at, 1 + rng() % 8); break;
            default: text.insert(at, 1, bytes[rng() % sizeof bytes]); break;
            }
        }
        agree(text);
    }
}

TEST_CASE("json kernels: a string decoded in place is the string decode_string() streams, whatever the kernel") {
    for (const std::string& text : aligned_texts()) {
        for (std::size_t at = text.find('"'); at != std::string::npos; at = text.find('"', at + 1)) {
            smsgw::result err;
            bool escaped = false;
            const char* begin = text.data();
            const char* e = d::check_string<kernel::portable>(begin + at, begin + text.size(), begin, err, escaped);
            if (e == nullptr) continue;
            std::string streamed;
            d::decode_string(begin + at + 1, [&](const char* p, std::size_t n) { streamed.append(p, n); });
            INFO(text << " at " << at);
            json_kernels::for_each_kernel([&](auto k) {
                std::string out(static_cast<std::size_t>(e - (begin + at)) - 2, '\0');
                out.resize(d::decode_string_into<decltype(k)::value>(begin + at + 1, e - 1, out.data()));
                INFO(json_kernels::name(k));
                CHECK(out == streamed);
            });
            at = static_cast<std::size_t>(e - begin) - 1;
        }
    }
}
