#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smsgw/codec/line_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/smsplat/codes.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"

// HttpBatchSendSM (chapter 9): one text to up to 50000 numbers, answered with a status line
// and, on status 0, the msgid that the status pushes will carry.
namespace smsgw::smsplat {

namespace detail {

// The account and password of the sending calls (tables 9.2, 11.1; chapter 14); the spec sets
// no limit on either.
template <class V, class Self>
constexpr void credentials(V& v, Self& m) {
    v(m.account, fields::ascii("account", fields::unlimited));
    v(m.pswd, fields::ascii("pswd", fields::unlimited));
}

// needstatus, product and extno, which end both sending calls (table 9.2). extno: the table
// says 3 digits, the channel of §9 takes extensions of 1-2, 3-4 or 5-6 digits and Part III
// "最多可以扩展 6 位": 1 to 6 digits are accepted.
// The lowest and the highest set bit of `mask` (not 0), and how many are set.
inline unsigned lowest_bit(std::uint64_t mask) noexcept {
#if defined(__GNUC__)
    return static_cast<unsigned>(__builtin_ctzll(mask));
#else
    unsigned k = 0;
    while ((mask >> k & 1u) == 0) ++k;
    return k;
#endif
}
inline unsigned highest_bit(std::uint64_t mask) noexcept {
#if defined(__GNUC__)
    return 63 - static_cast<unsigned>(__builtin_clzll(mask));
#else
    unsigned k = 63;
    while ((mask >> k & 1u) == 0) --k;
    return k;
#endif
}
// (A popcount instruction is not in baseline x86-64: the builtin would be a library call.)
inline std::size_t bits_set(std::uint64_t mask) noexcept {
    mask -= (mask >> 1) & 0x5555555555555555u;
    mask = (mask & 0x3333333333333333u) + ((mask >> 2) & 0x3333333333333333u);
    mask = (mask + (mask >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
    return static_cast<std::size_t>((mask * 0x0101010101010101u) >> 56);
}

// mobile (§9.1, table 9.2): 1 to 50000 numbers joined by ',', each as check_mobile() wants it.
// The checks of fields::list with check_mobile, in one pass sixteen (SSE2) or eight bytes at a
// time (the list of 50000 numbers checked item by item took half the time of encoding the
// request): digits and commas only, no two commas together, no run of digits longer than a
// number. At the first block that is anything else, the item-by-item check gives the error and
// its offset.
inline result check_mobiles(std::string_view v) noexcept {
    constexpr fields::spec item_by_item = fields::list("", ',', 1, max_mobiles, check_mobile);
    constexpr std::uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u, low7 = 0x7F7F7F7F7F7F7F7Fu;
    const char* p = v.data();
    std::size_t run = 0, commas = 0, pos = 0;  // run: digits since the last comma
#if defined(__SSE2__)
    // Sixteen bytes at a time: a bit per byte for the digits and for the commas (sixteen without
    // a comma are a number too long).
    const __m128i zero_digit = _mm_set1_epi8('0'), sign = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i below_ten = _mm_set1_epi8(static_cast<char>(0x80 + 10)), comma_char = _mm_set1_epi8(',');
    for (; pos + 16 <= v.size(); pos += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
        const __m128i digit = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(x, zero_digit), sign), below_ten);
        const auto comma = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, comma_char)));
        const auto either = static_cast<unsigned>(_mm_movemask_epi8(digit)) | comma;
        if (either != 0xFFFFu || comma == 0) return fields::check_value(v, item_by_item);
        const std::size_t first = lowest_bit(comma);
        commas += bits_set(comma);
        if ((comma & (comma << 1)) != 0 || run + first == 0 || run + first > mobile_digits || commas >= max_mobiles) {
            return fields::check_value(v, item_by_item);
        }
        run = 15 - highest_bit(comma);
    }
#endif
    for (; pos + 8 <= v.size(); pos += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + pos, 8);
        const std::uint64_t d = w ^ (0x30 * ones);  // digits: 0 to 9
        const std::uint64_t not_digit = (((d & low7) + 0x76 * ones) | d) & high;
        const std::uint64_t c = w ^ (0x2C * ones);  // commas: 0
        const std::uint64_t comma = ~(((c & low7) + low7) | c) & high;
        if (comma == 0) {
            run += 8;
            if (not_digit != 0 || run > mobile_digits) return fields::check_value(v, item_by_item);
            continue;
        }
        const std::size_t first = lowest_bit(comma) / 8;
        commas += bits_set(comma);
        if ((not_digit & ~comma) != 0 || (comma & (comma << 8)) != 0 || run + first == 0 ||
            run + first > mobile_digits || commas >= max_mobiles) {
            return fields::check_value(v, item_by_item);
        }
        run = 7 - highest_bit(comma) / 8;
    }
    for (; pos < v.size(); ++pos) {
        if (p[pos] == ',') {
            if (run == 0 || ++commas >= max_mobiles) return fields::check_value(v, item_by_item);
            run = 0;
        } else if (!codec::ascii::is_digit(p[pos]) || ++run > mobile_digits) {
            return fields::check_value(v, item_by_item);
        }
    }
    return run == 0 ? fields::check_value(v, item_by_item) : result{};
}

template <class V, class Self>
constexpr void send_options(V& v, Self& m) {
    v(m.needstatus, fields::ascii("needstatus", 5).checked(check_true_false));
    v(m.product, fields::digits("product", product_id.max).if_set());
    v(m.extno, fields::digits("extno", 6).if_set());
}

}  // namespace detail

/// A request to send messages to many numbers.
struct batch_send_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::batch_send;

    /// account: the account.
    std::string_view account;
    /// pswd: the account's password.
    std::string_view pswd;
    std::string_view mobile;              ///< 1 to 50000 numbers joined by ',' (§9.1)
    std::string_view msg;                 ///< UTF-8, 1 to 585 characters
    std::string_view needstatus = "false";  ///< "true" or "false", literally
    std::string_view product;             ///< optional: the product id to bill
    std::string_view extno;               ///< optional: 1 to 6 digits

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.mobile, fields::text("mobile").checked(detail::check_mobiles));
        v(m.msg, fields::text("msg", max_msg_chars));
        detail::send_options(v, m);
    }
};

/// The answer to HttpBatchSendSM and HttpVarSM (§9.3): `resptime,respstatus`, then on status 0
/// only the msgid.
struct send_reply {
    std::string_view resptime;  ///< yyyyMMddHHmmss, as sent
    /// respstatus: the status the platform answered.
    send_status respstatus{};
    std::string_view msgid;     ///< status 0 only: one id for every number of the request
};

namespace detail {
inline constexpr codec::lines::part send_reply_shape[] = {{"resptime,respstatus"},
                                                          {"msgid", codec::lines::occurs::optional}};
inline constexpr fields::spec msgid = fields::ascii("msgid", 64);
}  // namespace detail

/// Strict: LF line ends (§9.3.1), the msgid line exactly when the status is 0 (missing_field
/// "msgid", or trailing_bytes at a msgid line after another status), the msgid printable ASCII
/// (at most 64). Tolerant: CRLF or CR too, blanks around the parts of the first line
/// (the §9.3.2 failure example), blank lines, a status 0 without msgid; lines past the shape
/// ignored. Offsets in the input.
inline result decode(bytes in, send_reply& out, mode m = mode::strict) noexcept {
    codec::lines::reply<2> lines;
    if (result r = codec::lines::decode(in, detail::send_reply_shape, lines, {m}); !r) return r;
    detail::status_line s;
    if (result r = detail::read_status_line(lines[0].first, m, false, s); !r) return r;
    send_reply reply{s.resptime, static_cast<send_status>(s.status), lines[1].text()};
    const bool success = reply.respstatus == send_status::submitted;
    if (m == mode::strict) {
        if (success && !lines[1].present()) return fail(errc::missing_field, in.size(), "msgid");
        if (!success && lines[1].present()) return fail(errc::trailing_bytes, lines[1].first.offset, "msgid");
    }
    if (lines[1].present()) {
        if (result r = fields::check_value(reply.msgid, detail::msgid); !r) {
            return fail(r.ec, lines[1].first.offset + r.offset, r.field);
        }
    }
    out = reply;
    return {errc{}, in.size()};
}

/// The platform's side: the status line, and the msgid line when one is given (status 0 needs
/// one: missing_field "msgid"). resptime and msgid are checked as the strict decoder checks them.
inline result encode(const send_reply& r, writer& out) noexcept {
    const bool success = r.respstatus == send_status::submitted;
    if (success && r.msgid.empty()) return fail(errc::missing_field, 0, "msgid");
    if (!r.msgid.empty()) {
        if (!success) return fail(errc::trailing_bytes, 0, "msgid");
        if (result v = fields::check_value(r.msgid, detail::msgid); !v) return v;
    }
    codec::lines::builder b(out);
    if (result v = detail::write_status_line(b, r.resptime, static_cast<unsigned>(r.respstatus)); !v) return v;
    if (success) b.line(r.msgid);
    return b.finish();
}

}  // namespace smsgw::smsplat
