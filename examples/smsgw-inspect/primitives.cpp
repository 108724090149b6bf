// Formats of the encoding primitives: base64 (RFC 4648, MIME bodies), hex (base16) and form
// (application/x-www-form-urlencoded bodies, pair by pair). The decoded bytes are printed as
// text when they are UTF-8, and always as hex.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inspect.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/utf8.hpp"

namespace {

namespace b64 = smsgw::codec::base64;
namespace json = smsgw::codec::json;
namespace form = smsgw::codec::form;
namespace hex = smsgw::codec::hex;
namespace utf8 = smsgw::codec::utf8;

// One line ending at the end of the file is not part of the text (files saved by editors).
std::string_view without_final_newline(std::string_view s) {
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}

// "text" when the bytes are UTF-8, then their hex.
void bytes_members(smsgw::codec::json::writer& j, std::string_view bytes) {
    j.member("bytes", bytes.size());
    if (utf8::validate(bytes)) j.member("text", bytes);
    inspect::hex_member(j, "hex", bytes);
}

int run_base64(const inspect::args& a, std::string_view input, std::string& out) {
    b64::decode_options o;
    for (std::string_view arg : a) {
        if (arg == "--url") {
            o.abc = b64::alphabet::url;
        } else if (arg == "--mime") {
            o.m = b64::mode::mime;
        } else {
            return 2;
        }
    }
    const std::string_view text = o.m == b64::mode::mime ? input : without_final_newline(input);
    std::string decoded;
    if (const smsgw::result r = smsgw::write_append(decoded, [&](smsgw::writer& w) { return b64::decode(text, w, o); }); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("alphabet", o.abc == b64::alphabet::url ? "url" : "standard");
        j.member("mode", o.m == b64::mode::mime ? "mime" : "strict");
        bytes_members(j, decoded);
    });
    return 0;
}

// The decoded bytes back: from "hex" (always printed).
bool decoded_bytes(const json::object& message, inspect::reader& in, std::string_view& out) {
    json::value v;
    if (!message.find("hex", v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".hex");
    return in.hex(v, out, ".hex");
}

bool encode_base64(const inspect::args& a, const json::object& message, std::string& bytes, inspect::refusal& why) {
    b64::encode_options o;
    for (std::string_view arg : a) {
        if (arg == "--url") o.abc = b64::alphabet::url;
    }
    inspect::reader in(why);
    std::string_view decoded;
    if (!decoded_bytes(message, in, decoded)) return false;
    smsgw::write_append(bytes, [&](smsgw::writer& w) { return b64::encode(decoded, w, o); });
    return true;
}

int run_hex(const inspect::args& a, std::string_view input, std::string& out) {
    if (!a.empty()) return 2;
    const std::string_view text = without_final_newline(input);
    std::string decoded;
    if (const smsgw::result r = smsgw::write_append(decoded, [&](smsgw::writer& w) { return hex::decode(text, w); }); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    inspect::emit(out, [&](smsgw::codec::json::writer& j) { bytes_members(j, decoded); });
    return 0;
}

bool encode_hex(const inspect::args&, const json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    std::string_view decoded;
    if (!decoded_bytes(message, in, decoded)) return false;
    smsgw::write_append(bytes, [&](smsgw::writer& w) { return hex::encode(decoded, w); });
    return true;
}

// Each pair decoded: name and value as text when UTF-8, as name_hex/value_hex otherwise.
int run_form(const inspect::args& a, std::string_view input, std::string& out) {
    if (!a.empty()) return 2;
    const form::fields body(without_final_newline(input));
    if (const smsgw::result r = body.validate(); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    struct decoded_field {
        std::string name, value;
        std::size_t offset;
    };
    std::vector<decoded_field> fields;
    for (const form::field& f : body) {
        decoded_field d{{}, {}, f.offset};
        smsgw::write_append(d.name, [&](smsgw::writer& w) { return form::decode_name(f, w); });
        smsgw::write_append(d.value, [&](smsgw::writer& w) { return form::decode_value(f, w); });
        fields.push_back(std::move(d));
    }
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("count", fields.size());
        j.key("fields").begin_array();
        for (const decoded_field& d : fields) {
            j.begin_object().member("offset", d.offset);
            if (utf8::validate(d.name)) j.member("name", d.name);
            else inspect::hex_member(j, "name_hex", d.name);
            if (utf8::validate(d.value)) j.member("value", d.value);
            else inspect::hex_member(j, "value_hex", d.value);
            j.end_object();
        }
        j.end_array();
    });
    return 0;
}

// A pair's name or value: `key` as text, or `key`_hex.
bool form_part(const json::object& pair, std::string_view key, const std::string& path, inspect::reader& in, std::string_view& out) {
    json::value v;
    if (pair.find(key, v)) return in.text(v, out, path + "." + std::string(key));
    const std::string hex_key = std::string(key) + "_hex";
    if (pair.find(hex_key, v)) return in.hex(v, out, path + "." + hex_key);
    return in.refuse(smsgw::errc::missing_field, pair.as_value(), path + "." + std::string(key));
}

// Each pair at its "offset" when one is given: the empty pairs decoding skipped (`a=1&&c`)
// come back as the '&'s that fill the gap, and a pair with an empty value is written without
// its '=' when the next one starts right after its name (`c&d`).
bool encode_form(const inspect::args&, const json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    json::value v;
    json::array pairs;
    if (!message.find("fields", v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".fields");
    if (const smsgw::result r = v.get(pairs); !r) return in.refuse(r, ".fields");
    std::string body;
    std::size_t i = 0;
    for (const json::value& e : pairs) {
        const std::string path = ".fields[" + std::to_string(i++) + "]";
        json::object pair;
        if (const smsgw::result r = e.get(pair); !r) return in.refuse(r, path);
        std::string_view name, value;
        if (!form_part(pair, "name", path, in, name) || !form_part(pair, "value", path, in, value)) return false;
        std::size_t offset = body.empty() ? 0 : body.size() + 1;
        if (pair.find("offset", v) && !in.number(v, offset, path + ".offset")) return false;
        if (offset == body.size() && !body.empty() && body.back() == '=') body.pop_back();
        if (!body.empty() || offset > 0) body.append(offset > body.size() ? offset - body.size() : 1, '&');
        smsgw::write_append(body, [&](smsgw::writer& w) { return form::builder(w).add(name, value).finish(); });
    }
    bytes += body;
    return true;
}

const inspect::registrar base64_format{
    {"base64", "[--url] [--mime]  base64 text (RFC 4648; --mime: lines and whitespace skipped) to bytes", &run_base64,
     &inspect::on_object<encode_base64>, "base64/rfc4648-foobar.txt"}};
const inspect::registrar hex_format{
    {"hex", "hex digits (base16, either case) to bytes", &run_hex, &inspect::on_object<encode_hex>, "hex/utf8-chars.txt"}};
const inspect::registrar form_format{{"form", "an application/x-www-form-urlencoded body (name=value&...), each pair decoded",
                                      &run_form, &inspect::on_object<encode_form>, "form/imsp-send.txt"}};

}  // namespace
