// CMPP PDUs: arbitrary bytes through the framer (both versions, strict and tolerant, with the
// stream cut as the framer says, and again through a stream_buffer in small reads), through the
// any-PDU decoder, and through the decoder of every
// PDU type of both versions (the Command_Id overwritten to reach each body parser). Whatever
// decodes is encoded again, into an exact-size heap buffer, and must give the same bytes.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "smsgw/cmpp/framing.hpp"
#include "smsgw/cmpp/pdu.hpp"

namespace {

namespace cmpp = smsgw::cmpp;

void check(bool ok) {
    if (!ok) std::abort();
}

// Encodes `msg` into a buffer of exactly `expected`'s size and compares; a byte less is
// buffer_too_small with the size needed, and nothing claimed.
template <class T>
void same_bytes(const T& msg, smsgw::bytes expected) {
    check(smsgw::encoded_size(msg) == expected.size());
    auto out = std::make_unique<unsigned char[]>(expected.size() + 1);
    smsgw::writer w(smsgw::mutable_bytes(out.get(), expected.size()));
    smsgw::result r = encode(msg, w);
    check(r.ok() && r.offset == expected.size());
    check(expected.empty() || std::memcmp(out.get(), expected.data(), expected.size()) == 0);
    if (!expected.empty()) {
        smsgw::writer small(smsgw::mutable_bytes(out.get(), expected.size() - 1));
        r = encode(msg, small);
        check(r.ec == smsgw::errc::buffer_too_small && r.offset == expected.size());
    }
}

constexpr cmpp::version versions[] = {cmpp::version::v20, cmpp::version::v30};
constexpr cmpp::validation checks[] = {cmpp::validation::strict, cmpp::validation::tolerant};

void frame_stream(smsgw::bytes in, cmpp::version v, cmpp::validation c) {
    const cmpp::frame_options opt{v, cmpp::largest_pdu(v), c, cmpp::unknown_command::skip};
    while (true) {
        const cmpp::frame f = cmpp::next_frame(in, opt);
        if (f.status == cmpp::frame_status::need_more) {
            check(f.size > 0);
            return;
        }
        if (f.status == cmpp::frame_status::invalid) {
            check(!f.error.ok());
            return;
        }
        check(f.size >= cmpp::header_size && f.size <= in.size() && f.size <= opt.max_length);
        const smsgw::bytes one = in.first(f.size);
        cmpp::pdu p;
        const smsgw::result r = cmpp::decode(one, p, {v, c});
        if (f.status == cmpp::frame_status::skip) {
            check(r.ec == smsgw::errc::unknown_command);
        } else if (r.ok()) {
            check(r.offset == f.size);
            check(p.command() == f.head.command);
            same_bytes(p, one);
        }
        in = in.subspan(f.size);
    }
}

// The same stream through a stream_buffer in reads of 1 to 16 bytes (the length from the
// input): the PDUs that come out are the ones next_frame() cut, in order, byte for byte.
void buffered_stream(smsgw::bytes in, cmpp::version v) {
    if (in.empty()) return;
    const std::size_t read_size = in[0] % 16 + 1;
    const cmpp::frame_options opt{v, cmpp::largest_pdu(v), cmpp::validation::strict, cmpp::unknown_command::skip};
    std::vector<smsgw::bytes> expected;
    smsgw::bytes rest = in;
    for (cmpp::frame f; (f = cmpp::next_frame(rest, opt)).status == cmpp::frame_status::ready ||
                        f.status == cmpp::frame_status::skip;
         rest = rest.subspan(f.size)) {
        if (f.status == cmpp::frame_status::ready) expected.push_back(rest.first(f.size));
    }
    std::vector<unsigned char> storage(cmpp::largest_pdu(v));
    cmpp::stream_buffer buffer(storage, opt);
    std::size_t got = 0;
    for (std::size_t at = 0; at < in.size();) {
        const smsgw::mutable_bytes room = buffer.space();
        const std::size_t n = std::min({read_size, room.size(), in.size() - at});
        check(n > 0);
        std::memcpy(room.data(), in.data() + at, n);
        buffer.commit(n);
        at += n;
        smsgw::bytes pdu;
        cmpp::frame f;
        while ((f = buffer.next(pdu)).status == cmpp::frame_status::ready) {
            check(got < expected.size() && pdu.size() == expected[got].size() &&
                  std::memcmp(pdu.data(), expected[got].data(), pdu.size()) == 0);
            ++got;
        }
        if (f.status == cmpp::frame_status::invalid) break;
    }
    check(got == expected.size());
}

// Every PDU type's decoder on the input with its own Command_Id put in.
void every_type(smsgw::bytes in, cmpp::version v) {
    if (in.size() < cmpp::header_size) return;
    std::vector<unsigned char> copy(in.begin(), in.end());
    for (std::uint32_t c = 0; c <= 0x17; ++c) {
        for (std::uint32_t resp : {0u, 0x80000000u}) {
            cmpp::with_pdu_type(static_cast<cmpp::command_id>(c | resp), v, [&](auto tag) {
                using T = typename decltype(tag)::type;
                smsgw::store_be32(copy.data() + 4, static_cast<std::uint32_t>(T::command));
                T strict{};
                const smsgw::result rs = cmpp::decode(copy, strict, {v, cmpp::validation::strict});
                T tolerant{};
                const smsgw::result rt = cmpp::decode(copy, tolerant, {v, cmpp::validation::tolerant});
                if (rs.ok()) check(rt.ok() && rt.offset == rs.offset);
                if (rt.ok()) same_bytes(tolerant, smsgw::bytes(copy.data(), rt.offset));
                if (rs.ok()) same_bytes(strict, smsgw::bytes(copy.data(), rs.offset));
                // Decoding over an earlier result, whole or partial, leaves nothing of it.
                T reused = rs.ok() ? strict : tolerant;
                const smsgw::result rr = cmpp::decode(copy, reused, {v, cmpp::validation::tolerant});
                check(rr.ec == rt.ec && rr.offset == rt.offset);
                if (rr.ok()) same_bytes(reused, smsgw::bytes(copy.data(), rr.offset));
            });
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const smsgw::bytes in(data, size);
    for (auto v : versions) {
        for (auto c : checks) frame_stream(in, v, c);
        buffered_stream(in, v);
        every_type(in, v);
    }
    return 0;
}
