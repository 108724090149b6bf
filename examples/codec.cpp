// The codec primitives: base64, form encoding, MD5 and UTF-8 -> UCS-2, all into caller buffers.
#include <smsgw/codec.hpp>

#include <cstdio>
#include <cstring>

using namespace smsgw;
using namespace smsgw::codec;

int main() {
    // base64 (RFC 4648): strict by default; MIME mode skips line breaks and whitespace.
    char text[64];
    writer out(text, sizeof text);
    base64::encode(std::string_view("hello, world"), out);  // "aGVsbG8sIHdvcmxk"
    unsigned char raw[64];
    writer back(raw);
    result r = base64::decode(std::string_view(text, out.size()), back, {base64::alphabet::standard, base64::mode::mime});
    if (!r) std::printf("%s at byte %zu\n", r.message(), r.offset);

    // [snippet:codec-form]
    // application/x-www-form-urlencoded: build a body, then walk it lazily.
    char body[128];
    writer bw(body, sizeof body);
    form::builder(bw).add("account", "0912345678").add("subject", "Hi there");  // subject=Hi+there
    for (const form::field& f : form::fields(std::string_view(body, bw.size()))) {
        char value[64];
        writer vw(value, sizeof value);
        form::decode_value(f, vw);
        std::printf("%.*s = %.*s\n", int(f.name.size()), f.name.data(), int(vw.size()), value);
    }

    // MD5 (CMPP authenticators, 5C passwords) and UTF-8 -> UCS-2 (CMPP Msg_Fmt 8).
    auto hex = to_hex(md5::hash(std::string_view("abc")));  // 900150983cd24fb0d6963f7d28e17f72
    unsigned char ucs2[140];
    writer uw(ucs2);
    utf8::to_utf16be("\xE7\x9F\xAD\xE4\xBF\xA1", uw);  // "短信" -> 77 ED 4F E1
    // [/snippet]
    std::printf("md5(abc) = %.32s, UCS-2 bytes: %zu\n", hex.data(), uw.size());

    bool ok = r && r.offset == 12 && std::memcmp(raw, "hello, world", 12) == 0 &&
              std::string_view(hex.data(), 8) == "90015098" && uw.size() == 4 && ucs2[0] == 0x77 && ucs2[3] == 0xE1;
    return ok ? 0 : 1;
}
