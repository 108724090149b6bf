#pragma once

/// @file
/// Reading JSON without allocating: json::document, json::parse() and the views they hand out
/// (json::value, json::object, json::array, json::member). The scanning kernel and the grammar
/// behind them are in smsgw/detail/json_scan.hpp and smsgw/detail/json_check.hpp.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string_view>
#include <system_error>
#include <type_traits>

#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/json_check.hpp"
#include "smsgw/detail/json_scan.hpp"
#include "smsgw/detail/parse_double.hpp"

/// JSON (RFC 8259) read without allocating and written into the caller's buffer.
///
/// Reading, in one of two ways. Walk and check in one pass (the fast way): a document checks
/// what its walk passes over, and finish() checks whatever the walk left aside and that nothing
/// follows the value.
///
///     json::document doc(body);                                        // no work yet
///     smsgw::result r = json::bind_fields(doc.root(), json::required("batchID", batch_id));
///     r = doc.finish(r);             // a syntax error anywhere wins over r; r.offset: where
///
/// Check first, then walk: parse() checks the whole text and hands back a root that no longer
/// needs anything but the text.
///
///     json::value root;
///     if (smsgw::result r = json::parse(body, root); !r) return r;
///     json::object obj;
///     if (smsgw::result r = root.get(obj); !r) return r;
///     for (const json::member& m : obj)
///         if (m.key_is("batchID")) m.value.get(batch_id);             // uint64 exact
///
/// Either way strings are views when they hold no escape; with escapes they are decoded into a
/// buffer the caller passes (get() says buffer_too_small and the size it needs when there is
/// none). The text, and the document when there is one, must outlive every value taken from it.
namespace smsgw::codec::json {

/// What a reader accepts: RFC 8259 (strict), or also what the vendors' documents show
/// (tolerant; mitake-mms-api.txt, push response): trailing commas in objects and arrays, bare
/// tokens such as 11111111-2222-3333-4444-555555555555 and numbers with leading zeros such as
/// 0000000001.
using mode = smsgw::mode;

/// How document and parse() read a text.
struct read_options {
    json::mode m = mode::strict;  ///< strict RFC 8259, or tolerant
    std::size_t max_depth = 128;  ///< nested objects and arrays; at most max_nesting
};

/// The deepest nesting the checker follows (its stack is a fixed bit set of 128 bytes).
inline constexpr std::size_t max_nesting = detail::nesting_limit;

/// The kind of a value, as its first bytes announce it.
enum class kind : unsigned char {
    null,     ///< `null`, or a value that does not exist
    boolean,  ///< `true` or `false`
    number,   ///< a number (with leading zeros in tolerant mode)
    string,   ///< a quoted string
    array,    ///< `[...]`
    object,   ///< `{...}`
    bare,     ///< an unquoted token other than a number or literal (tolerant mode only)
};

class value;
class object;
class array;
class document;

namespace detail {
struct access;
}  // namespace detail

/// A JSON value in a document: a view that knows its kind and reads itself. A value of a
/// document is checked when it is read or stepped over; one of parse() is checked already.
/// Errors from get() carry the offset of the byte at fault.
class value {
public:
    /// A value that does not exist (it reads as null).
    constexpr value() noexcept = default;

    /// Whether this value refers to anything (a default-constructed one does not; it reads as null).
    constexpr bool exists() const noexcept { return p_ != nullptr; }
    /// The kind its first bytes announce (a value that does not exist is null).
    kind type() const noexcept { return exists() ? kind_of(tolerant_) : kind::null; }
    /// Whether it is `null`, or does not exist.
    bool is_null() const noexcept {
        if (!exists()) return true;
        result err;
        const char* e = scan(err);
        return e != nullptr && detail::is_word(p_, e, "null");
    }
    /// Offset of the value's first byte in the text.
    constexpr std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }
    /// The value's text as it stands (strings with their quotes); empty when it is not valid.
    std::string_view raw() const noexcept {
        result err;
        const char* e = scan(err);
        return e ? std::string_view(p_, static_cast<std::size_t>(e - p_)) : std::string_view();
    }

    /// `true` or `false`; wrong_type for anything else.
    result get(bool& out) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e) return err;
        if (detail::is_word(p_, e, "true") || detail::is_word(p_, e, "false")) {
            out = *p_ == 't';
            return {};
        }
        return fail(errc::wrong_type, offset());
    }

    /// Integers read exactly, from a number or from a string holding one ("expiresIn": "33346"):
    /// number_overflow when the value does not fit T, wrong_type for a fraction or exponent.
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    result get(T& out) const noexcept {
        bool negative = false;
        std::uint64_t magnitude = 0;
        if (result r = integer(negative, magnitude); !r) return r;
        if (negative) {
            if constexpr (std::is_signed_v<T>) {
                const auto limit = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) + 1;
                if (magnitude > limit) return fail(errc::number_overflow, offset());
                out = magnitude == limit ? std::numeric_limits<T>::min()
                                         : static_cast<T>(-static_cast<std::int64_t>(magnitude));
                return {};
            } else {
                if (magnitude != 0) return fail(errc::number_overflow, offset());
            }
        }
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
            return fail(errc::number_overflow, offset());
        out = static_cast<T>(magnitude);
        return {};
    }

    /// A double (from a number or a string holding one); number_overflow when out of range.
    result get(double& out) const noexcept {
        const char* b = nullptr;
        const char* e = nullptr;
        if (result r = digits(b, e); !r) return r;
        const char* at = nullptr;
        if (detail::number_end(b, e, true, at) != e) return fail(errc::bad_number, offset());
        const auto [stop, ec] = smsgw::detail::parse_double(b, e, out);
        if (ec == std::errc::result_out_of_range) return fail(errc::number_overflow, offset());
        if (ec != std::errc() || stop != e) return fail(errc::bad_number, offset());
        return {};
    }

    /// A string's content: a view into the text when it holds no escape, else decoded into
    /// `scratch` (buffer_too_small with the size needed when it does not fit). In tolerant mode
    /// a bare token reads as its text.
    result get(std::string_view& out, mutable_bytes scratch = {}) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e) return err;
        if (*p_ != '"') {
            if (!tolerant_ || kind_of(true) != kind::bare) return fail(errc::wrong_type, offset());
            out = {p_, static_cast<std::size_t>(e - p_)};
            return {};
        }
        if (!escaped_) {
            out = {p_ + 1, static_cast<std::size_t>(e - p_ - 2)};
            return {};
        }
        smsgw::writer w(scratch);
        const result r = unescape(w);
        if (!r) return r;
        out = {reinterpret_cast<const char*>(scratch.data()), w.size()};
        return {};
    }

    /// Writes a string's decoded content (UTF-8) to `out`: transform convention, offset = bytes
    /// written, buffer_too_small with the size needed.
    SMSGW_NOINLINE result unescape(smsgw::writer& out) const noexcept {
        result err;
        if (!scan(err)) return err;
        if (*p_ != '"') return fail(errc::wrong_type, offset());
        const std::size_t start = out.size();
        const auto raw = static_cast<std::size_t>(known_end_ - p_ - 2);  // the room the content may take
        if (out.capacity() >= start && out.capacity() - start >= raw) {
            out.claim(detail::decode_string_into(p_ + 1, known_end_ - 1, reinterpret_cast<char*>(out.buffer()) + start));
        } else {
            detail::decode_string(p_ + 1, [&out](const char* d, std::size_t n) { out.write(d, n); });
        }
        const std::size_t n = out.size() - start;
        return out.overflowed() ? fail(errc::buffer_too_small, out.size()) : result{errc{}, n};
    }

    /// Whether this is a string equal to `text` once decoded (no buffer needed).
    bool equals(std::string_view text) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e || *p_ != '"') return false;
        if (!escaped_) {
            const auto n = static_cast<std::size_t>(e - p_ - 2);
            return n == text.size() && detail::same_bytes(p_ + 1, text.data(), n);
        }
        std::size_t at = 0;
        bool same = true;
        detail::decode_string(p_ + 1, [&](const char* d, std::size_t n) {
            same = same && n <= text.size() - at && std::memcmp(d, text.data() + at, n) == 0;
            if (same) at += n;
        });
        return same && at == text.size();
    }

    /// The object this value is: wrong_type when it is something else, too_deep past max_depth.
    inline result get(object& out) const noexcept;
    /// The array this value is: wrong_type when it is something else, too_deep past max_depth.
    inline result get(array& out) const noexcept;

private:
    friend class object;
    friend class array;
    friend class document;
    friend struct detail::access;
    friend result parse(std::string_view, value&, const read_options&) noexcept;

    constexpr value(const char* begin, const char* p, const char* end, detail::walk_state* walk, std::size_t depth,
                    bool tolerant) noexcept
        : begin_(begin), p_(p), end_(end), walk_(walk), depth_(static_cast<std::uint16_t>(depth)), tolerant_(tolerant) {}

    // A value one container deeper in the same text and walk, built from the fields (copying
    // this one and then changing its depth stalls on the narrow store).
    constexpr value inner() const noexcept { return value(begin_, p_, end_, walk_, depth_ + 1u, tolerant_); }

    // The kind of the (checked) value: in tolerant mode a token may be a bare one.
    kind kind_of(bool tolerant) const noexcept {
        switch (*p_) {
        case '{': return kind::object;
        case '[': return kind::array;
        case '"': return kind::string;
        default: break;
        }
        if (!tolerant) return *p_ == 'n' ? kind::null : (*p_ == 't' || *p_ == 'f') ? kind::boolean : kind::number;
        const char* e = detail::token_end(p_, end_);
        if (detail::is_word(p_, e, "null")) return kind::null;
        if (detail::is_word(p_, e, "true") || detail::is_word(p_, e, "false")) return kind::boolean;
        const char* at = nullptr;
        return detail::number_end(p_, e, true, at) == e ? kind::number : kind::bare;
    }

    // Past the value, checking it the first time (and recording what is wrong in the walk).
    SMSGW_ALWAYS_INLINE const char* scan(result& err) const noexcept { return known_end_ ? known_end_ : check(err); }
    const char* check(result& err) const noexcept {
        if (!exists()) {
            err = fail(errc::wrong_type, 0);
            return nullptr;
        }
        const char* e;
        switch (*p_) {
        case '"': e = detail::check_string(p_, end_, begin_, err, escaped_); break;
        case '{':
        case '[':
            if (!walk_) {
                e = detail::container_end(p_, end_);  // checked by parse()
            } else if (walk_->closed == p_) {
                e = walk_->closed_end;
            } else {
                e = detail::check_value(p_, end_, begin_, tolerant_, depth_, walk_->max_depth, err);
            }
            break;
        default: e = detail::check_token(p_, end_, begin_, tolerant_, err); break;
        }
        if (!e) {
            if (walk_) walk_->record(err);
            return nullptr;
        }
        known_end_ = e;
        return e;
    }

    // The integer this value holds, as a sign and a magnitude.
    result integer(bool& negative, std::uint64_t& magnitude) const noexcept {
        if (!known_end_ && exists()) {
            // A short integer token, or a string holding just one, is checked and read at
            // once; anything else takes the general way.
            const char* stop = nullptr;
            if (detail::short_integer(p_, end_, *p_ == '"', tolerant_, negative, magnitude, stop)) {
                known_end_ = stop;
                escaped_ = false;
                return {};
            }
        }
        const char* b = nullptr;
        const char* e = nullptr;
        if (result r = digits(b, e); !r) return r;
        return detail::parse_integer(b, e, offset(), negative, magnitude);
    }

    // The text holding a number: the token itself, or a string's content without escapes.
    result digits(const char*& b, const char*& e) const noexcept {
        result err;
        e = scan(err);
        if (!e) return err;
        b = p_;
        if (*p_ == '"') {
            if (escaped_) return fail(errc::wrong_type, offset());
            ++b;
            --e;
            return {};
        }
        const char* at = nullptr;
        if (detail::number_end(b, e, true, at) != e) return fail(errc::wrong_type, offset());
        return {};
    }

    // The container this value opens with `bracket` may be walked: wrong_type, or too_deep.
    inline result enter(char bracket) const noexcept;
    // Records a syntax error in the document's walk (a value of parse() meets none).
    void record(const result& r) const noexcept {
        if (walk_) walk_->record(r);
    }
    // The walk of the container opened at `open` reached its end at `close`.
    void closed(const char* open, const char* close) const noexcept {
        if (walk_) {
            walk_->closed = open;
            walk_->closed_end = close + 1;
        }
    }

    const char* begin_ = nullptr;              // the text
    const char* p_ = nullptr;                  // this value
    const char* end_ = nullptr;                // the text's end
    mutable const char* known_end_ = nullptr;  // past this value, once checked
    detail::walk_state* walk_ = nullptr;       // the document's, or none after parse()
    std::uint16_t depth_ = 0;                  // containers around this value
    bool tolerant_ = false;
    mutable bool escaped_ = false;  // a string holding a backslash (known with known_end_)
};

/// One member of an object: its key (a string value) and its value.
struct member {
    json::value key;    ///< the key, a string
    json::value value;  ///< the value

    /// Whether the key is `name` once decoded.
    bool key_is(std::string_view name) const noexcept { return key.equals(name); }
};

/// An object: a forward range of members in document order (duplicates kept as they are). In a
/// document a syntax error ends the range early, and error() then says what and where (so do
/// bind_fields() and document::finish()):
///
///     for (const json::member& m : obj) { ... }
///     if (smsgw::result r = obj.error(); !r) return r;
class object {
public:
    /// Steps from member to member, checking the punctuation and what it steps over.
    class iterator {
    public:
        using value_type = member;                           ///< what it yields
        using difference_type = std::ptrdiff_t;              ///< distance between iterators
        using reference = const member&;                     ///< what operator* returns
        using pointer = const member*;                       ///< what operator-> returns
        using iterator_category = std::forward_iterator_tag;  ///< a forward iterator

        /// The end iterator.
        constexpr iterator() noexcept = default;
        /// The current member.
        const member& operator*() const noexcept { return cur_; }
        /// The current member.
        const member* operator->() const noexcept { return &cur_; }
        /// To the next member, or to the end (also on a syntax error, which error() then holds).
        SMSGW_ALWAYS_INLINE iterator& operator++() noexcept {
            result err;
            const char* e = cur_.value.scan(err);
            if (!e) {
                cur_ = member{};
                return *this;
            }
            step(e, false);
            return *this;
        }
        /// Post-increment.
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        /// Whether both are at the same member (or both at the end).
        bool operator==(const iterator& other) const noexcept { return cur_.key.p_ == other.cur_.key.p_; }
        /// Whether they are at different members.
        bool operator!=(const iterator& other) const noexcept { return cur_.key.p_ != other.cur_.key.p_; }

    private:
        friend class object;

        // From p (past '{' when `first`, else past a member's value) to the next member's key
        // and value, or past the closing brace. Both hold the walk's context (the text, the
        // walk, the depth) from begin() on: only their positions change.
        SMSGW_ALWAYS_INLINE void step(const char* p, bool first) noexcept {
            const value& c = cur_.key;
            const char* const end = c.end_;
            const auto stop = [this, &c](const result& r) {
                c.record(r);
                cur_ = member{};
            };
            const auto at = [&c](const char* q) { return static_cast<std::size_t>(q - c.begin_); };
            result err;
            switch (detail::step_in(p, end, c.begin_, '}', first, c.tolerant_, sep_, err)) {
            case detail::step_result::closed: return close(p);
            case detail::step_result::failed: return stop(err);
            case detail::step_result::element: break;
            }
            if (*p != '"') return stop(fail(errc::expected_key, at(p)));
            bool escaped = false;
            const char* k = detail::check_string(p, end, c.begin_, err, escaped);
            if (!k) return stop(err);
            const char* v = detail::skip_ws(k, end);
            if (v == end) return stop(fail(errc::truncated, at(v)));
            if (*v != ':') return stop(fail(errc::expected_colon, at(v)));
            v = detail::skip_ws(v + 1, end);
            if (v == end) return stop(fail(errc::truncated, at(v)));
            cur_.key.p_ = p;
            cur_.key.known_end_ = k;
            cur_.key.escaped_ = escaped;
            cur_.value.p_ = v;
            cur_.value.known_end_ = nullptr;
        }
        void close(const char* p) noexcept {
            cur_.key.closed(open_, p);
            cur_ = member{};
        }

        member cur_;
        const char* open_ = nullptr;  // the object's '{'
        detail::separator sep_;
    };

    /// An object that does not exist (a range with no member).
    constexpr object() noexcept = default;

    /// The first member (the end when there is none, or on a syntax error before it).
    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        it.open_ = self_.p_;
        it.cur_.key = self_.inner();
        it.cur_.value = self_.inner();
        it.step(self_.p_ + 1, true);
        return it;
    }
    /// Past the last member.
    iterator end() const noexcept { return {}; }
    /// Whether the object has no member.
    bool empty() const noexcept { return begin() == end(); }

    /// The value of the first member named `key` (decoded), or false when there is none.
    bool find(std::string_view key, value& out) const noexcept {
        for (const member& m : *this) {
            if (m.key_is(key)) {
                out = m.value;
                return true;
            }
        }
        return false;
    }

    /// The first syntax error the document's walk has met so far, as document::finish() will
    /// report it: never success after a loop over the members that a syntax error ended early,
    /// so success says the loop reached the closing brace. A value of parse() meets none.
    constexpr result error() const noexcept { return self_.walk_ ? self_.walk_->error : result{}; }

    /// The object as a value: its offset, its raw text.
    constexpr const value& as_value() const noexcept { return self_; }

private:
    friend class value;
    value self_;
};

/// An array: a forward range of values in document order. In a document a syntax error ends
/// the range early, and error() then says what and where (so does document::finish()):
///
///     for (const json::value& v : list) { ... }
///     if (smsgw::result r = list.error(); !r) return r;
class array {
public:
    /// Steps from element to element, checking the punctuation and what it steps over.
    class iterator {
    public:
        using value_type = value;                             ///< what it yields
        using difference_type = std::ptrdiff_t;               ///< distance between iterators
        using reference = const value&;                       ///< what operator* returns
        using pointer = const value*;                         ///< what operator-> returns
        using iterator_category = std::forward_iterator_tag;  ///< a forward iterator

        /// The end iterator.
        constexpr iterator() noexcept = default;
        /// The current element.
        const value& operator*() const noexcept { return cur_; }
        /// The current element.
        const value* operator->() const noexcept { return &cur_; }
        /// To the next element, or to the end (also on a syntax error, which error() then holds).
        iterator& operator++() noexcept {
            result err;
            const char* e = cur_.scan(err);
            if (!e) {
                cur_ = value{};
                return *this;
            }
            step(e, false);
            return *this;
        }
        /// Post-increment.
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        /// Whether both are at the same element (or both at the end).
        bool operator==(const iterator& other) const noexcept { return cur_.p_ == other.cur_.p_; }
        /// Whether they are at different elements.
        bool operator!=(const iterator& other) const noexcept { return cur_.p_ != other.cur_.p_; }

    private:
        friend class array;

        // From p (past '[' when `first`, else past an element) to the next element, or past
        // the closing bracket. cur_ holds the walk's context meanwhile.
        void step(const char* p, bool first) noexcept {
            const char* const end = cur_.end_;
            result err;
            switch (detail::step_in(p, end, cur_.begin_, ']', first, cur_.tolerant_, sep_, err)) {
            case detail::step_result::closed: return close(p);
            case detail::step_result::failed:
                cur_.record(err);
                cur_ = value{};
                return;
            case detail::step_result::element: break;
            }
            cur_.p_ = p;
            cur_.known_end_ = nullptr;
        }
        void close(const char* p) noexcept {
            cur_.closed(open_, p);
            cur_ = value{};
        }

        value cur_;
        const char* open_ = nullptr;  // the array's '['
        detail::separator sep_;
    };

    /// An array that does not exist (a range with no element).
    constexpr array() noexcept = default;

    /// The first element (the end when there is none, or on a syntax error before it).
    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        it.open_ = self_.p_;
        it.cur_ = self_.inner();
        it.step(self_.p_ + 1, true);
        return it;
    }
    /// Past the last element.
    iterator end() const noexcept { return {}; }
    /// Whether the array has no element.
    bool empty() const noexcept { return begin() == end(); }
    /// The number of elements (a walk over them all).
    std::size_t size() const noexcept {
        std::size_t n = 0;
        for (auto it = begin(); it != end(); ++it) ++n;
        return n;
    }

    /// The first syntax error the document's walk has met so far, as document::finish() will
    /// report it: never success after a loop over the elements that a syntax error ended early,
    /// so success says the loop reached the closing bracket. A value of parse() meets none.
    constexpr result error() const noexcept { return self_.walk_ ? self_.walk_->error : result{}; }

    /// The array as a value: its offset, its raw text.
    constexpr const value& as_value() const noexcept { return self_; }

private:
    friend class value;
    value self_;
};

inline result value::enter(char bracket) const noexcept {
    if (!exists() || *p_ != bracket) return fail(errc::wrong_type, offset());
    if (walk_ && depth_ >= walk_->max_depth) {
        const result r = fail(errc::too_deep, offset());
        walk_->record(r);
        return r;
    }
    return {};
}

inline result value::get(object& out) const noexcept {
    const result r = enter('{');
    if (r) out.self_ = *this;
    return r;
}

inline result value::get(array& out) const noexcept {
    const result r = enter('[');
    if (r) out.self_ = *this;
    return r;
}

namespace detail {
// The first syntax error the walk of v's document has met (none for a value of parse()).
struct access {
    static result walk_error(const value& v) noexcept { return v.walk_ ? v.walk_->error : result{}; }
    // The root of a text that `d` has walked and finished without an error, as parse() hands
    // it out: with no walk behind it, a container's end known.
    static inline value checked_root(document& d) noexcept;
    // A member's key as it stands between its quotes, when that is its content (no escape).
    static bool plain_key(const member& m, std::string_view& key) noexcept {
        const value& k = m.key;
        if (!k.known_end_ || k.escaped_) return false;
        key = {k.p_ + 1, static_cast<std::size_t>(k.known_end_ - k.p_ - 2)};
        return true;
    }
};
}  // namespace detail

/// A text walked and checked in one pass. root() is its value; every value taken from it checks
/// what it reads or steps over, and records the first syntax error here. finish() then checks
/// what the walk left aside and that only whitespace follows the value. Neither copied nor
/// moved: its values point at it.
class document {
public:
    /// A document over `text`, which must outlive it; nothing is read yet.
    explicit document(std::string_view text, const read_options& opt = {}) noexcept
        : begin_(text.data()), end_(text.data() + text.size()), tolerant_(opt.m == mode::tolerant) {
        walk_.max_depth = opt.max_depth < max_nesting ? opt.max_depth : max_nesting;
        first_ = detail::skip_ws(begin_, end_);
        if (first_ == end_) walk_.record(fail(errc::expected_value, text.size()));
    }
    document(const document&) = delete;             ///< not copied: its values point at it
    document& operator=(const document&) = delete;  ///< not copied: its values point at it

    /// The value the text holds (one that does not exist when the text is blank).
    value root() noexcept { return first_ == end_ ? value() : value(begin_, first_, end_, &walk_, 0, tolerant_); }

    /// The first syntax error met so far.
    constexpr result error() const noexcept { return walk_.error; }

    /// The document's verdict, given what the walk returned: the first syntax error anywhere in
    /// the text (those errors parse() lists, and trailing_bytes) wins, then `r`; on success
    /// offset = the text's size.
    result finish(result r = {}) noexcept {
        if (!walk_.error.ok()) return walk_.error;
        if (!r) return r;
        result err;
        const char* e = root().scan(err);
        if (!e) return err;
        const char* p = detail::skip_ws(e, end_);
        if (p != end_) {
            walk_.record(fail(errc::trailing_bytes, static_cast<std::size_t>(p - begin_)));
            return walk_.error;
        }
        return {errc{}, static_cast<std::size_t>(end_ - begin_)};
    }

private:
    friend struct detail::access;

    const char* begin_;
    const char* end_;
    const char* first_ = nullptr;
    bool tolerant_;
    detail::walk_state walk_;
};

inline value detail::access::checked_root(document& d) noexcept {
    const value walked = d.root();
    result err;
    const char* e = walked.scan(err);  // the walk's last closed container, or checked again
    value root(walked.begin_, walked.p_, walked.end_, nullptr, 0, walked.tolerant_);
    if (e != nullptr && (*root.p_ == '{' || *root.p_ == '[')) root.known_end_ = e;
    return root;
}

/// Checks `text` as one JSON document (whitespace around it allowed) and sets `root` to its
/// value. On success offset = text.size(); on error offset is the byte at fault and ec says
/// what was expected there: expected_value, expected_key, expected_colon, expected_comma,
/// bad_number, bad_escape, bad_character (a control character in a string), invalid_utf8,
/// invalid_utf16 (a lone surrogate escape), too_deep, truncated, trailing_bytes.
inline result parse(std::string_view text, value& root, const read_options& opt = {}) noexcept {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* const first = detail::skip_ws(begin, end);
    if (first == end) return fail(errc::expected_value, text.size());
    const bool tolerant = opt.m == mode::tolerant;
    result err;
    const char* e = detail::check_value(first, end, begin, tolerant, 0, opt.max_depth, err);
    if (!e) return err;
    const char* p = detail::skip_ws(e, end);
    if (p != end) return fail(errc::trailing_bytes, static_cast<std::size_t>(p - begin));
    root = value(begin, first, end, nullptr, 0, tolerant);
    if (*first == '{' || *first == '[') root.known_end_ = e;  // a string's is found with its escapes
    return {errc{}, text.size()};
}

}  // namespace smsgw::codec::json
