#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

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
//
// stream_buffer (below) is that loop with its buffer, in caller storage.
namespace smsgw::cmpp {

/// What next_frame() found at the front of the stream.
enum class frame_status : unsigned char {
    need_more,  ///< size: bytes still missing, at least (the header first, then the rest of the PDU)
    ready,      ///< size: one whole PDU of that many bytes is at the front
    skip,       ///< size: a whole PDU with a Command_Id the version does not define; drop it, the stream stays in sync
    invalid,    ///< error: Total_Length impossible (or an unknown Command_Id under unknown_command::reject)
};

/// What next_frame() does with a Command_Id the version does not define.
enum class unknown_command : unsigned char {
    skip,    ///< report it as `skip` with its Total_Length (bounded by max_length)
    reject,  ///< report it as `invalid` as soon as the Command_Id has arrived
};

/// What next_frame() accepts.
struct frame_options {
    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// The largest Total_Length accepted; 0 (the default): the largest legal PDU of `ver`, whenever
    /// `ver` is set.
    std::uint32_t max_length = 0;
    /// strict: a known Command_Id's Total_Length must also be within the range its layout
    /// allows (pdu_length()), so a corrupt length is caught before waiting for its bytes.
    validation checks = validation::strict;
    /// What to do with a Command_Id no layout knows.
    unknown_command unknown = unknown_command::skip;
};

/// What next_frame() found at the start of its input.
struct frame {
    /// Whether a PDU is complete, incomplete, to skip or invalid.
    frame_status status = frame_status::need_more;
    /// The PDU's Total_Length, once known.
    std::size_t size = 0;
    header head{};   ///< when ready or skip
    result error{};  ///< when invalid: bad_total_length (offset 0) or unknown_command (offset 4)
};

/// Looks at the front of `in`: a whole PDU is ready (its size), more bytes are needed, a PDU to skip, or an invalid length.
inline frame next_frame(bytes in, const frame_options& opt = {}) noexcept {
    frame f;
    if (in.size() < 4) {
        f.size = header_size - in.size();
        return f;
    }
    const std::uint32_t total = load_be32(in.data());
    const std::uint32_t max = opt.max_length != 0 ? opt.max_length : largest_pdu(opt.ver);
    if (total < header_size || total > max) {
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

/// The receive buffer around next_frame(), in caller storage: read from the socket into
/// space(), commit() what arrived, then take whole PDUs with next() until it answers need_more.
/// A PDU's bytes, and every view a decoder makes of them, stay valid until the next space(),
/// which moves the start of an unfinished PDU to the front. PDUs with a Command_Id the version
/// does not define are dropped whole (skipped() counts them). Storage of largest_pdu(ver) bytes
/// (2486 for CMPP 2.0, 3586 for 3.0) holds any legal PDU.
///
///     unsigned char storage[4096];
///     cmpp::stream_buffer in(storage, {cmpp::version::v30});
///     smsgw::mutable_bytes room = in.space();
///     in.commit(read(fd, room.data(), room.size()));
///     smsgw::bytes pdu;
///     for (cmpp::frame f; (f = in.next(pdu)).status == cmpp::frame_status::ready;) handle(pdu);
///     // need_more: read again; invalid: f.error says why, the stream is lost
class stream_buffer {
public:
    /// A buffer over `storage`, framed as `opt` says.
    explicit stream_buffer(mutable_bytes storage, const frame_options& opt = {}) noexcept
        : storage_(storage), opt_(opt) {}

    /// Where the next read goes: the room after the bytes held, once those have moved to the front.
    mutable_bytes space() noexcept {
        if (start_ != 0) {
            std::memmove(storage_.data(), storage_.data() + start_, end_ - start_);
            end_ -= start_;
            start_ = 0;
        }
        return storage_.subspan(end_);
    }
    /// `n` bytes were read into space() (at most its size).
    void commit(std::size_t n) noexcept { end_ += n <= storage_.size() - end_ ? n : storage_.size() - end_; }

    /// The next whole PDU into `pdu`: status ready. need_more when no whole PDU is held (size: bytes
    /// still missing, at least); invalid when the stream is lost: next_frame()'s errors, or
    /// buffer_too_small (offset: the storage the PDU needs) when the PDU cannot fit the storage.
    frame next(bytes& pdu) noexcept {
        for (;;) {
            const bytes rest(storage_.data() + start_, end_ - start_);
            frame f = next_frame(rest, opt_);
            if (f.status == frame_status::skip) {
                start_ += f.size;
                ++skipped_;
                continue;
            }
            if (f.status == frame_status::ready) {
                pdu = rest.first(f.size);
                start_ += f.size;
            } else if (f.status == frame_status::need_more && rest.size() + f.size > storage_.size()) {
                f.status = frame_status::invalid;
                f.error = fail(errc::buffer_too_small, rest.size() + f.size, "Total_Length");
            }
            return f;
        }
    }

    std::size_t held() const noexcept { return end_ - start_; }  ///< bytes received and not yet taken
    std::size_t skipped() const noexcept { return skipped_; }    ///< PDUs dropped for their Command_Id

private:
    mutable_bytes storage_;
    frame_options opt_;
    std::size_t start_ = 0;  // of the first byte not yet taken
    std::size_t end_ = 0;    // of the last byte received, plus one
    std::size_t skipped_ = 0;
};

}  // namespace smsgw::cmpp
