#include "smsgw/codec/json_reader.hpp"
#include "test.hpp"

#include <algorithm>
#include <filesystem>
#include <string>

// nst/JSONTestSuite (MIT), test_parsing: every y_ file parses, every n_ file is refused, in
// strict mode. The i_ files are the parser's choice; smsgw's choices are pinned in the table
// below, so a change of behaviour shows up here.
namespace json = smsgw::codec::json;
using smsgw::errc;

namespace {

enum class read_as : unsigned char { none, int64, uint64, real };

struct implementation_defined {
    const char* file;
    bool accepted;
    const char* why;
    read_as as = read_as::none;  // for accepted numbers: how the first element is read...
    errc read_error{};           // ...and what that says
};

// What smsgw does with every i_ case of test_parsing (strict mode, default options).
constexpr implementation_defined i_cases[] = {
    // Numbers: any RFC 8259 number parses; its range is checked when it is read (get()), where
    // a double that overflows or underflows to zero is number_overflow, never inf or 0.
    {"i_number_double_huge_neg_exp.json", true, "123.456e-789", read_as::real, errc::number_overflow},
    {"i_number_huge_exp.json", true, "0.4e00669999...", read_as::real, errc::number_overflow},
    {"i_number_neg_int_huge_exp.json", true, "-1e+9999", read_as::real, errc::number_overflow},
    {"i_number_pos_double_huge_exp.json", true, "1.5e+9999", read_as::real, errc::number_overflow},
    {"i_number_real_neg_overflow.json", true, "-123123e100000", read_as::real, errc::number_overflow},
    {"i_number_real_pos_overflow.json", true, "123123e100000", read_as::real, errc::number_overflow},
    {"i_number_real_underflow.json", true, "123e-10000000", read_as::real, errc::number_overflow},
    {"i_number_too_big_neg_int.json", true, "-123123123123123123123123123123", read_as::int64, errc::number_overflow},
    {"i_number_too_big_pos_int.json", true, "100000000000000000000", read_as::uint64, errc::number_overflow},
    {"i_number_very_big_negative_int.json", true, "-2374623746732768942798...", read_as::int64, errc::number_overflow},
    // Escaped lone surrogates cannot become UTF-8: refused (invalid_utf16).
    {"i_object_key_lone_2nd_surrogate.json", false, "invalid_utf16"},
    {"i_string_1st_surrogate_but_2nd_missing.json", false, "invalid_utf16"},
    {"i_string_1st_valid_surrogate_2nd_invalid.json", false, "invalid_utf16"},
    {"i_string_incomplete_surrogate_and_escape_valid.json", false, "invalid_utf16"},
    {"i_string_incomplete_surrogate_pair.json", false, "invalid_utf16"},
    {"i_string_incomplete_surrogates_escape_valid.json", false, "invalid_utf16"},
    {"i_string_invalid_lonely_surrogate.json", false, "invalid_utf16"},
    {"i_string_invalid_surrogate.json", false, "invalid_utf16"},
    {"i_string_inverted_surrogates_U+1D11E.json", false, "invalid_utf16"},
    {"i_string_lone_second_surrogate.json", false, "invalid_utf16"},
    // Text must be UTF-8 (RFC 8259 §8.1): anything else is refused (invalid_utf8).
    {"i_string_UTF-16LE_with_BOM.json", false, "expected_value: not UTF-8"},
    {"i_string_UTF-8_invalid_sequence.json", false, "invalid_utf8"},
    {"i_string_UTF8_surrogate_U+D800.json", false, "invalid_utf8"},
    {"i_string_invalid_utf-8.json", false, "invalid_utf8"},
    {"i_string_iso_latin_1.json", false, "invalid_utf8"},
    {"i_string_lone_utf8_continuation_byte.json", false, "invalid_utf8"},
    {"i_string_not_in_unicode_range.json", false, "invalid_utf8"},
    {"i_string_overlong_sequence_2_bytes.json", false, "invalid_utf8"},
    {"i_string_overlong_sequence_6_bytes.json", false, "invalid_utf8"},
    {"i_string_overlong_sequence_6_bytes_null.json", false, "invalid_utf8"},
    {"i_string_truncated-utf-8.json", false, "invalid_utf8"},
    {"i_string_utf16BE_no_BOM.json", false, "expected_value: not UTF-8"},
    {"i_string_utf16LE_no_BOM.json", false, "expected_value: not UTF-8"},
    // Depth: 500 levels exceed the default max_depth of 128 (accepted with max_depth >= 500).
    {"i_structure_500_nested_arrays.json", false, "too_deep"},
    // RFC 8259 §8.1: a parser MAY ignore a byte order mark; smsgw does not (expected_value).
    {"i_structure_UTF-8_BOM_empty_object.json", false, "expected_value"},
};

}  // namespace

TEST_CASE("JSONTestSuite test_parsing, strict mode") {
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("JSONTestSuite skipped: ../shared/corpora/JSONTestSuite is not there");
        return;
    }
    std::size_t y = 0, n = 0, i = 0;
    for (const auto& path : smsgw::test::files_in(shared + "/corpora/JSONTestSuite/test_parsing")) {
        const std::string name = std::filesystem::path(path).filename().string();
        const std::string text = smsgw::test::read_file(path);
        json::value root;
        smsgw::result r = json::parse(text, root);
        INFO(name << ": " << r.message() << " at " << r.offset);
        if (name[0] == 'y') {
            CHECK(r.ok());
            CHECK(r.offset == text.size());
            ++y;
        } else if (name[0] == 'n') {
            CHECK_FALSE(r.ok());
            CHECK(r.offset <= text.size());
            ++n;
        } else {
            const auto* c = std::find_if(std::begin(i_cases), std::end(i_cases),
                                         [&](const implementation_defined& d) { return name == d.file; });
            REQUIRE(c != std::end(i_cases));
            INFO(c->why);
            CHECK(r.ok() == c->accepted);
            if (r.ok() && c->as != read_as::none) {
                json::array a;
                REQUIRE(root.get(a).ok());
                const json::value first = *a.begin();
                std::int64_t i64 = 0;
                std::uint64_t u64 = 0;
                double d = 0;
                const smsgw::result got = c->as == read_as::int64    ? first.get(i64)
                                          : c->as == read_as::uint64 ? first.get(u64)
                                                                     : first.get(d);
                CHECK(got == smsgw::fail(c->read_error, 1));
            }
            ++i;
        }
        // Tolerant mode accepts a superset: every y_ file still parses.
        if (name[0] == 'y') CHECK(json::parse(text, root, {json::mode::tolerant}).ok());
    }
    CHECK(y == 95);
    CHECK(n == 188);
    CHECK(i == std::size(i_cases));
}
