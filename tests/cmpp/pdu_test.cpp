#include "smsgw/cmpp/pdu.hpp"

#include <array>
#include <string>
#include <vector>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;

namespace {

constexpr cmpp::version versions[] = {cmpp::version::v20, cmpp::version::v30};

// Every Command_Id of table 8.34 and 3.0's GET_MO_ROUTE, requests and responses.
std::vector<cmpp::command_id> all_commands() {
    std::vector<cmpp::command_id> out;
    for (std::uint32_t c : {1u, 2u, 4u, 5u, 6u, 7u, 8u, 9u, 0x10u, 0x11u, 0x12u, 0x13u, 0x14u, 0x15u, 0x16u, 0x17u}) {
        out.push_back(static_cast<cmpp::command_id>(c));
        out.push_back(static_cast<cmpp::command_id>(c | 0x80000000u));
    }
    return out;
}

// Gives every field a value of its full width, within the spec's range.
struct filler {
    static constexpr std::string_view digits = "123456789012345678901234567890123";
    const std::string_view* sample_ids;

    template <class I>
    void number(I& v, std::size_t width, cmpp::field_name, cmpp::limit allowed = {}) {
        const std::uint64_t pattern = width == 8 ? 0x0102030405060708ull : (1ull << (8 * width - 1)) + 1;
        v = static_cast<I>(allowed.max != cmpp::any_value ? allowed.max : pattern);
    }
    void text(std::string_view& v, std::size_t width, cmpp::field_name, pad = pad::nul_right) {
        v = digits.substr(0, width);
    }
    template <std::size_t N>
    void octets(std::array<byte, N>& v, cmpp::field_name) {
        for (std::size_t i = 0; i < N; ++i) v[i] = static_cast<byte>(0xA0 + i);
    }
    void ids(cmpp::id_list& l, std::size_t, cmpp::field_name, cmpp::field_name, std::size_t, std::size_t max) {
        l = cmpp::id_list(span<const std::string_view>(sample_ids, max < 2 ? max : 2));
    }
    void content(bytes& v, std::size_t, cmpp::field_name, cmpp::field_name) { v = std::string_view("hello"); }
    template <class F>
    void absent(F&, cmpp::field_name) {}
    void may_end(bool&, cmpp::field_name) {}
};

// Encodes a fully filled PDU of each type, decodes it strictly, re-encodes it: same bytes.
template <class T>
void round_trip(cmpp::version v, std::size_t& checked) {
    static const std::string_view ids[] = {"13800138000", "8613900139000"};
    T msg{};
    msg.ver = v;
    msg.sequence_id = 0xA1B2C3D4;
    filler f{ids};
    cmpp::walk(f, msg);
    const std::string bytes = cmpp_test::encoded(msg);
    INFO(cmpp::command_name(T::command, v));
    REQUIRE(bytes.size() >= cmpp::header_size);
    const auto legal = cmpp::pdu_length(T::command, v);
    CHECK(bytes.size() >= legal.min);
    CHECK(bytes.size() <= legal.max);

    T back;
    auto r = cmpp::decode(bytes, back, v);
    REQUIRE(r);
    CHECK(r.offset == bytes.size());
    CHECK(back.sequence_id == 0xA1B2C3D4);
    CHECK(cmpp_test::encoded(back) == bytes);

    cmpp::pdu any;
    REQUIRE(cmpp::decode(bytes, any, v));
    CHECK(any.command() == T::command);
    CHECK(any.sequence_id() == 0xA1B2C3D4);
    REQUIRE(any.get<T>() != nullptr);
    CHECK(cmpp_test::encoded(any) == bytes);

    // Decoding into a struct that holds another PDU's values, the other version's fields
    // included, leaves nothing of them: the decoder sets every field, not only this version's.
    T dirty{};
    dirty.ver = v == cmpp::version::v20 ? cmpp::version::v30 : cmpp::version::v20;
    cmpp::walk(f, dirty);
    dirty.trailing = std::string_view("left over");
    REQUIRE(cmpp::decode(bytes, dirty, v));
    CHECK(dirty.trailing.empty());
    CHECK(cmpp_test::encoded(dirty) == bytes);

    // Every proper prefix is refused, never read past.
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        std::string prefix = bytes.substr(0, n);
        CHECK(!cmpp::decode(prefix, back, v));
    }
    ++checked;
}

}  // namespace

TEST_CASE("every PDU of both versions round-trips through its own decoder and the any-PDU decoder") {
    std::size_t checked = 0;
    for (auto v : versions) {
        for (auto id : all_commands()) {
            const bool known = cmpp::with_pdu_type(id, v, [&](auto tag) {
                using T = typename decltype(tag)::type;
                round_trip<T>(v, checked);
            });
            CHECK(known == cmpp::is_known(id, v));
        }
    }
    CHECK(checked == 30 + 32);  // 2.0 has 30 PDUs, 3.0 adds GET_MO_ROUTE and its response
}

// Computed from the layouts: 2.0 CMPP_FWD, 152 + 21 * 99 + 255; 3.0 CMPP_SUBMIT, 163 + 32 * 99 + 255
// (CMPP_FWD of 3.0 takes one Dest_Id only).
static_assert(cmpp::largest_pdu(cmpp::version::v20) == 152 + 21 * 99 + 255);
static_assert(cmpp::largest_pdu(cmpp::version::v30) == 163 + 32 * 99 + 255);

TEST_CASE("the largest PDU of each version is the one its layouts allow") {
    for (auto v : versions) {
        std::size_t most = 0;
        for (auto id : all_commands()) {
            const auto range = cmpp::pdu_length(id, v);
            most = range.max > most ? range.max : most;
        }
        CHECK(most == cmpp::largest_pdu(v));
    }
}

TEST_CASE("Command_Id names follow table 8.34 and CMPP 3.0") {
    using cmpp::command_id;
    CHECK(std::string_view(cmpp::command_name(command_id::submit, cmpp::version::v20)) == "CMPP_SUBMIT");
    CHECK(std::string_view(cmpp::command_name(command_id::get_route, cmpp::version::v20)) == "CMPP_GET_ROUTE");
    CHECK(std::string_view(cmpp::command_name(command_id::get_route, cmpp::version::v30)) == "CMPP_GET_MT_ROUTE");
    CHECK(std::string_view(cmpp::command_name(command_id::get_mo_route_resp, cmpp::version::v30)) ==
          "CMPP_GET_MO_ROUTE_RESP");
    CHECK(cmpp::command_name(command_id::get_mo_route, cmpp::version::v20) == nullptr);
    CHECK(cmpp::command_name(static_cast<command_id>(3), cmpp::version::v30) == nullptr);
    CHECK(cmpp::response_to(command_id::deliver) == command_id::deliver_resp);
    CHECK(cmpp::is_response(command_id::fwd_resp));
    CHECK(!cmpp::is_response(command_id::fwd));
    CHECK(static_cast<std::uint32_t>(command_id::get_mo_route) == 0x17);
}

TEST_CASE("the any-PDU decoder: a switch on the command, unknown ids refused") {
    using cmpp::command_id;
    const std::string active = cmpp_test::unhex("00 00 00 0c 00 00 00 08 00 00 00 2a");
    cmpp::pdu p;
    REQUIRE(cmpp::decode(active, p, cmpp::version::v20));
    bool handled = false;
    switch (p.command()) {
    case command_id::active_test: handled = p.get<cmpp::active_test>()->sequence_id == 42; break;
    default: break;
    }
    CHECK(handled);
    CHECK(p.get<cmpp::submit>() == nullptr);

    // GET_MO_ROUTE is 3.0's only.
    const std::string get_mo = cmpp_test::unhex("00 00 00 1a 00 00 00 17 00 00 00 01") + "001001" + std::string("MO\0\0", 4) +
                               cmpp_test::unhex("ff ff ff ff");
    REQUIRE(get_mo.size() == 26);
    auto r = cmpp::decode(get_mo, p, cmpp::version::v20);
    CHECK(r.ec == errc::unknown_command);
    CHECK(r.offset == 4);
    CHECK(p.command() == command_id{});
    REQUIRE(cmpp::decode(get_mo, p, cmpp::version::v30));
    REQUIRE(p.get<cmpp::get_mo_route>() != nullptr);
    CHECK(p.get<cmpp::get_mo_route>()->last_route_id == -1);
    CHECK(p.get<cmpp::get_mo_route>()->route_type == "MO");

    // 0x12 is GET_ROUTE in 2.0, GET_MT_ROUTE in 3.0: the version picks the layout.
    const std::string get20 = cmpp_test::unhex("00 00 00 18 00 00 00 12 00 00 00 01") + "001001" + "MT" +
                              cmpp_test::unhex("00 00 00 05");
    REQUIRE(cmpp::decode(get20, p, cmpp::version::v20));
    CHECK(p.get<cmpp::get_route>()->last_route_id == 5);
    CHECK(cmpp::decode(get20, p, cmpp::version::v30).ec == errc::truncated);

    const std::string unknown = cmpp_test::unhex("00 00 00 0c 00 00 00 03 00 00 00 01");
    r = cmpp::decode(unknown, p, cmpp::version::v30);
    CHECK(r.ec == errc::unknown_command);
    cmpp::pdu empty;
    byte buf[16];
    CHECK(encode(empty, buf).ec == errc::missing_field);
}

TEST_CASE("a specific decoder refuses another PDU's or another version's Command_Id") {
    const std::string get_mo = cmpp_test::unhex("00 00 00 1a 00 00 00 17 00 00 00 01") + "001001" + std::string("MO\0\0", 4) +
                               cmpp_test::unhex("ff ff ff ff");
    cmpp::get_mo_route g;
    auto r = cmpp::decode(get_mo, g, cmpp::version::v20);
    CHECK(r.ec == errc::wrong_type);
    CHECK(r.offset == 4);
    cmpp::get_mt_route mt;
    CHECK(cmpp::decode(get_mo, mt, cmpp::version::v30).ec == errc::wrong_type);
}

TEST_CASE("decoding any PDU and encoding it back allocate nothing") {
    static const std::string_view ids[] = {"13800138000"};
    cmpp::fwd f;
    f.ver = cmpp::version::v30;
    f.dest_ids = ids;
    f.msg_content = std::string_view("hi");
    byte buf[600];
    cmpp::pdu p;
    test::alloc_counter guard;
    auto e = encode(f, buf);
    auto d = cmpp::decode(bytes(buf, e.offset), p, cmpp::version::v30);
    byte again[600];
    auto e2 = encode(p, again);
    CHECK(guard.count() == 0);
    REQUIRE(e);
    REQUIRE(d);
    CHECK(e2.offset == e.offset);
}
