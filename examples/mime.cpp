// MIME (docs/mime.md): a get_mime-style packet parsed into caller storage, its subject,
// filenames and contents decoded on request. The spec's own §5.1 packet, cleaned, is
// examples/samples/imsp-response-get_mime/spec-5.1.eml (smsgw-inspect mime prints it).
#include <cstdio>
#include <string_view>
#include <vector>

// [snippet:mime-show]
#include "smsgw/mime.hpp"
namespace mime = smsgw::mime;

int show(std::string_view packet) {             // the HTTP 200 body of get_mime
    mime::part parts[16];                        // caller storage: no allocation
    mime::message msg(parts);
    if (auto r = mime::decode(packet, msg, mime::tolerant_options); !r)
        return std::printf("%s at %zu\n", r.message(), r.offset), 1;
    char text[256], name[128];
    smsgw::writer subject(text, sizeof text);
    mime::decode_text(msg.headers().value("Subject"), subject);     // =?utf-8?B?...?= -> 閃光一號
    std::printf("%.*s from %.*s\n", int(subject.size()), text,
                int(msg.headers().value("From").size()), msg.headers().value("From").data());
    for (std::size_t i : msg.children(0)) {
        const mime::part& p = msg[i];
        smsgw::writer fn(name, sizeof name);
        mime::filename(p, fn);                   // RFC 2231 and quoted forms
        std::vector<char> content(p.decoded_size_max());
        smsgw::writer out(content.data(), content.size());
        mime::decode_content(p, out);            // base64 / quoted-printable undone
        std::printf("%.*s %zu bytes id=%.*s\n", int(fn.size()), name, out.size(),
                    int(p.content_id.size()), p.content_id.data());
    }
    for (const mime::defect& d : msg.defects()) std::printf("%s at %zu\n", mime::describe(d.kind), d.offset);
    return 0;
}
// [/snippet]

int main() {
    const std::string_view packet =
        "From: 0912345678/TYPE=PLMN\r\n"
        "Subject: =?utf-8?B?6ZaD5YWJ5LiA6Jmf?=\r\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-ID: <T0>\r\nContent-Disposition: attachment; filename*=utf-8''%E4%BD%A0.txt\r\n\r\n"
        "5L2g5aW9\r\n"
        "--b--\r\n";
    return show(packet);
}
