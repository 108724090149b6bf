#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/layout.hpp"
#include "smsgw/cmpp/pdu.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"

// Cutting a TCP byte stream into PDUs. Give next_frame() the bytes received and not yet
// consumed; it never reads past them and never believes Total_Length unchecked:
//
//     for (;;) {
//         cmpp::frame f = cmpp::next_frame(buffered, opts);
//         if (f.status == cmpp::frame_status::need_more) break;        // read f.size more bytes (at least)
//         if (f.status == cmpp::frame_status::invalid) close();         // f.error says why; the stream is lost
//         if (f.status == cmpp::frame_status::ready) handle(buffered.first(f.size));
//         buffered = buffered.subspan(f.size);                          // ready or skip
//     }
namespace smsgw::cmpp {

enum class frame_status : unsigned char {
    need_more,  // size: bytes still missing, at least (the header first, then the rest of the PDU)
    ready,      // size: one whole PDU of that many bytes is at the front
    skip,       // size: a whole PDU with a Command_Id the version does not define; drop it, the stream stays in sync
    invalid,    // error: Total_Length impossible (or an unknown Command_Id under unknown_command::reject)
};

enum class unknown_command : unsigned char {
    skip,    // report it as `skip` with its Total_Length (bounded by max_length)
    reject,  // report it as `invalid` as soon as the Command_Id has arrived
};

struct frame_options {
    version ver = version::v20;
    // The largest Total_Length accepted; by default the largest legal PDU of the version.
    std::uint32_t max_length = largest_pdu(ver);
    // strict: a known Command_Id's Total_Length must also be within the range its layout
    // allows (pdu_length()), so a corrupt length is caught before waiting for its bytes.
    validation checks = validation::strict;
    unknown_command unknown = unknown_command::skip;
};

struct frame {
    frame_status status = frame_status::need_more;
    std::size_t size = 0;
    header head{};   // when ready or skip
    result error{};  // when invalid: bad_total_length (offset 0) or unknown_command (offset 4)
};

inline frame next_frame(bytes in, const frame_options& opt = {}) noexcept {
    frame f;
    if (in.size() < 4) {
        f.size = header_size - in.size();
        return f;
    }
    const std::uint32_t total = load_be32(in.data());
    if (total < header_size || total > opt.max_length) {
        f.status = frame_status::invalid;
        f.error = fail(errc::bad_total_length, 0, "Total_Length");
        return f;
    }
    if (in.size() >= 8) {
        const auto id = static_cast<command_id>(load_be32(in.data() + 4));
        const bool known = is_known(id, opt.ver);
        if (!known && opt.unknown == unknown_command::reject) {
            f.status = frame_status::invalid;
            f.error = fail(errc::unknown_command, 4, "Command_Id");
            return f;
        }
        if (known && opt.checks == validation::strict) {
            const length_range legal = pdu_length(id, opt.ver);
            if (total < legal.min || total > legal.max) {
                f.status = frame_status::invalid;
                f.error = fail(errc::bad_total_length, 0, "Total_Length");
                return f;
            }
        }
        if (in.size() >= total) {
            f.status = known ? frame_status::ready : frame_status::skip;
            f.size = total;
            decode(in, f.head);
            return f;
        }
    }
    f.size = total - in.size();
    return f;
}

}  // namespace smsgw::cmpp
