#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// application/x-www-form-urlencoded bodies, `name=value&name=value` (WHATWG URL §5.1), as the
/// IMSP, 5C, Hezhong and SMS-platform requests carry them.
namespace smsgw::codec::form {

/// One name=value pair as it is in the body, still percent-encoded.
struct field {
    /// The name as in the body.
    std::string_view name;
    std::string_view value;   ///< empty when the pair has no '='
    std::size_t offset = 0;   ///< of the name in the body
};

namespace detail {

// Offset of `part` (a view into the field's pair) in the body.
inline std::size_t offset_of(const field& f, std::string_view part) noexcept {
    return f.offset + static_cast<std::size_t>(part.data() - f.name.data());
}

// Whether the form-decoded `raw` equals `plain`, decoding on the fly (a bad escape never matches).
inline bool decoded_equals(std::string_view raw, std::string_view plain) noexcept {
    const auto& v = ascii::hex_digits.value;
    std::size_t j = 0;
    for (std::size_t i = 0; i < raw.size(); ++j) {
        if (j == plain.size()) return false;
        unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == '+') {
            c = ' ';
            ++i;
        } else if (c == '%') {
            if (raw.size() - i < 3) return false;
            const unsigned hi = v[static_cast<unsigned char>(raw[i + 1])];
            const unsigned lo = v[static_cast<unsigned char>(raw[i + 2])];
            if ((hi | lo) > 0x0F) return false;
            c = static_cast<unsigned char>((hi << 4) | lo);
            i += 3;
        } else {
            ++i;
        }
        if (c != static_cast<unsigned char>(plain[j])) return false;
    }
    return j == plain.size();
}

}  // namespace detail

/// The pairs of a body, in order, found lazily as the range is walked. Empty pairs (`a=1&&b=2`,
/// a trailing '&') are skipped; a pair without '=' is a name with an empty value; the first '='
/// splits, later ones belong to the value. Nothing is decoded or copied: decode_name() and
/// decode_value() do that into the caller's buffer, and validate() checks every escape at once.
class fields {
public:
    /// A forward iterator over the pairs.
    class iterator {
    public:
        /// Standard iterator traits.
        ///@{
        using iterator_category = std::forward_iterator_tag;
        using value_type = field;
        using difference_type = std::ptrdiff_t;
        using pointer = const field*;
        using reference = const field&;
        ///@}

        iterator() noexcept = default;

        /// The current item.
        reference operator*() const noexcept { return current_; }
        /// The current item's members.
        pointer operator->() const noexcept { return &current_; }
        /// Moves to the next item.
        iterator& operator++() noexcept {
            load(next_);
            return *this;
        }
        /// Moves to the next item; returns the iterator as it was.
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        /// Whether both iterators are at the same position.
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_ == b.at_; }
        /// Whether the iterators are at different positions.
        friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.at_ != b.at_; }

    private:
        friend class fields;
        static constexpr std::size_t end_mark = std::string_view::npos;

        explicit iterator(std::string_view body) noexcept : body_(body) { load(0); }

        // Finds the first non-empty pair at or after `from`.
        void load(std::size_t from) noexcept {
            while (from < body_.size() && body_[from] == '&') ++from;
            if (from >= body_.size()) {
                at_ = end_mark;
                current_ = field{};
                return;
            }
            std::size_t amp = body_.find('&', from);
            if (amp == std::string_view::npos) amp = body_.size();
            const std::string_view pair = body_.substr(from, amp - from);
            const std::size_t eq = pair.find('=');
            if (eq == std::string_view::npos) {
                current_ = field{pair, pair.substr(pair.size()), from};
            } else {
                current_ = field{pair.substr(0, eq), pair.substr(eq + 1), from};
            }
            at_ = from;
            next_ = amp;
        }

        std::string_view body_;
        field current_;
        std::size_t at_ = end_mark;
        std::size_t next_ = 0;
    };

    /// The pairs of `body`.
    explicit fields(std::string_view body) noexcept : body_(body) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(body_); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// The body.
    std::string_view body() const noexcept { return body_; }

    /// The first pair whose decoded name is `name`, or nothing.
    std::optional<field> find(std::string_view name) const noexcept {
        for (const field& f : *this) {
            if (detail::decoded_equals(f.name, name)) return f;
        }
        return std::nullopt;
    }

    /// The pair whose name starts at `offset`, or nothing. A strict decoder's unknown_field (and
    /// duplicate_field) points there: `fields(body).at_offset(r.offset)->name` is the name it refused,
    /// as the body wrote it (decode_name() decodes it), for the log of a vendor's body.
    std::optional<field> at_offset(std::size_t offset) const noexcept {
        for (const field& f : *this) {
            if (f.offset == offset) return f;
            if (f.offset > offset) break;
        }
        return std::nullopt;
    }

    /// Checks every escape of every pair. Success: offset = body size; otherwise bad_escape at
    /// the '%' at fault, offset in the body.
    result validate() const noexcept {
        for (const field& f : *this) {
            for (std::string_view part : {f.name, f.value}) {
                writer measure;
                const result r = percent::decode(part, measure, percent::style::form);
                if (r.ec == errc::bad_escape) return fail(r.ec, detail::offset_of(f, part) + r.offset);
            }
        }
        return {errc{}, body_.size()};
    }

private:
    std::string_view body_;
};

namespace detail {
inline result decode_part(const field& f, std::string_view part, writer& out) noexcept {
    const result r = percent::decode(part, out, percent::style::form);
    if (r.ec == errc::bad_escape) return fail(r.ec, offset_of(f, part) + r.offset);
    return r;
}
}  // namespace detail

/// The decoded name or value of a pair. Success: offset = bytes written; bad_escape: offset in
/// the body (not in the field); buffer_too_small: offset = size needed.
///@{
inline result decode_name(const field& f, writer& out) noexcept { return detail::decode_part(f, f.name, out); }
inline result decode_value(const field& f, writer& out) noexcept { return detail::decode_part(f, f.value, out); }
///@}

/// Appends form-encoded pairs to a writer, '&' between them: builder(w).add("a", x).add("b", y).
class builder {
public:
    /// Appends to `out`.
    explicit builder(smsgw::writer& out) noexcept : out_(out) {}

    /// Appends name=value, both form-encoded.
    builder& add(std::string_view name, bytes value) noexcept {
        if (!first_) out_.put('&');
        first_ = false;
        percent::encode(name, out_, percent::style::form);
        out_.put('=');
        percent::encode(value, out_, percent::style::form);
        return *this;
    }
    /// The value percent-encoded, then form-encoded as add() does (a value "URL-encoded before
    /// form encoding": `标` travels as %25E6%25A0%2587), through a stack buffer.
    builder& add_encoded_twice(std::string_view name, bytes value) noexcept {
        add(name, std::string_view());
        constexpr std::size_t chunk = 128;
        byte once[3 * chunk];
        for (std::size_t at = 0; at < value.size(); at += chunk) {
            writer w(once);
            percent::encode(value.subspan(at, chunk), w, percent::style::form);
            percent::encode(bytes(once, w.size()), out_, percent::style::form);
        }
        return *this;
    }
    /// A string literal as the value (it converts to bytes only through string_view).
    builder& add(std::string_view name, const char* value) noexcept { return add(name, std::string_view(value)); }

    /// The writer's outcome: total size written, or buffer_too_small with the size needed.
    result finish() const noexcept { return out_.finish(); }

private:
    smsgw::writer& out_;
    bool first_ = true;
};

}  // namespace smsgw::codec::form
