// MIME (docs/mime.md): a get_mime-style packet parsed into caller storage, its subject and
// contents decoded on request.
#include <smsgw/mime.hpp>

#include <cstdio>
#include <string_view>

namespace mime = smsgw::mime;

int main() {
    const std::string_view packet =
        "Subject: =?utf-8?B?6ZaD5YWJ5LiA6Jmf?=\r\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "5L2g5aW9\r\n"
        "--b--\r\n";
    mime::part parts[8];  // caller storage: no allocation
    mime::message msg(parts);
    const smsgw::result r = mime::decode(packet, msg);
    char text[64];
    smsgw::writer subject(text, sizeof text);
    mime::decode_text(msg.headers().value("Subject"), subject);  // 閃光一號
    char content[64];
    smsgw::writer out(content, sizeof content);
    std::size_t n = 0;
    for (std::size_t i : msg.children(0)) {
        mime::decode_content(msg[i], out);  // base64 undone: 你好
        ++n;
    }
    std::printf("%.*s: %.*s\n", int(subject.size()), text, int(out.size()), content);
    return r && n == 1 && std::string_view(text, subject.size()) == "閃光一號" &&
                   std::string_view(content, out.size()) == "你好"
               ? 0
               : 1;
}
