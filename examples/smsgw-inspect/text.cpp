// Formats of the text primitives: utf8 (checks and counts UTF-8, shows its UCS-2), ucs2
// (UTF-16BE, CMPP Msg_Fmt 8, as text) and md5 (the digest of the input).
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/codec/utf8.hpp"

namespace {

namespace utf8 = smsgw::codec::utf8;

int run_utf8(const inspect::args& a, std::string_view input, std::string& out) {
    if (!a.empty()) return 2;
    std::size_t chars = 0;
    if (auto r = utf8::count(input, chars); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    std::string ucs2;
    smsgw::write_append(ucs2, [&](smsgw::writer& w) { return utf8::to_utf16be(input, w); });
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("bytes", input.size()).member("chars", chars).member("text", input);
        inspect::hex_member(j, "utf16be", ucs2);
    });
    return 0;
}

// The text back: from "text" (always printed).
bool message_text(const smsgw::codec::json::object& message, inspect::reader& in, std::string_view& out) {
    smsgw::codec::json::value v;
    if (!message.find("text", v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".text");
    return in.text(v, out, ".text");
}

bool encode_utf8(const inspect::args&, const smsgw::codec::json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    std::string_view text;
    if (!message_text(message, in, text)) return false;
    bytes += text;
    return true;
}

int run_ucs2(const inspect::args& a, std::string_view input, std::string& out) {
    if (!a.empty()) return 2;
    std::string text;
    if (auto r = smsgw::write_append(text, [&](smsgw::writer& w) { return utf8::from_utf16be(input, w); }); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    std::size_t chars = 0;
    utf8::count(text, chars);
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("bytes", input.size()).member("chars", chars).member("text", text);
    });
    return 0;
}

bool encode_ucs2(const inspect::args&, const smsgw::codec::json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    std::string_view text;
    if (!message_text(message, in, text)) return false;
    smsgw::write_append(bytes, [&](smsgw::writer& w) { return utf8::to_utf16be(text, w); });
    return true;
}

int run_md5(const inspect::args& a, std::string_view input, std::string& out) {
    if (!a.empty()) return 2;
    const auto hex = smsgw::codec::to_hex(smsgw::codec::md5::hash(input));
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("bytes", input.size()).member("md5", std::string_view(hex.data(), hex.size()));
    });
    return 0;
}

const inspect::registrar utf8_format{
    {"utf8", "UTF-8 text: validity, character count, UCS-2 (UTF-16BE)", &run_utf8, &inspect::on_object<encode_utf8>, "utf8/greeting.txt"}};
const inspect::registrar ucs2_format{
    {"ucs2", "UCS-2/UTF-16BE bytes (CMPP Msg_Fmt 8) as text", &run_ucs2, &inspect::on_object<encode_ucs2>, "ucs2/greeting.bin"}};
// No encode: a digest does not hold its input.
const inspect::registrar md5_format{{"md5", "the MD5 digest (RFC 1321) of the input", &run_md5, nullptr, "md5/abc.txt"}};

}  // namespace
