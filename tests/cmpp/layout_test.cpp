#include "smsgw/cmpp/layout.hpp"

#include <random>
#include <string>

#include "smsgw/cmpp/fwd.hpp"
#include "smsgw/cmpp/submit.hpp"
#include "pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;

TEST_CASE("trim_nul gives exactly trim_fixed's view, a word at a time") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20000; ++round) {
        const std::size_t width = rng() % 40;
        std::string raw(width, '\0');
        // Mostly NULs, some bytes, some embedded NULs.
        const std::size_t used = width == 0 ? 0 : rng() % (width + 1);
        for (std::size_t i = 0; i < used; ++i) raw[i] = (rng() % 4 == 0) ? '\0' : static_cast<char>(rng() % 256);
        const std::string_view got = cmpp::detail::trim_nul(raw);
        const std::string_view want = trim_fixed(raw);
        REQUIRE(got.data() == want.data());
        REQUIRE(got.size() == want.size());
    }
    CHECK(cmpp::detail::trim_nul(std::string_view("ab\0cd\0\0\0\0\0\0\0\0\0", 14)) == std::string_view("ab\0cd", 5));
    CHECK(cmpp::detail::trim_nul(std::string_view("123456789", 9)) == "123456789");
    CHECK(cmpp::detail::trim_nul(std::string_view()).empty());
}

TEST_CASE("the one-pass encoder writes a fixed field of every value length as value and padding") {
    const std::string digits = "12345678901234567890123456789012";
    byte buf[512];
    for (std::size_t n = 0; n <= 32; ++n) {
        INFO("length " << n);
        cmpp::submit s;
        s.ver = cmpp::version::v30;
        s.fee_terminal_id = std::string_view(digits).substr(0, n);  // 32 bytes in 3.0, at offset 35
        s.src_id = std::string_view(digits).substr(0, n < 21 ? n : 21);
        auto r = encode(s, buf);
        REQUIRE(r);
        CHECK(r.offset == encoded_size(s));
        const std::string_view wire(reinterpret_cast<const char*>(buf), r.offset);
        std::string want(s.fee_terminal_id);
        want.resize(32, '\0');
        CHECK(wire.substr(35, 32) == want);
        cmpp::submit back;
        REQUIRE(cmpp::decode(wire, back, cmpp::version::v30));
        CHECK(back.fee_terminal_id == s.fee_terminal_id);
        CHECK(back.src_id == s.src_id);
    }
    // Table 8.17's Source_Id is padded on the left with ASCII zeros.
    for (std::size_t n = 0; n <= 6; ++n) {
        cmpp::fwd f;
        f.source_id = std::string_view("123456").substr(0, n);
        auto r = encode(f, buf);
        REQUIRE(r);
        CHECK(std::string_view(reinterpret_cast<const char*>(buf) + 12, 6) == std::string(6 - n, '0') + std::string(f.source_id));
    }
}

TEST_CASE("a refused encoding claims nothing from the writer; the next one goes where it would have") {
    byte buf[512];
    writer w(buf);
    w.write(std::string_view("head:"));
    cmpp::submit s;
    s.service_id = "MCN22101012";  // 11 bytes for 10
    auto r = encode(s, w);
    cmpp_test::check_refused(r, errc::field_too_long, 5 + 24, "Service_Id");
    CHECK(w.size() == 5);
    s.service_id = "MCN";
    r = encode(s, w);
    REQUIRE(r);
    CHECK(w.size() == 5 + 138);
    CHECK(load_be32(buf + 5) == 138);
}
