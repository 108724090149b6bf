#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw {

/// A cursor over binary input. Reads past the end return zeros and empty views and set a
/// sticky `truncated` error at the offset of the first short read, so a decoder reads a whole
/// fixed layout and checks once at the end.
class reader {
public:
    constexpr reader() noexcept = default;
    /// Reads `in` from its start.
    constexpr explicit reader(bytes in) noexcept : in_(in) {}

    /// Bytes read so far.
    constexpr std::size_t offset() const noexcept { return pos_; }
    /// Bytes left.
    constexpr std::size_t remaining() const noexcept { return in_.size() - pos_; }
    /// Whether no read ran past the end.
    constexpr bool ok() const noexcept { return err_ == errc{}; }
    /// Ok with the offset, or truncated at the offset of the first read that did not fit.
    constexpr result status() const noexcept { return ok() ? result{errc{}, pos_} : result{err_, err_pos_}; }

    /// One byte, or 0 once truncated.
    std::uint8_t u8() noexcept {
        const byte* p = take_raw(1);
        return p ? *p : 0;
    }
    /// Big-endian integers, or 0 once truncated.
    ///@{
    std::uint16_t be16() noexcept {
        const byte* p = take_raw(2);
        return p ? load_be16(p) : 0;
    }
    std::uint32_t be32() noexcept {
        const byte* p = take_raw(4);
        return p ? load_be32(p) : 0;
    }
    std::uint64_t be64() noexcept {
        const byte* p = take_raw(8);
        return p ? load_be64(p) : 0;
    }
    ///@}
    /// The next n bytes as a view into the input.
    std::string_view take(std::size_t n) noexcept {
        const byte* p = take_raw(n);
        return p ? std::string_view(reinterpret_cast<const char*>(p), n) : std::string_view();
    }
    /// All that is left.
    std::string_view rest() noexcept { return take(remaining()); }

    /// Records an error found by the caller at `at`, unless an earlier one is already recorded.
    void fail(errc e, std::size_t at) noexcept {
        if (ok()) {
            err_ = e;
            err_pos_ = at;
        }
    }

private:
    const byte* take_raw(std::size_t n) noexcept {
        if (!ok()) return nullptr;
        if (n > remaining()) {
            fail(errc::truncated, in_.size());
            return nullptr;
        }
        const byte* p = in_.data() + pos_;
        pos_ += n;
        return p;
    }

    bytes in_;
    std::size_t pos_ = 0;
    errc err_{};
    std::size_t err_pos_ = 0;
};

}  // namespace smsgw
