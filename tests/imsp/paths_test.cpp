#include "smsgw/imsp/paths.hpp"

#include <string>

#include "imsp_test.hpp"

using smsgw::imsp::command;

TEST_CASE("paths: the URL of every command (§3.1 to §3.6)") {
    const struct {
        command c;
        const char* url;
    } table[] = {{command::login, "https://imsp.emome.net:4443/imsp/mms/servlet/login"},
                 {command::send_mms, "https://imsp.emome.net:4443/imsp/mms/servlet/send_mms"},
                 {command::query, "https://imsp.emome.net:4443/imsp/mms/servlet/query"},
                 {command::query_batch, "https://imsp.emome.net:4443/imsp/mms/servlet/query_batch"},
                 {command::get_mime, "https://imsp.emome.net:4443/imsp/mms/servlet/get_mime"},
                 {command::change_passwd, "https://imsp.emome.net:4443/imsp/mms/servlet/change_passwd"}};
    for (const auto& row : table) {
        const std::string url = std::string(smsgw::imsp::base_url) + std::string(smsgw::imsp::path(row.c));
        CHECK(url == row.url);
        command found{};
        REQUIRE(smsgw::imsp::find_command(smsgw::imsp::path(row.c), found));
        CHECK(found == row.c);
        found = command::login;
        REQUIRE(smsgw::imsp::find_command(smsgw::imsp::name(row.c), found));
        CHECK(found == row.c);
    }
    CHECK(smsgw::imsp::name(command::query_batch) == "query_batch");
    command c = command::query;
    CHECK_FALSE(smsgw::imsp::find_command("send_eaif", c));
    CHECK_FALSE(smsgw::imsp::find_command("/imsp/mms/servlet/Login", c));
    CHECK_FALSE(smsgw::imsp::find_command("", c));
    CHECK(c == command::query);
    static_assert(smsgw::imsp::path(command::get_mime) == "/imsp/mms/servlet/get_mime");
    static_assert(smsgw::imsp::max_to_addrs == 20);
}
