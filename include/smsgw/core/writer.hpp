#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw {

/// Writes into a caller's buffer and never past it. Whatever does not fit is counted, not
/// written, so one pass tells both whether the output fitted and how large it must be; a
/// writer built without a buffer only measures (that is how encoded_size() works).
class writer {
public:
    constexpr writer() noexcept = default;
    /// Writes into `out`.
    explicit constexpr writer(mutable_bytes out) noexcept : data_(out.data()), capacity_(out.size()) {}
    /// Writes into `capacity` bytes at `data`.
    constexpr writer(byte* data, std::size_t capacity) noexcept : data_(data), capacity_(capacity) {}
    /// Writes into `capacity` chars at `data`.
    writer(char* data, std::size_t capacity) noexcept
        : data_(reinterpret_cast<byte*>(data)), capacity_(capacity) {}

    /// Bytes written or wanted so far: the size the output needs once encoding is done.
    constexpr std::size_t size() const noexcept { return size_; }
    /// The buffer's size.
    constexpr std::size_t capacity() const noexcept { return capacity_; }
    /// Whether more was written than fits.
    constexpr bool overflowed() const noexcept { return size_ > capacity_; }
    /// The buffer.
    constexpr byte* buffer() const noexcept { return data_; }

    /// n bytes to fill in place, or nullptr when they do not fit (they are counted all the same).
    byte* claim(std::size_t n) noexcept {
        byte* p = fits(n) ? data_ + size_ : nullptr;
        size_ += n;
        return p;
    }

    /// One byte.
    ///@{
    void put(byte b) noexcept {
        if (size_ < capacity_) data_[size_] = b;
        ++size_;
    }
    void put(char c) noexcept { put(static_cast<byte>(c)); }
    ///@}
    /// Bytes, counted even when they do not fit.
    ///@{
    void write(const void* p, std::size_t n) noexcept {
        if (n != 0 && fits(n)) std::memcpy(data_ + size_, p, n);
        size_ += n;
    }
    void write(std::string_view s) noexcept { write(s.data(), s.size()); }
    void write(bytes b) noexcept { write(b.data(), b.size()); }
    ///@}
    /// n copies of b.
    void fill(byte b, std::size_t n) noexcept {
        if (n != 0 && fits(n)) std::memset(data_ + size_, b, n);
        size_ += n;
    }
    /// Big-endian integers.
    ///@{
    void put_be16(std::uint16_t v) noexcept {
        if (byte* p = claim(2)) store_be16(p, v);
    }
    void put_be32(std::uint32_t v) noexcept {
        if (byte* p = claim(4)) store_be32(p, v);
    }
    void put_be64(std::uint64_t v) noexcept {
        if (byte* p = claim(8)) store_be64(p, v);
    }
    ///@}
    /// Overwrites 4 bytes written earlier at `at` (a length known only at the end).
    void patch_be32(std::size_t at, std::uint32_t v) noexcept {
        if (at + 4 <= capacity_ && at + 4 <= size_) store_be32(data_ + at, v);
    }

    /// The outcome: the bytes written, or buffer_too_small with the size needed.
    constexpr result finish() const noexcept {
        return overflowed() ? result{errc::buffer_too_small, size_} : result{errc{}, size_};
    }

private:
    constexpr bool fits(std::size_t n) const noexcept { return size_ <= capacity_ && n <= capacity_ - size_; }

    byte* data_ = nullptr;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
};

/// Generic front ends for any message type whose module defines
/// `result encode(const T&, writer&)`; found by argument-dependent lookup.
template <class T>
result encode(const T& value, mutable_bytes out) {
    writer w(out);
    return encode(value, w);
}

/// The bytes encode(value) writes, without writing them.
template <class T>
std::size_t encoded_size(const T& value) {
    writer w;
    encode(value, w);
    return w.size();
}

/// Appends to a std::string what `write(writer&)` writes, returning its result: a decoder's
/// output (mime::decode_content, a charset conversion, a filename) or an encoder's. It runs
/// `write` twice, once to measure and once into the string; on an error the string is kept as
/// it was. With encode_append, the conveniences that allocate.
template <class Write>
result write_append(std::string& s, Write&& write) {
    writer measure;
    result r = write(measure);
    if (r.ec != errc::buffer_too_small && !r) return r;
    const std::size_t old = s.size();
    s.resize(old + measure.size());
    writer w(s.data() + old, measure.size());
    r = write(w);
    if (!r) s.resize(old);
    return r;
}

/// Appends the encoding of `value` to a std::string.
template <class T>
result encode_append(const T& value, std::string& s) {
    return write_append(s, [&value](writer& w) { return encode(value, w); });
}

}  // namespace smsgw
