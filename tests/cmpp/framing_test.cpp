#include "smsgw/cmpp/framing.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp::frame_status;
using cmpp_test::unhex;

namespace {

std::string header_bytes(std::uint32_t total, std::uint32_t command, std::uint32_t seq = 1) {
    std::string h(12, '\0');
    store_be32(reinterpret_cast<byte*>(h.data()), total);
    store_be32(reinterpret_cast<byte*>(h.data()) + 4, command);
    store_be32(reinterpret_cast<byte*>(h.data()) + 8, seq);
    return h;
}

std::string pdu_bytes(std::uint32_t total, std::uint32_t command, std::uint32_t seq = 1) {
    return header_bytes(total, command, seq) + std::string(total - 12, '\0');
}

cmpp::frame next(const std::string& s, const cmpp::frame_options& o = {}) { return cmpp::next_frame(s, o); }

}  // namespace

TEST_CASE("framer: need the header first, then the rest Total_Length announces") {
    cmpp::frame f = next("");
    CHECK(f.status == frame_status::need_more);
    CHECK(f.size == 12);
    CHECK(next(std::string(3, '\0')).size == 9);
    const std::string active = unhex("00 00 00 0c 00 00 00 08 00 00 00 07");
    f = next(active.substr(0, 4));
    CHECK(f.status == frame_status::need_more);
    CHECK(f.size == 8);
    f = next(active);
    CHECK(f.status == frame_status::ready);
    CHECK(f.size == 12);
    CHECK(f.head.command == cmpp::command_id::active_test);
    CHECK(f.head.sequence_id == 7);

    const std::string submit = pdu_bytes(163, 4);
    f = next(submit.substr(0, 20));
    CHECK(f.status == frame_status::need_more);
    CHECK(f.size == 143);
    f = next(submit + active);  // a second PDU behind the first is not looked at
    CHECK(f.status == frame_status::ready);
    CHECK(f.size == 163);
}

TEST_CASE("framer: Total_Length below the header or above the maximum is invalid at once") {
    for (std::uint32_t bad : {0u, 8u, 11u, 2487u, 0xFFFFFFFFu}) {
        std::string four = header_bytes(bad, 4).substr(0, 4);
        cmpp::frame f = next(four, {cmpp::version::v20, 2486, cmpp::validation::tolerant});
        CHECK(f.status == frame_status::invalid);
        CHECK(f.error.ec == errc::bad_total_length);
        CHECK(f.error.offset == 0);
    }
    // Defaults admit the largest legal PDU of each version and nothing longer.
    CHECK(cmpp::frame_options{}.max_length == 0);  // the largest PDU of whatever `ver` is when it is used
    cmpp::frame_options later;
    later.ver = cmpp::version::v30;  // set after construction: 3.0's maximum all the same
    CHECK(next(pdu_bytes(3586, 4), later).status == frame_status::ready);
    CHECK(next(pdu_bytes(2486, 9)).status == frame_status::ready);  // 2.0 FWD, 99 Dest_Id, Msg_Length 255
    CHECK(next(pdu_bytes(2487, 9)).status == frame_status::invalid);
    const cmpp::frame_options v30{cmpp::version::v30};
    CHECK(next(pdu_bytes(3586, 4), v30).status == frame_status::ready);  // 3.0 SUBMIT, 99 ids, Msg_Length 255
    CHECK(next(pdu_bytes(3587, 4), v30).status == frame_status::invalid);
    // Configurable.
    cmpp::frame_options small{cmpp::version::v30, 200};
    CHECK(next(pdu_bytes(163, 4), small).status == frame_status::ready);
    CHECK(next(pdu_bytes(229, 4), small).status == frame_status::invalid);
}

TEST_CASE("framer strict: a known Command_Id's Total_Length must fit its layout") {
    // An ACTIVE_TEST claiming 3000 bytes would stall the stream waiting for them.
    const std::string liar = header_bytes(3000, 8);
    cmpp::frame f = next(liar);
    CHECK(f.status == frame_status::invalid);
    CHECK(f.error.ec == errc::bad_total_length);
    f = next(liar, {cmpp::version::v20, 3586, cmpp::validation::tolerant});
    CHECK(f.status == frame_status::need_more);
    CHECK(f.size == 2988);
    // A CONNECT_RESP is 30 bytes in 2.0, 33 in 3.0.
    CHECK(next(pdu_bytes(33, 0x80000001)).status == frame_status::invalid);
    CHECK(next(pdu_bytes(33, 0x80000001), {cmpp::version::v30}).status == frame_status::ready);
    CHECK(next(pdu_bytes(137, 4)).status == frame_status::invalid);
}

TEST_CASE("framer: unknown Command_Ids are skipped whole, or rejected on request") {
    const std::string unknown = pdu_bytes(20, 3);
    cmpp::frame f = next(unknown.substr(0, 10));
    CHECK(f.status == frame_status::need_more);
    CHECK(f.size == 10);
    f = next(unknown);
    CHECK(f.status == frame_status::skip);
    CHECK(f.size == 20);
    CHECK(static_cast<std::uint32_t>(f.head.command) == 3);

    cmpp::frame_options reject{};
    reject.unknown = cmpp::unknown_command::reject;
    f = next(unknown.substr(0, 8), reject);
    CHECK(f.status == frame_status::invalid);
    CHECK(f.error.ec == errc::unknown_command);
    CHECK(f.error.offset == 4);
    // GET_MO_ROUTE is unknown to 2.0, known to 3.0.
    CHECK(next(pdu_bytes(26, 0x17)).status == frame_status::skip);
    CHECK(next(pdu_bytes(26, 0x17), {cmpp::version::v30}).status == frame_status::ready);
}

TEST_CASE("framer cuts a stream delivered in pieces of every size") {
    const std::string stream = pdu_bytes(163, 4, 1) + pdu_bytes(21, 0x80000004, 1) + pdu_bytes(20, 3, 2) +
                               pdu_bytes(12, 8, 3) + pdu_bytes(13, 0x80000008, 3);
    const std::vector<std::size_t> sizes{163, 21, 20, 12, 13};
    for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
        std::string buffered;
        std::vector<std::size_t> seen;
        std::size_t skipped = 0;
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            buffered += stream.substr(at, chunk);
            for (;;) {
                cmpp::frame f = next(buffered);
                REQUIRE(f.status != frame_status::invalid);
                if (f.status == frame_status::need_more) break;
                if (f.status == frame_status::skip) ++skipped;
                seen.push_back(f.size);
                buffered.erase(0, f.size);
            }
        }
        CHECK(seen == sizes);
        CHECK(skipped == 1);
        CHECK(buffered.empty());
    }
}

TEST_CASE("stream_buffer: reads of every size in, whole PDUs out, unknown ones dropped") {
    const std::string stream = pdu_bytes(163, 4, 1) + pdu_bytes(21, 0x80000004, 1) + pdu_bytes(20, 3, 2) +
                               pdu_bytes(12, 8, 3) + pdu_bytes(13, 0x80000008, 3);
    for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
        byte storage[256];
        cmpp::stream_buffer in(storage);
        std::vector<std::string> seen;
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            const mutable_bytes room = in.space();
            const std::string piece = stream.substr(at, chunk < room.size() ? chunk : room.size());
            std::memcpy(room.data(), piece.data(), piece.size());
            in.commit(piece.size());
            at -= chunk - piece.size();
            bytes pdu;
            cmpp::frame f;
            while ((f = in.next(pdu)).status == frame_status::ready) seen.emplace_back(as_chars(pdu));
            REQUIRE(f.status == frame_status::need_more);
        }
        REQUIRE(seen.size() == 4);  // Command_Id 3 is no CMPP command: its 20 bytes are dropped
        CHECK(seen[0] == stream.substr(0, 163));
        CHECK(seen[1] == stream.substr(163, 21));
        CHECK(seen[2] == stream.substr(204, 12));
        CHECK(seen[3] == stream.substr(216, 13));
        CHECK(in.skipped() == 1);
        CHECK(in.held() == 0);
    }
}

TEST_CASE("stream_buffer: a PDU that cannot fit the storage, a lost stream, views kept until space()") {
    byte small[64];
    cmpp::stream_buffer in(small);
    const std::string submit = pdu_bytes(163, 4);
    mutable_bytes room = in.space();
    std::memcpy(room.data(), submit.data(), room.size());
    in.commit(room.size());
    bytes pdu;
    cmpp::frame f = in.next(pdu);
    CHECK(f.status == frame_status::invalid);
    CHECK(f.error == result{errc::buffer_too_small, 163, "Total_Length"});
    CHECK(in.space().empty());

    byte storage[64];
    cmpp::stream_buffer lost(storage);
    const std::string bad = header_bytes(5, 4);
    room = lost.space();
    std::memcpy(room.data(), bad.data(), bad.size());
    lost.commit(bad.size());
    CHECK(lost.next(pdu).error.ec == errc::bad_total_length);

    cmpp::stream_buffer two(storage);
    const std::string both = pdu_bytes(12, 8, 1) + pdu_bytes(12, 8, 2) + header_bytes(20, 3, 3).substr(0, 5);
    room = two.space();
    std::memcpy(room.data(), both.data(), both.size());
    two.commit(both.size());
    bytes first, second;
    test::alloc_counter guard;
    REQUIRE(two.next(first).status == frame_status::ready);
    REQUIRE(two.next(second).status == frame_status::ready);
    CHECK(guard.count() == 0);
    CHECK(load_be32(first.data() + 8) == 1);  // both views still valid: no space() yet
    CHECK(load_be32(second.data() + 8) == 2);
    CHECK(two.next(pdu).status == frame_status::need_more);
    CHECK(two.held() == 5);
    CHECK(two.space().size() == 59);  // the 5 bytes held moved to the front
    cmpp::stream_buffer clamped(storage);
    clamped.commit(1000);  // more than space(): clamped to it
    CHECK(clamped.held() == 64);
}

TEST_CASE("framing allocates nothing") {
    const std::string submit = pdu_bytes(163, 4);
    test::alloc_counter guard;
    cmpp::frame f = cmpp::next_frame(submit, {cmpp::version::v30});
    CHECK(guard.count() == 0);
    CHECK(f.status == frame_status::ready);
}
