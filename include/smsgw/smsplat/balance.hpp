#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/smsplat/batch_send.hpp"

// QueryBalance (chapter 11): the account's balance per product, one line each.
namespace smsgw::smsplat {

/// A request for the account's balances.
struct query_balance_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::query_balance;

    /// account: the account.
    std::string_view account;
    /// pswd: the account's password.
    std::string_view pswd;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
    }
};

/// One line `productid,balance` of §11.3.
struct product_balance {
    std::string_view productid;  ///< digits, as sent
    /// The balance.
    std::uint64_t balance = 0;
    std::size_t offset = 0;      ///< of the line in the reply
};

namespace detail {

inline constexpr fields::spec productid = fields::digits("productid", product_id.max);

// Splits a product line (tolerant mode: blanks around either part dropped). Errors at their
// offset in the input: missing_field (balance) without a comma, productid's digit errors, the
// balance's decimal errors.
inline result read_product(const codec::lines::line& l, smsgw::mode m, product_balance& out) noexcept {
    const std::size_t comma = l.text.find(',');
    if (comma == std::string_view::npos) return fail(errc::missing_field, l.offset + l.text.size(), "balance");
    std::string_view id = l.text.substr(0, comma);
    std::string_view balance = l.text.substr(comma + 1);
    if (m == smsgw::mode::tolerant) {
        id = codec::ascii::trim(id, codec::ascii::is_blank);
        balance = codec::ascii::trim(balance, codec::ascii::is_blank);
    }
    const auto at = [&l](std::string_view part) noexcept {
        return l.offset + static_cast<std::size_t>(part.data() - l.text.data());
    };
    if (result r = fields::check_value(id, productid); !r) return fail(r.ec, at(id) + r.offset, r.field);
    product_balance p{id, 0, l.offset};
    if (result r = codec::decimal::parse(balance, p.balance); !r) return fail(r.ec, at(balance) + r.offset, "balance");
    out = p;
    return {};
}

// The cursor of product_list: the lines of the reply's product part, each read as it is reached
// (decode() has read every one already).
class product_cursor {
public:
    using value_type = product_balance;

    constexpr product_cursor() noexcept = default;
    product_cursor(const codec::lines::range& lines, smsgw::mode m) noexcept
        : it_(lines.begin()), mode_(m) {
        load();
    }
    constexpr const product_balance& current() const noexcept { return current_; }
    void advance() noexcept {
        ++it_;
        load();
    }
    std::size_t position() const noexcept { return it_ == codec::lines::range::iterator() ? end_mark : it_->offset; }

private:
    static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);
    void load() noexcept {
        current_ = product_balance{};
        if (it_ != codec::lines::range::iterator()) read_product(*it_, mode_, current_);
    }
    codec::lines::range::iterator it_{};
    smsgw::mode mode_ = smsgw::mode::strict;
    product_balance current_;
};

}  // namespace detail

/// The products of a reply, read lazily from its bytes.
class product_list {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::product_cursor>;

    constexpr product_list() noexcept = default;
    /// `count` products from `lines`.
    product_list(const codec::lines::range& lines, std::size_t count, smsgw::mode m) noexcept
        : lines_(lines), count_(count), mode_(m) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::product_cursor(lines_, mode_)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// How many products.
    constexpr std::size_t size() const noexcept { return count_; }
    /// Whether there is none.
    constexpr bool empty() const noexcept { return count_ == 0; }

private:
    codec::lines::range lines_;
    std::size_t count_ = 0;
    smsgw::mode mode_ = smsgw::mode::strict;
};

/// §11.3: `resptime,status`, then one `productid,balance` line per product.
struct query_balance_reply {
    /// resptime: when the platform answered.
    std::string_view resptime;
    /// The status the platform answered.
    balance_status status{};
    product_list products;  ///< status 0
};

namespace detail {
inline constexpr codec::lines::part balance_reply_shape[] = {{"resptime,respstatus"},
                                                             {"productid,balance", codec::lines::occurs::zero_or_more}};
}  // namespace detail

/// Strict: LF line ends, no blank line, product lines only after status 0 (trailing_bytes at
/// the first one otherwise). Tolerant: CRLF or CR, blank lines anywhere (§11.3 prints the
/// example with a blank line after each line), blanks around the parts. Every product line is
/// read here, its errors at their offsets; the range reads them again lazily.
inline result decode(bytes in, query_balance_reply& out, mode m = mode::strict) noexcept {
    codec::lines::reply<2> lines;
    if (result r = codec::lines::decode(in, detail::balance_reply_shape, lines, {m}); !r) return r;
    detail::status_line s;
    if (result r = detail::read_status_line(lines[0].first, m, false, s); !r) return r;
    const auto status = static_cast<balance_status>(s.status);
    if (m == mode::strict && status != balance_status::success && lines[1].present()) {
        return fail(errc::trailing_bytes, lines[1].first.offset, "productid,balance");
    }
    for (const codec::lines::line& l : lines[1].all) {
        product_balance p;
        if (result r = detail::read_product(l, m, p); !r) return r;
    }
    out = query_balance_reply{s.resptime, status, product_list(lines[1].all, lines[1].count, m)};
    return {errc{}, in.size()};
}

/// The platform's side: the status line, then the caller's products (none unless status 0).
inline result encode(std::string_view resptime, balance_status status, span<const product_balance> products,
                     writer& out) noexcept {
    if (status != balance_status::success && !products.empty()) return fail(errc::trailing_bytes, 0, "productid,balance");
    for (const product_balance& p : products) {
        if (result r = fields::check_value(p.productid, detail::productid); !r) return r;
    }
    codec::lines::builder b(out);
    if (result v = detail::write_status_line(b, resptime, static_cast<unsigned>(status)); !v) return v;
    for (const product_balance& p : products) b.line({p.productid, ",", codec::decimal::format(p.balance).view()});
    return b.finish();
}

}  // namespace smsgw::smsplat
