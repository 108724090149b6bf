#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/hezhong/paths.hpp"

// Template variables (§二 文本变量说明): a text file of a template holds ${Text1}, ${Text2}...
// (case-sensitive), which SendMmsTask's and SendVariableMmsTask's `cont` fill in. `cont` is a
// JSON document serialized into a JSON string (§四: "cont": "{ \"Text1\": \"变量 1\" }"): the
// types here write it escaped twice in one pass and read it back with offsets in the outer text.
namespace smsgw::hezhong {

namespace json = codec::json;

/// One variable and the text that replaces it: name "Text1" for ${Text1}.
struct variable {
    /// TextN.
    std::string_view name;
    /// Its value.
    std::string_view value;
};

namespace detail {

// A variable's name: "Text" and a number without leading zero (Text1, Text2, ...).
inline result check_name(std::string_view name) noexcept {
    constexpr std::string_view prefix = "Text";
    const std::size_t n = name.size() < prefix.size() ? name.size() : prefix.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (name[i] != prefix[i]) return fail(errc::bad_character, i);
    }
    if (name.size() <= prefix.size()) return fail(errc::empty_field, name.size());
    if (name[prefix.size()] == '0') return fail(errc::bad_character, prefix.size());
    for (std::size_t i = prefix.size(); i < name.size(); ++i) {
        if (!codec::ascii::is_digit(name[i])) return fail(errc::bad_character, i);
    }
    return {};
}

// The ${...} at `from` or after it in `text`: where its '$' is and the name inside, or false.
inline bool next_placeholder(std::string_view text, std::size_t& from, std::size_t& at, std::string_view& name) noexcept {
    for (;;) {
        const std::size_t open = text.find("${", from);
        if (open == std::string_view::npos) return false;
        const std::size_t close = text.find('}', open + 2);
        if (close == std::string_view::npos) return false;
        from = close + 1;
        const std::string_view inside = text.substr(open + 2, close - open - 2);
        if (!check_name(inside)) {
            from = open + 2;
            continue;
        }
        at = open;
        name = inside;
        return true;
    }
}

// `s` as it stands inside a JSON string that itself stands inside a JSON string: '"' as \\\",
// '\' as \\\\, a control character as \\u00xx; every other byte as it is.
inline void write_twice_escaped(std::string_view s, writer& out) noexcept {
    static constexpr char digits[] = "0123456789abcdef";
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.write(s.substr(plain, i - plain));
        plain = i + 1;
        if (c == '"') {
            out.write(std::string_view("\\\\\\\""));
        } else if (c == '\\') {
            out.write(std::string_view("\\\\\\\\"));
        } else {
            out.write(std::string_view("\\\\u00"));
            out.put(digits[c >> 4]);
            out.put(digits[c & 0x0F]);
        }
    }
    out.write(s.substr(plain));
}

// `raw`, JSON text, as it stands inside a JSON string: '"' and '\' escaped once (a checked text
// holds no control character).
inline void write_escaped_once(std::string_view raw, writer& out) noexcept {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '"' && raw[i] != '\\') continue;
        out.write(raw.substr(plain, i - plain));
        out.put('\\');
        plain = i;
    }
    out.write(raw.substr(plain));
}

// An object of variables read back, compactly: {"Text1":"..."}, names and values as they stand.
template <class Put>
void put_object(const json::object& obj, Put&& put) noexcept {
    put("{");
    bool first = true;
    for (const json::member& m : obj) {
        put(first ? std::string_view() : std::string_view(","));
        first = false;
        put(m.key.raw());
        put(":");
        put(m.value.raw());
    }
    put("}");
}

// {\"Text1\":\"...\",...} of `vars`, as it stands inside the outer string.
inline void write_escaped_object(span<const variable> vars, writer& out) noexcept {
    out.put('{');
    bool first = true;
    for (const variable& v : vars) {
        if (!first) out.put(',');
        first = false;
        out.write(std::string_view("\\\""));
        write_twice_escaped(v.name, out);
        out.write(std::string_view("\\\":\\\""));
        write_twice_escaped(v.value, out);
        out.write(std::string_view("\\\""));
    }
    out.put('}');
}

// The checks of variables the caller gives: names TextN, values UTF-8, no name twice. The
// offset is the variable's index.
inline result check_variables(span<const variable> vars, const char* field) noexcept {
    for (std::size_t i = 0; i < vars.size(); ++i) {
        if (!check_name(vars[i].name)) return fail(errc::bad_character, i, field);
        if (!codec::utf8::validate(vars[i].value)) return fail(errc::invalid_utf8, i, field);
        for (std::size_t k = 0; k < i; ++k) {
            if (vars[k].name == vars[i].name) return fail(errc::duplicate_field, i, field);
        }
    }
    return {};
}

// Where in the outer text the byte `inner` of a string's decoded content comes from: `raw` is
// the string as it stands (quotes included) at offset `base`.
inline std::size_t outer_offset(std::string_view raw, std::size_t base, std::size_t inner) noexcept {
    std::size_t i = 1;
    std::size_t decoded = 0;
    while (i + 1 < raw.size() && decoded < inner) {
        if (raw[i] != '\\') {
            ++i;
            ++decoded;
            continue;
        }
        if (raw[i + 1] != 'u') {
            i += 2;
            ++decoded;
            continue;
        }
        // \u and four hex digits: one to three bytes of UTF-8, four for a surrogate pair (two escapes).
        long cp = i + 6 <= raw.size() ? json::detail::hex4(raw.data() + i + 2) : 0;
        i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            i += 6;
            decoded += 4;
        } else {
            decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
        }
    }
    return base + (i < raw.size() ? i : raw.size());
}

// A JSON string holding a document: its decoded content (in scratch) parsed. `origin` maps an
// offset in the content back to the outer text.
struct inner_document {
    std::string_view raw;   // the outer string as it stands, quotes included
    std::size_t base = 0;   // its offset in the outer text
    std::string_view text;  // its decoded content
    json::value root;

    // The string's content, decoded, as `text` (root not set).
    result decode(const json::value& v, writer& scratch) noexcept {
        raw = v.raw();
        base = v.offset();
        const std::size_t start = scratch.size();
        if (result r = v.unescape(scratch); !r && r.ec != errc::buffer_too_small) return r;
        if (scratch.overflowed()) return fail(errc::buffer_too_small, scratch.size());
        text = {reinterpret_cast<const char*>(scratch.buffer()) + start, scratch.size() - start};
        return {};
    }
    result open(const json::value& v, writer& scratch, mode m) noexcept {
        if (result r = decode(v, scratch); !r || text.empty()) return r;
        return syntax(m);
    }
    // parse() of the text into root: its first syntax error, placed in the outer text.
    result syntax(mode m) noexcept {
        const result r = json::parse(text, root, {m});
        return r ? r : fail(r.ec, origin(r.offset));
    }
    std::size_t origin(std::size_t inner) const noexcept { return outer_offset(raw, base, inner); }
};

// Maps offsets of a value re-read on its own (the bare array form) to the outer text.
struct shifted_offsets {
    std::size_t base = 0;
    std::size_t origin(std::size_t at) const noexcept { return base + at; }
};

// An object of variables read from a document: each member a TextN name and a string value.
// Strict: a name twice is duplicate_field; tolerant keeps the first (find() returns it).
template <class Origin>
result check_object(const json::value& v, const Origin& o, mode m, const char* field, std::size_t& count) noexcept {
    json::object obj;
    if (result r = v.get(obj); !r) return fail(r.ec, o.origin(r.offset), field);
    count = 0;
    // The first names, to look for a second occurrence without walking the object again
    // (that walk was a tenth of reading a SendVariableMmsTask); after them, the walk.
    constexpr std::size_t kept = 8;
    std::string_view names[kept];
    for (const json::member& mem : obj) {
        std::string_view name;  // a name with an escape fails get() without a buffer: refused
        if (!mem.key.get(name).ok() || !check_name(name)) return fail(errc::bad_character, o.origin(mem.key.offset()), field);
        if (mem.value.type() != json::kind::string) return fail(errc::wrong_type, o.origin(mem.value.offset()), field);
        if (m == mode::strict) {
            bool twice = false;
            for (std::size_t k = 0; k < count && k < kept; ++k) twice = twice || names[k] == name;
            if (!twice && count > kept) {
                std::size_t k = 0;
                for (const json::member& earlier : obj) {
                    if (k == count) break;
                    twice = twice || (k >= kept && earlier.key_is(name));
                    ++k;
                }
            }
            if (twice) return fail(errc::duplicate_field, o.origin(mem.key.offset()), field);
        }
        if (count < kept) names[count] = name;
        ++count;
    }
    if (result r = json::detail::access::walk_error(v); !r) return fail(r.ec, o.origin(r.offset), field);
    return {};
}

}  // namespace detail

/// The ${TextN} of a template's text, in order, repeats included: a lazy range of names.
///     for (const template_variables::placeholder& p : template_variables(text)) use(p.name, p.offset);
class template_variables {
public:
    /// One `${TextN}` of a template's text.
    struct placeholder {
        std::string_view name;  ///< "Text1"
        std::size_t offset = 0; ///< of its '$' in the text
    };
    /// Each ${TextN} after the last one.
    class cursor {
    public:
        using value_type = placeholder;
        constexpr cursor() noexcept = default;
        explicit cursor(std::string_view text) noexcept : text_(text), done_(false) { advance(); }
        const placeholder& current() const noexcept { return cur_; }
        void advance() noexcept { done_ = done_ || !detail::next_placeholder(text_, from_, cur_.offset, cur_.name); }
        std::size_t position() const noexcept { return done_ ? static_cast<std::size_t>(-1) : cur_.offset; }

    private:
        std::string_view text_;
        std::size_t from_ = 0;
        placeholder cur_;
        bool done_ = true;
    };
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<cursor>;

    /// The placeholders of `text`.
    constexpr explicit template_variables(std::string_view text) noexcept : text_(text) {}
    /// The first item.
    iterator begin() const noexcept { return iterator(cursor(text_)); }
    /// Past the last item.
    iterator end() const noexcept { return {}; }
    /// Whether `${name}` is among them.
    bool contains(std::string_view name) const noexcept {
        for (const placeholder& p : *this) {
            if (p.name == name) return true;
        }
        return false;
    }

private:
    std::string_view text_;
};

/// Whether `vars` fill the template `text` exactly: missing_field at the offset in the text of a
/// ${TextN} without a value, unknown_field (offset: its index) for a variable the text does not
/// hold, and check_variables' errors (bad_character for a name not TextN, duplicate_field).
template <class Variables>
result check_variables(std::string_view text, const Variables& vars) noexcept {
    for (const template_variables::placeholder& p : template_variables(text)) {
        if (!vars.has(p.name)) return fail(errc::missing_field, p.offset, "cont");
    }
    std::size_t index = 0;
    result r;
    vars.for_each_name([&](std::string_view name) noexcept {
        if (r && !template_variables(text).contains(name)) r = fail(errc::unknown_field, index, "cont");
        ++index;
    });
    return r;
}

/// SendMmsTask's `cont` (§四): the variables of every number of the task, a JSON object written
/// into a JSON string. Built from the caller's variables to encode; decoding reads the string,
/// then the object inside it, and keeps the object (its text in the scratch buffer).
/// Empty (no variables) travels as "".
class variables {
public:
    constexpr variables() noexcept = default;
    /// The caller's variables.
    constexpr variables(span<const variable> given) noexcept : given_(given) {}

    /// Whether there is no variable.
    bool empty() const noexcept { return given_.empty() && doc_.text.empty(); }
    /// The variables given to encode (empty after decoding).
    constexpr span<const variable> given() const noexcept { return given_; }
    /// After decoding: the object's text as the string held it, and the object.
    constexpr std::string_view json_text() const noexcept { return doc_.text; }
    /// After decoding: the object.
    json::object object() const noexcept {
        json::object o;
        if (!doc_.text.empty()) doc_.root.get(o);
        return o;
    }
    /// How many variables.
    std::size_t size() const noexcept { return doc_.text.empty() ? given_.size() : count_; }

    /// The value of `name`, decoded into `scratch` when it holds escapes.
    bool find(std::string_view name, std::string_view& value, mutable_bytes scratch = {}) const noexcept {
        for (const variable& v : given_) {
            if (v.name == name) {
                value = v.value;
                return true;
            }
        }
        json::value found;
        return object().find(name, found) && found.get(value, scratch).ok();
    }
    /// Whether `name` has a value.
    bool has(std::string_view name) const noexcept {
        for (const variable& v : given_) {
            if (v.name == name) return true;
        }
        json::value found;
        return object().find(name, found);
    }
    /// Calls f with every name.
    template <class F>
    void for_each_name(F&& f) const noexcept {
        for (const variable& v : given_) f(v.name);
        for (const json::member& m : object()) {
            std::string_view name;
            if (m.key.get(name).ok()) f(name);
        }
    }

    /// The field interface of codec::fields.
    result check(const codec::fields::spec& s, mode) const noexcept { return detail::check_variables(given_, s.name); }
    /// Writes the value (the field interface of codec::fields).
    void write_json(json::writer& j) const noexcept {
        if (!doc_.text.empty()) {
            j.raw_with([this](writer& out) noexcept {
                out.put('"');
                detail::put_object(object(), [&out](std::string_view raw) noexcept { detail::write_escaped_once(raw, out); });
                out.put('"');
            });
        } else if (given_.empty()) {
            j.string("");
        } else {
            j.raw_with([this](writer& out) noexcept {
                out.put('"');
                detail::write_escaped_object(given_, out);
                out.put('"');
            });
        }
    }
    /// Reads the value (the field interface of codec::fields).
    result read_json(const json::value& v, writer& scratch, mode m) noexcept {
        if (v.type() != json::kind::string) return fail(errc::wrong_type, v.offset());
        variables got;
        if (result r = got.doc_.open(v, scratch, m); !r) return r;
        if (!got.doc_.text.empty()) {
            if (result r = detail::check_object(got.doc_.root, got.doc_, m, nullptr, got.count_); !r) return r;
        }
        *this = got;
        return {};
    }

private:
    span<const variable> given_;
    detail::inner_document doc_;
    std::size_t count_ = 0;
};

/// One number of a SendVariableMmsTask and its variables (§五 cont).
struct recipient {
    std::string_view mobile;      ///< exactly one number
    span<const variable> param;  ///< its TextN values
};

/// How SendVariableMmsTask's `cont` travels: the spec's table says a string holding the array,
/// its request example shows the bare array. Both are read; the string is written unless asked.
enum class cont_form : unsigned char { string, array };

/// SendVariableMmsTask's `cont` (§五): [{"mobile": "...", "param": {"Text1": "..."}}, ...],
/// built from the caller's recipients to encode, read lazily after decoding (every entry
/// checked as it was read).
class recipients {
public:
    /// An entry read back: its number and its variables' object.
    struct entry {
        /// mobile: the recipient.
        std::string_view mobile;
        /// param: the recipient's variables.
        json::object param;
    };
    /// Each entry of the array, read as it was checked.
    class cursor {
    public:
        using value_type = entry;
        constexpr cursor() noexcept = default;
        explicit cursor(json::array::iterator it) noexcept : it_(it) { load(); }
        const entry& current() const noexcept { return cur_; }
        void advance() noexcept {
            ++it_;
            load();
        }
        std::size_t position() const noexcept { return at_end() ? static_cast<std::size_t>(-1) : it_->offset(); }

    private:
        bool at_end() const noexcept { return it_ == json::array::iterator(); }
        void load() noexcept {
            cur_ = entry{};
            if (at_end()) return;
            // The first of each, the ones check_entries checked; the walk stops there, not
            // stepping over the param object, which the array's step passes over anyway.
            json::object obj;
            it_->get(obj);
            bool mobile = false;
            bool param = false;
            for (const json::member& m : obj) {
                if (!mobile && m.key_is("mobile")) {
                    mobile = true;
                    m.value.get(cur_.mobile);
                } else if (!param && m.key_is("param")) {
                    param = true;
                    m.value.get(cur_.param);
                }
                if (mobile && param) break;
            }
        }
        json::array::iterator it_;
        entry cur_;
    };
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<cursor>;

    constexpr recipients() noexcept = default;
    /// The caller's recipients, written as `form` says.
    constexpr recipients(span<const recipient> given, cont_form form = cont_form::string) noexcept
        : given_(given), form_(form) {}

    /// Whether there is no recipient.
    bool empty() const noexcept { return given_.empty() && !read_; }
    /// How `cont` is written: a string holding the array, or the array.
    constexpr cont_form form() const noexcept { return form_; }
    /// The caller's recipients.
    constexpr span<const recipient> given() const noexcept { return given_; }
    /// After decoding: the entries, and how many.
    iterator begin() const noexcept {
        json::array a;
        if (read_) list_.get(a);
        return iterator(cursor(a.begin()));
    }
    /// Past the last item.
    iterator end() const noexcept { return {}; }
    /// How many recipients.
    constexpr std::size_t size() const noexcept { return read_ ? count_ : given_.size(); }

    /// The field interface of codec::fields.
    result check(const codec::fields::spec& s, mode) const noexcept {
        if (read_) return {};
        if (given_.empty()) return fail(errc::empty_field, 0, s.name);
        if (given_.size() > max_mobiles) return fail(errc::too_many, max_mobiles, s.name);
        for (std::size_t i = 0; i < given_.size(); ++i) {
            if (!codec::fields::check_value(given_[i].mobile, mobile_spec)) return fail(errc::bad_character, i, "cont.mobile");
            if (result r = detail::check_variables(given_[i].param, "cont.param"); !r) return fail(r.ec, i, r.field);
        }
        return {};
    }
    /// Writes the value (the field interface of codec::fields).
    void write_json(json::writer& j) const noexcept {
        if (read_) {
            // Compactly, in the form it came in, each value as it stands.
            j.raw_with([this](writer& out) noexcept {
                if (form_ == cont_form::array) return put_entries([&out](std::string_view raw) noexcept { out.write(raw); });
                out.put('"');
                put_entries([&out](std::string_view raw) noexcept { detail::write_escaped_once(raw, out); });
                out.put('"');
            });
        } else if (form_ == cont_form::array) {
            j.begin_array();
            for (const recipient& r : given_) {
                j.begin_object().member("mobile", r.mobile).key("param").begin_object();
                for (const variable& v : r.param) j.member(v.name, v.value);
                j.end_object().end_object();
            }
            j.end_array();
        } else {
            j.raw_with([this](writer& out) noexcept {
                out.write(std::string_view("\"["));
                bool first = true;
                for (const recipient& r : given_) {
                    out.write(std::string_view(first ? "{\\\"mobile\\\":\\\"" : ",{\\\"mobile\\\":\\\""));
                    first = false;
                    detail::write_twice_escaped(r.mobile, out);
                    out.write(std::string_view("\\\",\\\"param\\\":"));
                    detail::write_escaped_object(r.param, out);
                    out.put('}');
                }
                out.write(std::string_view("]\""));
            });
        }
    }
    /// Reads the value (the field interface of codec::fields).
    result read_json(const json::value& v, writer& scratch, mode m) noexcept {
        recipients got;
        got.read_ = true;
        result r;
        if (v.type() == json::kind::string) {
            got.form_ = cont_form::string;
            if (r = got.doc_.decode(v, scratch); !r) return r;
            if (got.doc_.text.empty()) return fail(errc::empty_field, v.offset());
            // Checked as it is walked: a document steps over each entry once, where a parsed
            // text is checked first and each entry then looked for again (Hezhong's issue 16).
            json::document doc(got.doc_.text, {m});
            r = doc.finish(check_entries(doc.root(), got.doc_, m, got.count_));
            if (!r) {
                // A syntax error anywhere wins, as if the text had been parsed first.
                const result syntax = got.doc_.syntax(m);
                return syntax ? r : syntax;
            }
            got.doc_.root = json::detail::access::checked_root(doc);
            got.list_ = got.doc_.root;
        } else {
            // Read again on its own, so that the entries outlive the outer document.
            got.form_ = cont_form::array;
            const detail::shifted_offsets shift{v.offset()};
            if (r = json::parse(v.raw(), got.list_, {m}); !r) return fail(r.ec, shift.origin(r.offset));
            r = check_entries(got.list_, shift, m, got.count_);
        }
        if (!r) return r;
        *this = got;
        return {};
    }

private:
    template <class Put>
    void put_entries(Put&& put) const noexcept {
        put("[");
        bool first = true;
        for (const entry& e : *this) {
            put(first ? "{\"mobile\":\"" : ",{\"mobile\":\"");
            first = false;
            put(e.mobile);
            put("\",\"param\":");
            detail::put_object(e.param, put);
            put("}");
        }
        put("]");
    }

    static constexpr codec::fields::spec mobile_spec = codec::fields::digits("mobile", 20);

    template <class Origin>
    static result check_entries(const json::value& list, const Origin& o, mode m, std::size_t& count) noexcept {
        json::array a;
        if (result r = list.get(a); !r) return fail(r.ec, o.origin(r.offset));
        count = 0;
        for (const json::value& element : a) {
            if (count == max_mobiles) return fail(errc::too_many, o.origin(element.offset()));
            json::object obj;
            if (result r = element.get(obj); !r) return fail(r.ec, o.origin(r.offset));
            bool mobile = false;
            bool param = false;
            for (const json::member& mem : obj) {
                const bool is_mobile = mem.key_is("mobile");
                const bool is_param = !is_mobile && mem.key_is("param");
                if (!is_mobile && !is_param) {
                    if (m == mode::strict) return fail(errc::unknown_field, o.origin(mem.key.offset()), "cont");
                    continue;
                }
                bool& seen = is_mobile ? mobile : param;
                if (seen) {
                    if (m == mode::strict) return fail(errc::duplicate_field, o.origin(mem.key.offset()), "cont");
                    continue;
                }
                seen = true;
                if (is_param) {
                    std::size_t vars = 0;
                    if (result r = detail::check_object(mem.value, o, m, "cont.param", vars); !r) return r;
                    continue;
                }
                // A number with an escape in it is not digits as it stands (\u0031 too): refused.
                std::string_view number;
                if (result r = mem.value.get(number); !r) {
                    const errc e = r.ec == errc::buffer_too_small ? errc::bad_character : r.ec;
                    return fail(e, o.origin(mem.value.offset()), "cont.mobile");
                }
                if (result r = codec::fields::check_value(number, mobile_spec); !r) {
                    return fail(r.ec, o.origin(mem.value.offset() + 1 + r.offset), "cont.mobile");
                }
            }
            if (!mobile || !param) return fail(errc::missing_field, o.origin(element.offset()), mobile ? "cont.param" : "cont.mobile");
            ++count;
        }
        if (result r = json::detail::access::walk_error(list); !r) return fail(r.ec, o.origin(r.offset), "cont");
        return {};
    }

    span<const recipient> given_;
    cont_form form_ = cont_form::string;
    bool read_ = false;
    detail::inner_document doc_;
    json::value list_;
    std::size_t count_ = 0;
};

}  // namespace smsgw::hezhong
