#include "smsgw/cmpp/auth.hpp"

#include <string>

#include "test.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

using smsgw::errc;
using smsgw::result;
using smsgw::test::string_of;
namespace cmpp = smsgw::cmpp;

namespace {
// MD5 computed outside smsgw: OpenSSL when linked, else Python's hashlib. Empty when neither is there.
std::string oracle_md5(const std::string& data) {
#ifdef SMSGW_HAVE_OPENSSL
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), d, &n, EVP_md5(), nullptr) == 1);
    return std::string(reinterpret_cast<const char*>(d), n);
#elif defined(SMSGW_PYTHON3)
    bool ok = false;
    const std::string out = smsgw::test::run_command(
        std::string(SMSGW_PYTHON3) + " -c \"import sys,hashlib; sys.stdout.buffer.write(hashlib.md5(sys.stdin.buffer.read()).digest())\"",
        data, ok);
    REQUIRE(ok);
    return out;
#else
    (void)data;
    return {};
#endif
}


std::string zeros(std::size_t n) { return std::string(n, '\0'); }
}  // namespace

TEST_CASE("Timestamp: integer and 10-digit text, zero-padded for January to September (G2)") {
    std::uint32_t ts = 0;
    REQUIRE(cmpp::pack_timestamp({1, 21, 8, 5, 10}, ts));
    CHECK(ts == 121080510);
    const cmpp::timestamp_text text = cmpp::format_timestamp(ts);
    CHECK(std::string_view(text.data(), text.size()) == "0121080510");
    for (std::uint8_t month = 1; month <= 12; ++month) {
        REQUIRE(cmpp::pack_timestamp({month, 1, 0, 0, 0}, ts));
        const auto t = cmpp::format_timestamp(ts);
        CHECK(t[0] == static_cast<char>('0' + month / 10));
        CHECK(t[1] == static_cast<char>('0' + month % 10));
        std::uint32_t back = 0;
        REQUIRE(cmpp::parse_timestamp(std::string_view(t.data(), t.size()), back));
        CHECK(back == ts);
        CHECK(cmpp::unpack_timestamp(ts).month == month);
    }
    REQUIRE(cmpp::pack_timestamp({12, 31, 23, 59, 59}, ts));
    CHECK(ts == 1231235959);
    const auto parts = cmpp::unpack_timestamp(330104539);  // 03-30 10:45:39 (a capture's Timestamp)
    CHECK(parts.month == 3);
    CHECK(parts.day == 30);
    CHECK(parts.hour == 10);
    CHECK(parts.minute == 45);
    CHECK(parts.second == 39);
    static_assert(cmpp::format_timestamp(0)[9] == '0', "constexpr");
    const auto widest = cmpp::format_timestamp(0xFFFFFFFF);
    CHECK(std::string_view(widest.data(), widest.size()) == "4294967295");
}

TEST_CASE("Timestamp errors") {
    std::uint32_t ts = 7;
    struct range_case {
        cmpp::timestamp_parts p;
        const char* field;
    };
    const range_case cases[] = {{{0, 1, 0, 0, 0}, "month"},  {{13, 1, 0, 0, 0}, "month"}, {{1, 0, 0, 0, 0}, "day"},
                                {{1, 32, 0, 0, 0}, "day"},   {{1, 1, 24, 0, 0}, "hour"},  {{1, 1, 0, 60, 0}, "minute"},
                                {{1, 1, 0, 0, 60}, "second"}};
    for (const auto& c : cases) {
        const result r = cmpp::pack_timestamp(c.p, ts);
        CHECK(r == result{errc::out_of_range, 0, c.field});
    }
    CHECK(ts == 7);
    CHECK(cmpp::parse_timestamp("121080510", ts) == result{errc::invalid_length, 0});
    CHECK(cmpp::parse_timestamp("01210805100", ts) == result{errc::invalid_length, 0});
    CHECK(cmpp::parse_timestamp("01210805x0", ts) == result{errc::bad_character, 8});
    CHECK(cmpp::parse_timestamp("4294967296", ts) == result{errc::out_of_range, 0, "Timestamp"});
    CHECK(ts == 7);
}

TEST_CASE("AuthenticatorSource against an independent MD5") {
    const std::string expected_field = oracle_md5("90001" + zeros(1) + zeros(9) + "secret" + "0121080510");
    const std::string expected_chars = oracle_md5("90001" + zeros(9) + "secret" + "0121080510");
    if (expected_field.empty()) {
        WARN("no OpenSSL and no Python: AuthenticatorSource not compared with an independent MD5");
        return;
    }
    REQUIRE(expected_field != expected_chars);  // the disagreement of G1
    cmpp::md5_digest d{};
    REQUIRE(cmpp::authenticator_source("90001", "secret", 121080510, d));
    CHECK(string_of(d) == expected_field);
    // The raw field as decoded gives the same digest.
    REQUIRE(cmpp::authenticator_source(std::string_view("90001\0", 6), "secret", 121080510, d));
    CHECK(string_of(d) == expected_field);
    REQUIRE(cmpp::authenticator_source("90001", "secret", 121080510, d, cmpp::source_addr_form::characters));
    CHECK(string_of(d) == expected_chars);

    // A full 6-character Source_Addr: both forms agree.
    const std::string six = oracle_md5("901234" + zeros(9) + "pa55w0rd!" + "1231235959");
    REQUIRE(cmpp::authenticator_source("901234", "pa55w0rd!", 1231235959, d));
    CHECK(string_of(d) == six);
    REQUIRE(cmpp::authenticator_source("901234", "pa55w0rd!", 1231235959, d, cmpp::source_addr_form::characters));
    CHECK(string_of(d) == six);

    // Empty secret and empty Source_Addr are hashed as they are.
    REQUIRE(cmpp::authenticator_source("", "", 0, d));
    CHECK(string_of(d) == oracle_md5(zeros(15) + "0000000000"));
}

TEST_CASE("AuthenticatorSource refuses a Source_Addr longer than its field") {
    cmpp::md5_digest d{};
    const result r = cmpp::authenticator_source("9012345", "secret", 1, d);
    CHECK(r == result{errc::field_too_long, 0, "Source_Addr"});
}

TEST_CASE("AuthenticatorISMG hashes Status in 1 byte (2.0) or 4 (3.0) (G3)") {
    cmpp::md5_digest source{};
    REQUIRE(cmpp::authenticator_source("901234", "secret", 1010101010, source));
    const std::string auth = string_of(source);
    const std::string v2 = oracle_md5(std::string(1, '\0') + auth + "secret");
    const std::string v3 = oracle_md5(zeros(4) + auth + "secret");
    const std::string v3_status = oracle_md5(std::string("\x01\x02\x03\x04", 4) + auth + "secret");
    if (v2.empty()) {
        WARN("no OpenSSL and no Python: AuthenticatorISMG not compared with an independent MD5");
        return;
    }
    cmpp::md5_digest d{};
    REQUIRE(cmpp::authenticator_ismg(0, source, "secret", cmpp::version::v20, d));
    CHECK(string_of(d) == v2);
    REQUIRE(cmpp::authenticator_ismg(0, source, "secret", static_cast<cmpp::version>(0x21), d));
    CHECK(string_of(d) == v2);
    REQUIRE(cmpp::authenticator_ismg(0, source, "secret", cmpp::version::v30, d));
    CHECK(string_of(d) == v3);
    REQUIRE(cmpp::authenticator_ismg(0x01020304, source, "secret", cmpp::version::v30, d));
    CHECK(string_of(d) == v3_status);
    CHECK(cmpp::ismg_status_size(cmpp::version::v20) == 1);
    CHECK(cmpp::ismg_status_size(cmpp::version::v30) == 4);
    CHECK(cmpp::ismg_status_size(static_cast<cmpp::version>(0)) == 1);
    CHECK(cmpp::ismg_status_size(static_cast<cmpp::version>(0x31)) == 4);

    result r = cmpp::authenticator_ismg(256, source, "secret", cmpp::version::v20, d);
    CHECK(r == result{errc::out_of_range, 0, "Status"});
    r = cmpp::authenticator_ismg(0, smsgw::bytes(source.data(), 15), "secret", cmpp::version::v20, d);
    CHECK(r == result{errc::invalid_length, 0, "AuthenticatorSource"});
}

TEST_CASE("verification: mismatches are auth_mismatch, tolerances accept the other variants") {
    cmpp::md5_digest field{};
    cmpp::md5_digest chars{};
    REQUIRE(cmpp::authenticator_source("90001", "secret", 121080510, field));
    REQUIRE(cmpp::authenticator_source("90001", "secret", 121080510, chars, cmpp::source_addr_form::characters));
    CHECK(cmpp::verify_authenticator_source(field, "90001", "secret", 121080510));
    result r = cmpp::verify_authenticator_source(chars, "90001", "secret", 121080510);
    CHECK(r == result{errc::auth_mismatch, 0, "AuthenticatorSource"});
    cmpp::auth_tolerance lenient;
    lenient.other_source_addr_form = true;
    CHECK(cmpp::verify_authenticator_source(chars, "90001", "secret", 121080510, lenient));
    CHECK(cmpp::verify_authenticator_source(field, "90001", "secret", 121080510, lenient));
    CHECK(cmpp::verify_authenticator_source(field, "90001", "Secret", 121080510, lenient).ec == errc::auth_mismatch);
    CHECK(cmpp::verify_authenticator_source(field, "90001", "secret", 121080511, lenient).ec == errc::auth_mismatch);
    CHECK(cmpp::verify_authenticator_source(smsgw::bytes(field.data(), 15), "90001", "secret", 121080510).ec ==
          errc::auth_mismatch);
    CHECK(cmpp::verify_authenticator_source(field, "9000100", "secret", 121080510).ec == errc::field_too_long);

    cmpp::md5_digest ismg2{};
    cmpp::md5_digest ismg3{};
    REQUIRE(cmpp::authenticator_ismg(0, field, "secret", cmpp::version::v20, ismg2));
    REQUIRE(cmpp::authenticator_ismg(0, field, "secret", cmpp::version::v30, ismg3));
    CHECK(cmpp::verify_authenticator_ismg(ismg2, 0, field, "secret", cmpp::version::v20));
    CHECK(cmpp::verify_authenticator_ismg(ismg3, 0, field, "secret", cmpp::version::v30));
    r = cmpp::verify_authenticator_ismg(ismg3, 0, field, "secret", cmpp::version::v20);
    CHECK(r == result{errc::auth_mismatch, 0, "AuthenticatorISMG"});
    cmpp::auth_tolerance widths;
    widths.other_status_size = true;
    CHECK(cmpp::verify_authenticator_ismg(ismg3, 0, field, "secret", cmpp::version::v20, widths));
    CHECK(cmpp::verify_authenticator_ismg(ismg2, 0, field, "secret", cmpp::version::v30, widths));
    CHECK(cmpp::verify_authenticator_ismg(ismg2, 1, field, "secret", cmpp::version::v30, widths).ec == errc::auth_mismatch);
    // A 3.0 Status above 255 has no 1-byte variant: the tolerance cannot make it match.
    cmpp::md5_digest big{};
    REQUIRE(cmpp::authenticator_ismg(300, field, "secret", cmpp::version::v30, big));
    CHECK(cmpp::verify_authenticator_ismg(big, 300, field, "secret", cmpp::version::v30, widths));
    CHECK(cmpp::verify_authenticator_ismg(ismg2, 300, field, "secret", cmpp::version::v30, widths).ec == errc::auth_mismatch);
    // The empty authenticator of a failed login (table 8.5) never verifies.
    const cmpp::md5_digest empty{};
    CHECK(cmpp::verify_authenticator_ismg(empty, 3, field, "secret", cmpp::version::v20).ec == errc::auth_mismatch);
    CHECK(cmpp::verify_authenticator_ismg(ismg2, 256, field, "secret", cmpp::version::v20).ec == errc::out_of_range);
}

TEST_CASE("authenticators allocate nothing") {
    cmpp::md5_digest source{};
    cmpp::md5_digest ismg{};
    smsgw::test::alloc_counter guard;
    const bool ok = cmpp::authenticator_source("90001", "secret", 121080510, source) &&
                    cmpp::authenticator_ismg(0, source, "secret", cmpp::version::v30, ismg) &&
                    cmpp::verify_authenticator_source(source, "90001", "secret", 121080510) &&
                    cmpp::verify_authenticator_ismg(ismg, 0, source, "secret", cmpp::version::v30);
    CHECK(guard.count() == 0);
    CHECK(ok);
}

TEST_CASE("the clock to CONNECT's Timestamp, a Msg_Id and a report's YYMMDDHHMM") {
    namespace dt = smsgw::codec::datetime;
    dt::date_time t;
    // 2026-12-02 04:46:33 UTC is 12:46:33 in China Standard Time.
    REQUIRE(dt::from_unix(1796186793 + 8 * 3600, t));
    std::uint32_t ts = 0;
    REQUIRE(smsgw::cmpp::pack_timestamp(smsgw::cmpp::timestamp_at(t), ts));
    CHECK(ts == 1202124633u);
    std::uint64_t id = 0;
    const smsgw::cmpp::msg_id_parts parts = smsgw::cmpp::msg_id_at(t, 786532, 1);
    REQUIRE(smsgw::cmpp::pack_msg_id(parts, id));
    CHECK(smsgw::cmpp::unpack_msg_id(id) == parts);
    CHECK(parts.month == 12);
    CHECK(parts.second == 33);
    char buf[10];
    smsgw::writer w(buf, sizeof buf);
    CHECK(dt::write(w, t, dt::shape::yymmddhhmm).ec == smsgw::errc::out_of_range);  // would drop the seconds
    t.second = 0;  // Submit_time / Done_time count minutes
    REQUIRE(dt::write(w, t, dt::shape::yymmddhhmm));
    CHECK(std::string_view(buf, w.size()) == "2612021246");
}
