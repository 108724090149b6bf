// GBK and Big5 to and from UTF-8, as the WHATWG Encoding Standard defines them (docs/charset.md).
#include <smsgw/charset.hpp>

#include <cstdio>
#include <string>

using namespace smsgw;

int main() {
    // [snippet:charset-decode]
    // A label as mail and gateways write it: ASCII case and surrounding whitespace do not matter.
    const charset::label_match gb = charset::from_label(" GB2312 ");  // gb.enc == encoding::gbk
    const charset::label_match bad = charset::from_label("x-unknown");  // bad.ec == errc::unknown_charset

    // "短信" in GBK, decoded into a buffer of the worst-case size.
    const unsigned char gbk[] = {0xB6, 0xCC, 0xD0, 0xC5};
    std::string text(charset::max_decoded_size(sizeof gbk), '\0');
    writer w(text.data(), text.size());
    const charset::outcome d = charset::decode(gb.enc, bytes(gbk, sizeof gbk), w);
    text.resize(w.size());
    // [/snippet]

    // Back to Big5; strict mode refuses what Big5 cannot hold, with its offset and code point.
    char big5[16];
    writer bw(big5, sizeof big5);
    const charset::outcome e = charset::encode(charset::encoding::big5, "簡訊", bw);
    writer refuse(big5, sizeof big5);
    const charset::outcome no = charset::encode(charset::encoding::big5, "短信\xF0\x9F\x98\x80", refuse);
    std::printf("%s, %zu Big5 bytes, %s at %zu (U+%X)\n", text.c_str(), bw.size(), no.message(), no.offset,
                static_cast<unsigned>(no.code_point));

    const bool ok = gb.ok() && bad.ec == errc::unknown_charset && d && text == "\xE7\x9F\xAD\xE4\xBF\xA1" && e &&
                    bw.size() == 4 && no.ec == errc::unmappable && no.offset == 6 && no.code_point == 0x1F600;
    return ok ? 0 : 1;
}
