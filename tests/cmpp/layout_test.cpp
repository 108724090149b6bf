#include "smsgw/cmpp/layout.hpp"

#include <random>
#include <string>

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
