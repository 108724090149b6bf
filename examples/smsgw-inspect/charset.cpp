// `charset <label> [--encode] [--tolerant]`: bytes in a legacy Chinese charset (GBK, GB18030,
// Big5, windows-1252, or UTF-8) to UTF-8 text, or with --encode UTF-8 text to that charset's
// bytes, as the WHATWG Encoding Standard does. A refusal prints the error, the input offset
// and, when encoding, the code point.
#include <cstdint>
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/charset.hpp"
#include "smsgw/codec/utf8.hpp"

namespace {

namespace cs = smsgw::charset;

void refused(std::string& out, const cs::outcome& r, bool encoding) {
    if (!encoding || r.code_point == 0) {
        inspect::emit_error(out, r);
        return;
    }
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("error", r.message()).member("offset", r.offset).member("code_point", static_cast<std::uint32_t>(r.code_point));
    });
}

int run_charset(const inspect::args& a, std::string_view input, std::string& out) {
    if (a.empty()) return 2;
    bool encode = false;
    smsgw::mode m = smsgw::mode::strict;
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (a[i] == "--encode") {
            encode = true;
        } else if (a[i] == "--tolerant") {
            m = smsgw::mode::tolerant;
        } else {
            return 2;
        }
    }
    const cs::label_match label = cs::from_label(a[0]);
    if (!label.ok()) {
        inspect::emit(out, [&](smsgw::codec::json::writer& j) {
            j.member("error", smsgw::result{label.ec}.message()).member("label", a[0]);
            if (!label.name.empty()) j.member("encoding", label.name);
        });
        return 1;
    }
    std::string bytes;
    cs::outcome r;
    if (encode) {
        bytes.assign(cs::max_encoded_size(label.enc, input.size(), {m}), '\0');
        smsgw::writer w(bytes.data(), bytes.size());
        r = cs::encode(label.enc, input, w, {m});
        bytes.resize(w.size());
    } else {
        bytes.assign(cs::max_decoded_size(input.size()), '\0');
        smsgw::writer w(bytes.data(), bytes.size());
        r = cs::decode(label.enc, input, w, m);
        bytes.resize(w.size());
    }
    if (!r) {
        refused(out, r, encode);
        return 1;
    }
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("charset", cs::name(label.enc));
        if (encode) {
            inspect::hex_member(j, "hex", bytes);
        } else {
            std::size_t chars = 0;
            smsgw::codec::utf8::count(bytes, chars);
            j.member("text", bytes).member("chars", chars);
        }
        if (r.replaced != 0) j.member("replaced", r.replaced);
    });
    return 0;
}

// The inverse: the printed "text" to the charset's bytes, or with --encode the printed "hex"
// (bytes of the charset) back to the UTF-8 text that was read.
bool encode_charset(const inspect::args& a, const smsgw::codec::json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    const cs::label_match label = cs::from_label(a.empty() ? std::string_view() : a[0]);
    if (!label.ok()) return in.refuse(smsgw::result{label.ec}, "");
    bool encoded = false;
    for (std::string_view arg : a) encoded = encoded || arg == "--encode";
    const char* key = encoded ? "hex" : "text";
    const std::string path = std::string(".") + key;
    smsgw::codec::json::value v;
    std::string_view given;
    if (!message.find(key, v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), path);
    if (!(encoded ? in.hex(v, given, path) : in.text(v, given, path))) return false;
    std::string out;
    cs::outcome r;
    if (encoded) {
        out.assign(cs::max_decoded_size(given.size()), '\0');
        smsgw::writer w(out.data(), out.size());
        r = cs::decode(label.enc, given, w, smsgw::mode::strict);
        out.resize(w.size());
    } else {
        out.assign(cs::max_encoded_size(label.enc, given.size(), {smsgw::mode::strict}), '\0');
        smsgw::writer w(out.data(), out.size());
        r = cs::encode(label.enc, given, w, {smsgw::mode::strict});
        out.resize(w.size());
    }
    if (!r) return in.refuse(smsgw::fail(r.ec, v.offset()), path);
    bytes += out;
    return true;
}

const inspect::registrar charset_format{
    {"charset", "<label> [--encode] [--tolerant]  GBK/GB18030/Big5/windows-1252 bytes to UTF-8, or UTF-8 to them",
     &run_charset, &inspect::on_object<encode_charset>, "gbk charset-gbk/hezhong-notice.txt"}};

}  // namespace
