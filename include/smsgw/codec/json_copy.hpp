#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw::codec::json {

/// A number's text without the leading zeros tolerant mode lets in (0000000001 -> 1, -007 -> -7),
/// put together in `scratch` when a sign has to move; the text itself when there is nothing to drop.
inline result canonical_number(std::string_view n, mutable_bytes scratch, std::string_view& out) noexcept {
    const std::size_t sign = !n.empty() && n[0] == '-' ? 1 : 0;
    std::size_t i = sign;
    while (i + 1 < n.size() && n[i] == '0' && detail::is_digit(n[i + 1])) ++i;
    if (i == sign || sign == 0) {
        out = n.substr(i - sign);
        return {};
    }
    smsgw::writer w(scratch);
    w.put('-');
    w.write(n.substr(i));
    if (w.overflowed()) return w.finish();
    out = {reinterpret_cast<const char*>(scratch.data()), w.size()};
    return {};
}

/// Writes `in` to `out` in compact canonical form: no whitespace, members and elements in
/// document order, strings decoded and escaped again the writer's way, numbers as written
/// (exact, leading zeros dropped), bare tolerant-mode tokens as strings. `scratch` holds one
/// decoded string at a time: its size must reach the longest (the document's size always does).
inline result copy(const value& in, json::writer& out, mutable_bytes scratch) noexcept {
    switch (in.type()) {
    case kind::null: out.null(); break;
    case kind::boolean: {
        bool b = false;
        in.get(b);
        out.boolean(b);
        break;
    }
    case kind::number: {
        std::string_view n;
        if (result r = canonical_number(in.raw(), scratch, n); !r) return r;
        out.raw(n);
        break;
    }
    case kind::string:
    case kind::bare: {
        std::string_view s;
        if (result r = in.get(s, scratch); !r) return r;
        out.string(s);
        break;
    }
    case kind::array: {
        array a;
        in.get(a);
        out.begin_array();
        for (const value& v : a)
            if (result r = copy(v, out, scratch); !r) return r;
        out.end_array();
        break;
    }
    case kind::object: {
        object o;
        in.get(o);
        out.begin_object();
        for (const member& m : o) {
            std::string_view k;
            if (result r = m.key.get(k, scratch); !r) return r;
            out.key(k);
            if (result r = copy(m.value, out, scratch); !r) return r;
        }
        out.end_object();
        break;
    }
    }
    return out.ok() ? result{} : out.finish();
}

}  // namespace smsgw::codec::json
