#include "smsgw/core/error.hpp"

#include <system_error>

#include "test.hpp"

TEST_CASE("errc plugs into std::error_code") {
    std::error_code ec = smsgw::errc::truncated;
    CHECK(ec.category().name() == std::string("smsgw"));
    CHECK(ec.message() == "input truncated");
    CHECK(ec == smsgw::errc::truncated);
    CHECK(ec != smsgw::errc::bad_padding);
    CHECK(!std::error_code(smsgw::make_error_code(smsgw::errc{})));
}

TEST_CASE("every errc has its own message, with no gaps") {
    std::string seen;
    int i = 1;
    for (;; ++i) {
        std::string m = smsgw::error_category_impl::describe(static_cast<smsgw::errc>(i));
        if (m == "unknown smsgw error") break;
        INFO("errc " << i << ": " << m);
        CHECK(seen.find("|" + m + "|") == std::string::npos);
        seen += "|" + m + "|";
    }
    CHECK(i > static_cast<int>(smsgw::errc::bad_response));
    for (int j = i; j < i + 64; ++j)
        CHECK(std::string(smsgw::error_category_impl::describe(static_cast<smsgw::errc>(j))) == "unknown smsgw error");
}

TEST_CASE("result reports success, error, offset and field") {
    smsgw::result ok{smsgw::errc{}, 12};
    CHECK(ok);
    CHECK(ok.offset == 12);
    auto bad = smsgw::fail(smsgw::errc::field_too_long, 3, "src_id");
    CHECK(!bad);
    CHECK(bad.error() == smsgw::errc::field_too_long);
    CHECK(std::string(bad.field) == "src_id");
    CHECK(std::string(bad.message()) == "value too long for its field");
}
