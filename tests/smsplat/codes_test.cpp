#include "smsgw/smsplat/codes.hpp"

#include <map>
#include <string>
#include <string_view>

#include "test.hpp"

namespace smsplat = smsgw::smsplat;

namespace {

// The rows `code<TAB>text` of the spec table that follows the line `caption`.
std::map<std::string, std::string> spec_table(const std::string& spec, std::string_view caption) {
    std::map<std::string, std::string> rows;
    std::size_t at = spec.find(std::string(caption) + "\n");
    REQUIRE(at != std::string::npos);
    at = spec.find('\n', at) + 1;
    bool header = true;
    for (std::size_t end; (end = spec.find('\n', at)) != std::string::npos; at = end + 1) {
        const std::string line = spec.substr(at, end - at);
        if (line.empty()) {
            if (!rows.empty() || !header) break;
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) break;
        if (header) {
            header = false;
            continue;
        }
        rows[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return rows;
}

template <class Status>
void check_table(const std::map<std::string, std::string>& rows, unsigned last) {
    std::size_t known = 0;
    for (unsigned code = 0; code <= last + 1; ++code) {
        const smsplat::code_text t = describe(static_cast<Status>(code));
        const auto row = rows.find(std::to_string(code));
        if (row == rows.end()) {
            CHECK_FALSE(t.known());
            CHECK(t.english.empty());
            continue;
        }
        INFO(code);
        CHECK(t.chinese == row->second);
        CHECK_FALSE(t.english.empty());
        ++known;
    }
    CHECK(known == rows.size());
}

}  // namespace

TEST_CASE("codes: every table with the spec's own text, nothing more") {
    const std::string dir = smsgw::test::shared_dir();
    if (dir.empty()) {
        WARN("../shared not found: the tables are not compared with the spec");
        return;
    }
    const std::string spec = smsgw::test::read_file(dir + "/spec/cmpp2-and-http-sms-platform.txt");
    const auto send = spec_table(spec, "表 9.3: 响应状态值说明");
    CHECK(send.size() == 19);
    CHECK(send.count("114") == 0);  // the spec's table skips it
    check_table<smsplat::send_status>(send, 119);
    const auto balance = spec_table(spec, "表 11.2: 提交响应值");
    CHECK(balance.size() == 4);
    check_table<smsplat::balance_status>(balance, 103);
    const auto recharge = spec_table(spec, "表 12.2: 提交响应值");
    CHECK(recharge.size() == 7);
    check_table<smsplat::recharge_status>(recharge, 206);
    const auto user = spec_table(spec, "表 13.2: 提交响应值");
    CHECK(user.size() == 7);
    check_table<smsplat::user_manage_status>(user, 306);
    const auto report = spec_table(spec, "表 10.2: 状态报告值");
    CHECK(report.size() == 9);
    for (const auto& [text, meaning] : report) {
        const smsplat::report_status s = smsplat::classify(text);
        INFO(text);
        CHECK(describe(s).chinese == meaning);
        CHECK((s == smsplat::report_status::other) == (text == "其他"));
    }
}

TEST_CASE("codes: an unknown code keeps its number; the status strings are matched exactly") {
    const auto unknown = static_cast<smsplat::send_status>(114);
    CHECK(static_cast<unsigned>(unknown) == 114);
    CHECK_FALSE(describe(unknown).known());
    CHECK_FALSE(describe(static_cast<smsplat::user_manage_status>(4000000000u)).known());
    CHECK(describe(smsplat::send_status::bad_signature).english == "Invalid signature, or none where the user must sign");
    static_assert(smsplat::classify("ERR:104") == smsplat::report_status::err_104);
    static_assert(smsplat::classify("ERR%3A104") == smsplat::report_status::other);  // decoded before it is classified
    static_assert(smsplat::classify("REJECT") == smsplat::report_status::reject);
    static_assert(smsplat::classify("REJECTD") == smsplat::report_status::rejectd);
    static_assert(smsplat::classify("") == smsplat::report_status::other);
    for (unsigned k = 0; k <= static_cast<unsigned>(smsplat::report_status::other); ++k) {
        CHECK(describe(static_cast<smsplat::report_status>(k)).known());
    }
}
