#pragma once

// The inverse of fields::write_json_members(j, m, {true}), the way the inspector prints every
// field-listed message: bind_printed() fills `out` from the object run() printed. The walk of
// the message rewrites that object into the JSON fields::bind_json() reads (binary printed as
// text, or as hex under `<key>_hex`, goes back to the hex or base64 its spec says; members the
// message does not name, the inspector's own, are left out), then bind_json() reads it with
// every check of the library. An error is named by its JSON path and the offset of the value
// in the printed text.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "inspect.hpp"
#include "smsgw/codec/json_fields.hpp"

namespace inspect {

namespace detail {

namespace json = smsgw::codec::json;
namespace fields = smsgw::codec::fields;

// A walk may depend on values (IMSP's content is text or binary by its type): the rewrite
// walks a message whose strings are already those printed.
struct prefill {
    reader& in;
    json::object from;

    template <class M>
    void operator()(M& target, const fields::spec& s) {
        json::value v;
        if constexpr (std::is_same_v<M, std::string_view>) {
            if (from.find(s.json_key(), v) && v.type() == json::kind::string) in.text(v, target, "");
        }
    }
    template <class Items>
    void group(Items&, const fields::group_spec&) {}
};

template <class T>
T prefilled(reader& in, const json::value& printed) {
    T m{};
    json::object obj;
    if (printed.get(obj)) {
        prefill p{in, obj};
        T::walk(p, m);
    }
    return m;
}

struct printed_to_bound {
    reader& in;
    json::writer& j;
    const smsgw::writer& out;
    json::value from;     // the object of the message or group item, or the item of a group of values
    bool values = false;  // `from` is the value itself
    std::string path;
    std::vector<std::pair<std::size_t, std::size_t>>& offsets;  // (in the rewritten text, in the printed one)
    fields::json_options printed;  // how write_json_members printed it

    template <class M>
    void operator()(const M&, const fields::spec& s) {
        const std::string key = s.json_key();
        json::value v = from;
        json::object obj;
        bool hex = false;
        if (!values) {
            from.get(obj);
            if constexpr (std::is_same_v<M, smsgw::bytes>) {
                hex = printed.text_when_utf8 && obj.find(key + "_hex", v);
            }
            if (!hex && !obj.find(key, v)) return;
            j.key(key);
        }
        offsets.emplace_back(out.size(), v.offset());
        if constexpr (std::is_same_v<M, smsgw::bytes>) {
            if (!printed.text_when_utf8) {
                j.raw(v.raw());
                return;
            }
            std::string_view raw;
            const std::string at = path + "." + key + (hex ? "_hex" : "");
            if (v.is_null() || !(hex ? in.hex(v, raw, at) : in.text(v, raw, at))) {
                j.raw(v.raw());  // bind_json says what is wrong with it
            } else if (s.kind == fields::kind::text) {
                j.string(raw);
            } else if (s.as == fields::json_binary::base64) {
                j.base64_string(raw);
            } else {
                j.hex_string(raw);
            }
        } else {
            j.raw(v.raw());
        }
    }

    template <class Item>
    void group(const smsgw::span<const Item>&, const fields::group_spec& g) {
        json::object obj;
        json::value v;
        json::array items;
        if (values || !from.get(obj) || !obj.find(g.key, v)) return;
        j.key(g.key);
        offsets.emplace_back(out.size(), v.offset());
        if (!v.get(items)) {
            j.raw(v.raw());
            return;
        }
        j.begin_array();
        std::size_t i = 0;
        for (const json::value& item : items) {
            printed_to_bound inner{in, j, out, item, g.values, path + "." + g.key + "[" + std::to_string(i++) + "]", offsets, printed};
            offsets.emplace_back(out.size(), item.offset());
            if (!g.values) j.begin_object();
            const Item values_printed = prefilled<Item>(in, item);
            Item::walk(inner, values_printed);
            if (!g.values) j.end_object();
        }
        j.end_array();
    }
};

}  // namespace detail

// Reads the printed object `printed` (written with options `o`) into `out` with bind_json()
// (mode m, the groups' items in `storage`). False with the refusal recorded in `in`.
template <class T, class... Items>
bool bind_printed(const smsgw::codec::json::object& printed, smsgw::codec::fields::json_options o, T& out, reader& in,
                  smsgw::mode m, smsgw::span<Items>... storage) {
    namespace json = smsgw::codec::json;
    namespace fields = smsgw::codec::fields;
    std::string& bound = in.keep();
    std::vector<std::pair<std::size_t, std::size_t>> offsets;
    const smsgw::result written = smsgw::write_append(bound, [&](smsgw::writer& w) {
        offsets.clear();
        json::writer j(w);
        offsets.emplace_back(0, printed.as_value().offset());
        j.begin_object();
        detail::printed_to_bound rewrite{in, j, w, printed.as_value(), false, "", offsets, o};
        const T values_printed = detail::prefilled<T>(in, printed.as_value());
        T::walk(rewrite, values_printed);
        j.end_object();
        return j.finish();
    });
    if (!in.ok()) return false;
    if (!written) return in.refuse(written, "");
    json::value root;
    json::object obj;
    json::parse(bound, root);
    root.get(obj);
    std::string& scratch = in.keep();
    scratch.assign(bound.size(), '\0');
    smsgw::writer w(scratch.data(), scratch.size());
    fields::path where;
    smsgw::result r = fields::bind_json(obj, out, w, m, where, storage...);
    if (r) return true;
    // The offset of the value at fault (or of the object), in the printed text.
    std::size_t at = printed.as_value().offset();
    for (const auto& [rewritten, original] : offsets) {
        if (rewritten <= r.offset) at = original;
    }
    const std::string path = r.field != nullptr ? std::string(".") + r.field : std::string();
    r.offset = at;
    r.field = nullptr;
    return in.refuse(r, path);
}

// bind_printed(), then the message encoded by `encode(const T&, smsgw::writer&)` (the
// library's) and appended to `bytes`; its refusal named by the field it gives.
template <class T, class Encode, class... Items>
bool encode_printed(const smsgw::codec::json::object& printed, smsgw::codec::fields::json_options o, reader& in,
                    smsgw::mode m, std::string& bytes, Encode&& encode, smsgw::span<Items>... storage) {
    T msg{};
    if (!bind_printed(printed, o, msg, in, m, storage...)) return false;
    const smsgw::result r = smsgw::write_append(bytes, [&](smsgw::writer& w) { return encode(msg, w); });
    return r ? true : in.refuse(r, r.field != nullptr ? std::string(".") + r.field : std::string());
}

}  // namespace inspect
