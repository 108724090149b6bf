#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/id_list.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// How every CMPP PDU is encoded and decoded. Each PDU struct lists its body once, in wire order,
// in a static `walk(visitor, msg)`; the encoder, the decoder and anyone printing a PDU (the
// inspector) are visitors of that walk, so the three cannot disagree about a layout.
//
// A visitor has these members, each given the field's spec name and its snake_case key:
//   number(value, width, name, max)   big-endian unsigned integer of 1, 2, 4 or 8 bytes
//                                     (Last_route_Id: a signed 4-byte Integer); `max` is the
//                                     largest value the spec allows, checked by strict decoding
//   text(value, width, name, pad)     fixed-width Octet String, padded as table 8.1 says
//   octets(array, name)               fixed-width binary (the authenticators)
//   ids(list, width, count_name, name, min, max)   a count byte (DestUsr_tl) and that many ids
//   content(value, max, length_name, name)         Msg_Length and Msg_Content
//   absent(is_default, name)          a field the chosen version does not have: encoding refuses
//                                     a value there rather than drop it
namespace smsgw::cmpp {

// Strict decoding rejects what the spec forbids (each with its offset and field); tolerant
// decoding accepts it, keeping every byte so that re-encoding gives the same PDU.
enum class validation : unsigned char {
    strict,    // the default
    tolerant,  // ranges unchecked, DestUsr_tl up to 255, bytes after the body kept in `trailing`
};

struct decode_options {
    version ver = version::v20;
    validation checks = validation::strict;
};

struct field_name {
    const char* spec;  // as in the spec tables: "Fee_UserType"
    const char* key;   // snake_case, as in the structs and the inspector: "fee_user_type"
};

inline constexpr std::uint64_t any_value = ~std::uint64_t{0};

// Msg_Length limit of table 8.6: below 160 bytes for ASCII (Msg_Fmt 0), at most 140 otherwise.
constexpr std::size_t msg_length_limit(std::uint8_t msg_fmt) noexcept { return msg_fmt == 0 ? 159 : 140; }

namespace detail {

template <class T, class = void>
struct is_pdu : std::false_type {};
template <class T>
struct is_pdu<T, std::void_t<decltype(T::command)>> : std::is_same<std::remove_cv_t<decltype(T::command)>, command_id> {};

template <class T, class = void>
struct has_version : std::false_type {};
template <class T>
struct has_version<T, std::void_t<decltype(std::declval<T&>().ver)>> : std::true_type {};

template <class T, class = void>
struct single_version : std::false_type {};
template <class T>
struct single_version<T, std::void_t<decltype(T::only_in)>> : std::true_type {};

template <class T>
constexpr bool defined_in(version v) noexcept {
    if constexpr (single_version<T>::value) {
        return v == T::only_in;
    } else {
        return is_known(T::command, v);
    }
}

// trim_fixed(raw, pad::nul_right), a word at a time: the same view (bytes after an embedded NUL
// kept), but the empty 17- and 21-byte fields a PDU is full of cost a load or two.
inline std::string_view trim_nul(std::string_view raw) noexcept {
    const char* p = raw.data();
    std::size_t n = raw.size();
    while (n >= sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, p + n - sizeof word, sizeof word);
        if (word != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            // The word's last bytes are its most significant: its leading zero bytes are the padding.
            return {p, n - static_cast<std::size_t>(__builtin_clzll(word) >> 3)};
#else
            break;
#endif
        }
        n -= sizeof word;
    }
    while (n != 0 && p[n - 1] == '\0') --n;
    return {p, n};
}

class body_decoder {
public:
    constexpr body_decoder(const byte* base, std::size_t pos, std::size_t end, bool strict) noexcept
        : base_(base), p_(base + pos), end_(base + end), strict_(strict) {}

    constexpr bool ok() const noexcept { return err_.ok(); }
    constexpr result error() const noexcept { return err_; }
    constexpr std::size_t pos() const noexcept { return static_cast<std::size_t>(p_ - base_); }

    template <class I>
    void number(I& value, std::size_t width, field_name f, std::uint64_t max = any_value) noexcept {
        if (!room(width, f)) return;
        std::uint64_t x = 0;
        switch (width) {
        case 1: x = p_[0]; break;
        case 2: x = load_be16(p_); break;
        case 4: x = load_be32(p_); break;
        default: x = load_be64(p_); break;
        }
        if (strict_ && x > max) return fail(errc::out_of_range, pos(), f);
        value = static_cast<I>(x);
        p_ += width;
    }

    void text(std::string_view& value, std::size_t width, field_name f, pad p = pad::nul_right) noexcept {
        if (!room(width, f)) return;
        value = p == pad::nul_right ? trim_nul(chars(p_, width)) : trim_fixed(chars(p_, width), p);
        p_ += width;
    }

    template <std::size_t N>
    void octets(std::array<byte, N>& value, field_name f) noexcept {
        if (!room(N, f)) return;
        std::memcpy(value.data(), p_, N);
        p_ += N;
    }

    void ids(id_list& list, std::size_t width, field_name count, field_name, std::size_t min, std::size_t max) noexcept {
        if (!room(1, count)) return;
        const std::size_t n = *p_;
        if (strict_ && n < min) return fail(errc::out_of_range, pos(), count);
        if (strict_ && n > max) return fail(errc::too_many, pos(), count);
        if ((left() - 1) / width < n) return fail(errc::count_mismatch, pos(), count);
        list = id_list::on_wire(reinterpret_cast<const char*>(p_ + 1), n, width);
        p_ += 1 + n * width;
    }

    void content(std::string_view& value, std::size_t max, field_name length, field_name) noexcept {
        if (!room(1, length)) return;
        const std::size_t n = *p_;
        if (strict_ && n > max) return fail(errc::out_of_range, pos(), length);
        if (left() - 1 < n) return fail(errc::invalid_length, pos(), length);
        value = chars(p_ + 1, n);
        p_ += 1 + n;
    }

    constexpr void absent(bool, field_name) noexcept {}

private:
    std::size_t left() const noexcept { return static_cast<std::size_t>(end_ - p_); }
    // The PDU (as long as Total_Length says) ends inside this field.
    bool room(std::size_t n, field_name f) noexcept {
        if (left() >= n) return true;
        fail(errc::truncated, static_cast<std::size_t>(end_ - base_), f);
        return false;
    }
    // Records the first error and leaves no room for the fields after it.
    void fail(errc e, std::size_t at, field_name f) noexcept {
        if (err_.ok()) err_ = result{e, at, f.spec};
        end_ = p_;
    }
    static std::string_view chars(const byte* at, std::size_t n) noexcept {
        return {reinterpret_cast<const char*>(at), n};
    }

    const byte* base_;
    const byte* p_;
    const byte* end_;
    bool strict_;
    result err_{};
};

// First encoding pass: checks every value fits its field and adds up the size.
class body_sizer {
public:
    constexpr explicit body_sizer(std::size_t pos) noexcept : pos_(pos) {}

    constexpr bool ok() const noexcept { return err_.ok(); }
    constexpr result error() const noexcept { return err_; }
    constexpr std::size_t pos() const noexcept { return pos_; }

    template <class I>
    constexpr void number(const I& value, std::size_t width, field_name f, std::uint64_t = any_value) noexcept {
        if constexpr (std::is_unsigned_v<I>) {
            if (width < sizeof(std::uint64_t) && static_cast<std::uint64_t>(value) >> (8 * width) != 0) {
                fail(errc::out_of_range, f);
            }
        }
        pos_ += width;
    }
    constexpr void text(const std::string_view& value, std::size_t width, field_name f, pad = pad::nul_right) noexcept {
        if (value.size() > width) fail(errc::field_too_long, f);
        pos_ += width;
    }
    template <std::size_t N>
    constexpr void octets(const std::array<byte, N>&, field_name) noexcept {
        pos_ += N;
    }
    constexpr void ids(const id_list& list, std::size_t width, field_name count, field_name f, std::size_t,
                       std::size_t) noexcept {
        if (list.size() > 0xFF) fail(errc::too_many, count);
        pos_ += 1;
        for (std::string_view id : list) {
            if (id.size() > width) fail(errc::field_too_long, f);
            pos_ += width;
        }
    }
    constexpr void content(const std::string_view& value, std::size_t, field_name, field_name f) noexcept {
        pos_ += 1;
        if (value.size() > 0xFF) fail(errc::field_too_long, f);
        pos_ += value.size();
    }
    constexpr void absent(bool is_default, field_name f) noexcept {
        if (!is_default) fail(errc::unknown_field, f);
    }

private:
    constexpr void fail(errc e, field_name f) noexcept {
        if (err_.ok()) err_ = result{e, pos_, f.spec};
    }

    std::size_t pos_;
    result err_{};
};

// Second encoding pass: writes into room the sizer has measured and the writer has granted.
class body_writer {
public:
    explicit body_writer(byte* p) noexcept : p_(p) {}

    template <class I>
    void number(const I& value, std::size_t width, field_name, std::uint64_t = any_value) noexcept {
        const auto x = static_cast<std::uint64_t>(static_cast<std::make_unsigned_t<I>>(value));
        switch (width) {
        case 1: *p_ = static_cast<byte>(x); break;
        case 2: store_be16(p_, static_cast<std::uint16_t>(x)); break;
        case 4: store_be32(p_, static_cast<std::uint32_t>(x)); break;
        default: store_be64(p_, x); break;
        }
        p_ += width;
    }
    void text(const std::string_view& value, std::size_t width, field_name, pad p = pad::nul_right) noexcept {
        const std::size_t padding = width - value.size();
        if (p == pad::zero_left) {
            std::memset(p_, '0', padding);
            p_ += padding;
            put(value);
        } else {
            put(value);
            std::memset(p_, 0, padding);
            p_ += padding;
        }
    }
    template <std::size_t N>
    void octets(const std::array<byte, N>& value, field_name) noexcept {
        std::memcpy(p_, value.data(), N);
        p_ += N;
    }
    void ids(const id_list& list, std::size_t width, field_name, field_name f, std::size_t, std::size_t) noexcept {
        *p_++ = static_cast<byte>(list.size());
        for (std::string_view id : list) text(id, width, f);
    }
    void content(const std::string_view& value, std::size_t, field_name, field_name) noexcept {
        *p_++ = static_cast<byte>(value.size());
        put(value);
    }
    constexpr void absent(bool, field_name) noexcept {}

    void put(std::string_view s) noexcept {
        if (!s.empty()) std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }

private:
    byte* p_;
};

}  // namespace detail

// A PDU that is only a header: CMPP_TERMINATE, CMPP_TERMINATE_RESP, CMPP_ACTIVE_TEST.
template <command_id Id>
struct header_only {
    static constexpr command_id command = Id;

    std::uint32_t sequence_id = 0;
    std::string_view trailing;  // tolerant decoding: bytes after the (empty) body

    template <class V, class Self>
    static constexpr void walk(V&, Self&) {}
};

// Any PDU struct of this module: `decode(in, pdu, version::v30)` or with options,
// `decode(in, pdu, {version::v30, validation::tolerant})`. `in` starts with the header and
// holds at least Total_Length bytes (more is fine: the next PDU); on success result.offset is
// Total_Length. Errors: truncated (the input, or the PDU as long as Total_Length says, ends
// inside a field), bad_total_length (below 12), wrong_type (the Command_Id of another PDU, or
// one the version lacks), then each field's own: out_of_range, too_many, count_mismatch,
// invalid_length, trailing_bytes (strict: Total_Length longer than the body).
template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result decode(bytes in, T& out, const decode_options& opt) noexcept {
    if (in.size() < header_size) return fail(errc::truncated, in.size(), "Total_Length");
    const std::uint32_t total = load_be32(in.data());
    if (total < header_size) return fail(errc::bad_total_length, 0, "Total_Length");
    if (total > in.size()) return fail(errc::truncated, in.size(), "Total_Length");
    if (load_be32(in.data() + 4) != static_cast<std::uint32_t>(T::command) || !detail::defined_in<T>(opt.ver)) {
        return fail(errc::wrong_type, 4, "Command_Id");
    }
    out = T{};
    if constexpr (detail::has_version<T>::value) out.ver = opt.ver;
    out.sequence_id = load_be32(in.data() + 8);
    const bool strict = opt.checks == validation::strict;
    detail::body_decoder d(in.data(), header_size, total, strict);
    T::walk(d, out);
    if (!d.ok()) return d.error();
    if (d.pos() != total) {
        if (strict) return fail(errc::trailing_bytes, d.pos(), "Total_Length");
        out.trailing = std::string_view(reinterpret_cast<const char*>(in.data()) + d.pos(), total - d.pos());
    }
    return {errc{}, total};
}

template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result decode(bytes in, T& out, version v) noexcept {
    return decode(in, out, decode_options{v, validation::strict});
}

// Writes the whole PDU, header included, Total_Length counted from what is written (never
// taken from the caller). Refuses, naming the field, a value too long for its field
// (field_too_long), a number too large for its width (out_of_range), more than 255 ids
// (too_many) and a value in a field the version does not have (unknown_field). Spec ranges
// are the decoder's business: what tolerant decoding accepts, encoding reproduces.
template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result encode(const T& msg, writer& out) noexcept {
    const std::size_t start = out.size();
    detail::body_sizer sizer(start + header_size);
    T::walk(sizer, msg);
    if (!sizer.ok()) return sizer.error();
    const std::size_t total = sizer.pos() - start + msg.trailing.size();
    byte* p = out.claim(total);
    if (p == nullptr) return out.finish();
    store_be32(p, static_cast<std::uint32_t>(total));
    store_be32(p + 4, static_cast<std::uint32_t>(T::command));
    store_be32(p + 8, msg.sequence_id);
    detail::body_writer w(p + header_size);
    T::walk(w, msg);
    w.put(msg.trailing);
    return out.finish();
}

}  // namespace smsgw::cmpp
