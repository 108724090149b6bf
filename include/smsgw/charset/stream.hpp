#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/charset/convert.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/core/writer.hpp"

// Streaming conversion: text split across buffers (encoded-words of one run, network reads)
// converts as one stream. Each call converts what it can and keeps the bytes of a sequence cut
// by the end of its chunk: a GBK or Big5 lead byte, up to three bytes of a GB18030 four-byte
// sequence, a partial UTF-8 sequence. finish() ends the stream. Splitting the input anywhere
// gives the same output and the same error as decode()/encode() of the whole; error offsets are
// counted from the start of the stream. After an error every call returns that error until
// reset().
namespace smsgw::charset {

namespace detail {

// The bytes held between calls and the stream's position: the one state both directions share.
class stream_state {
public:
    std::size_t pending() const noexcept { return held_; }   // bytes held for the next chunk (0-3)
    std::size_t position() const noexcept { return seen_; }  // bytes fed so far

    // Converts `chunk` with run(p, n, final, base, out, stop), held bytes first.
    template <class Run>
    outcome feed(bytes chunk, writer& out, const Run& run) noexcept {
        if (!error_.ok()) return error_;
        outcome total;
        std::size_t from = 0;  // where in chunk the bytes still to convert start
        if (held_ != 0) {
            // The held bytes and the first bytes of chunk: a sequence begun in the held bytes
            // (at most 4 bytes long) ends in here, unless chunk ends first.
            byte joined[sizeof held_bytes_ + 4];
            const std::size_t take = chunk.size() < 4 ? chunk.size() : 4;
            for (std::size_t i = 0; i < held_; ++i) joined[i] = held_bytes_[i];
            for (std::size_t i = 0; i < take; ++i) joined[held_ + i] = chunk[i];
            std::size_t stop = 0;
            const std::size_t n = held_ + take;
            const outcome r = run(joined, n, false, seen_ - held_, out, stop);
            total.replaced += r.replaced;
            if (!r.ok()) return error_ = r;
            if (stop < held_) {
                // Only when chunk was shorter than 4 bytes and all of it is in `joined`.
                hold(joined + stop, n - stop);
                seen_ += chunk.size();
                return detail::finished(total, out);
            }
            from = stop - held_;
            held_ = 0;
        }
        std::size_t stop = 0;
        const outcome r = run(chunk.data() + from, chunk.size() - from, false, seen_ + from, out, stop);
        total.replaced += r.replaced;
        if (!r.ok()) return error_ = r;
        hold(chunk.data() + from + stop, chunk.size() - from - stop);
        seen_ += chunk.size();
        return detail::finished(total, out);
    }

    template <class Run>
    outcome end(writer& out, const Run& run) noexcept {
        if (!error_.ok()) return error_;
        std::size_t stop = 0;
        const outcome r = run(held_bytes_, held_, true, seen_ - held_, out, stop);
        held_ = 0;
        if (!r.ok()) return error_ = r;
        return detail::finished(r, out);
    }

    void reset() noexcept { *this = stream_state{}; }

private:
    void hold(const byte* p, std::size_t n) noexcept {
        for (std::size_t i = 0; i < n; ++i) held_bytes_[i] = p[i];
        held_ = n;
    }

    byte held_bytes_[3] = {};
    std::size_t held_ = 0;
    std::size_t seen_ = 0;  // bytes of the stream fed so far
    outcome error_;
};

// What a stream converts with: decode_any() (mode o.m) or encode_any() with its settings.
struct stream_step {
    encoding enc;
    encode_options o;
    bool decoding;
    outcome operator()(const byte* p, std::size_t n, bool final, std::size_t base, writer& out,
                       std::size_t& stop) const noexcept {
        return decoding ? decode_any(enc, p, n, final, o.m, base, out, stop)
                        : encode_any(enc, p, n, final, o, base, out, stop);
    }
};

}  // namespace detail

/// Bytes of an encoding to UTF-8, chunk by chunk: a sequence cut by the end of a chunk is held
/// (a GBK or Big5 lead byte, up to three bytes of a GB18030 four-byte sequence, a partial UTF-8
/// sequence) and completed by the next; the output and errors are decode()'s of the whole.
class decoder {
public:
    /// A decoder of e in mode m, at the start of a stream.
    explicit decoder(encoding e, mode m = mode::strict) noexcept : step_{e, {m, {}, false}, true} {}

    /// Converts chunk after the bytes held from before. Success: offset is out.size(), as for
    /// decode(); `replaced` counts this call's U+FFFDs. After an error every call returns it
    /// until reset().
    outcome decode(bytes chunk, writer& out) noexcept { return state_.feed(chunk, out, step_); }
    /// Ends the stream: held bytes are errc::truncated (invalid_utf8 for UTF-8) at their offset,
    /// or one U+FFFD. At most 3 bytes are written.
    outcome finish(writer& out) noexcept { return state_.end(out, step_); }

    /// The most bytes the next decode(chunk) writes for a chunk of n bytes.
    std::size_t max_size(std::size_t n) const noexcept { return max_decoded_size(n + state_.pending()); }
    /// The bytes held for the next chunk and the bytes fed so far.
    const detail::stream_state& state() const noexcept { return state_; }
    /// Back to the start of a stream, the error and held bytes forgotten.
    void reset() noexcept { state_.reset(); }

private:
    detail::stream_step step_;
    detail::stream_state state_;
};

/// UTF-8 to an encoding, chunk by chunk: a UTF-8 sequence cut by the end of a chunk is held and
/// completed by the next; the output and errors are encode()'s of the whole.
class encoder {
public:
    /// An encoder to e with options o, at the start of a stream.
    explicit encoder(encoding e, const encode_options& o = {}) noexcept : step_{e, o, false} {}

    /// Converts chunk after the bytes held from before; as decoder::decode().
    outcome encode(std::string_view chunk, writer& out) noexcept { return state_.feed(chunk, out, step_); }
    /// Ends the stream: a held partial UTF-8 sequence is errc::invalid_utf8, or one U+FFFD
    /// encoded or substituted.
    outcome finish(writer& out) noexcept { return state_.end(out, step_); }

    /// The most bytes the next encode(chunk) writes for a chunk of n bytes.
    std::size_t max_size(std::size_t n) const noexcept { return max_encoded_size(step_.enc, n + state_.pending(), step_.o); }
    /// The bytes held for the next chunk and the bytes fed so far.
    const detail::stream_state& state() const noexcept { return state_; }
    /// Back to the start of a stream, the error and held bytes forgotten.
    void reset() noexcept { state_.reset(); }

private:
    detail::stream_step step_;
    detail::stream_state state_;
};

}  // namespace smsgw::charset
