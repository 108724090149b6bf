// 5C (docs/fivec.md): a caixin_send request with its frame string built from the caller's
// bytes, the same body read as 5C would (a test double's side), its reply, and a status
// report fetch with the records it answers.
#include <smsgw/fivec.hpp>

#include <cstdio>
#include <string>

namespace fivec = smsgw::fivec;

int main() {
    // [snippet:fivec-caixin-send]
    // Frame 1: a text and a GIF; frame 2: a text. Each file base64-encoded straight into `content`.
    const unsigned char gif[] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
    const fivec::frame_file files[] = {{1, fivec::file_type::txt, std::string_view("你好")},
                                       {1, fivec::file_type::gif, gif},
                                       {2, fivec::file_type::txt, std::string_view("再见")}};
    std::string content;
    const smsgw::result c = smsgw::encode_append(fivec::frame_string{files}, content);

    fivec::caixin_send_request req;
    req.apikey = "231d1a3dc627ebd0a7cab5b35c397d3e";
    req.username = "test";
    req.password = "test";
    req.mobile = "13811299999,18610310066";
    req.title = "标题";  // URL-encoded, then form-encoded: %25E6%25A0%2587... on the wire
    req.content = content;
    std::string body;
    const smsgw::result e = smsgw::encode_append(req, body);  // POST to fivec::url(fivec::api::caixin_send)

    // 5C's side: the body decoded, the title given back as it was, the frames read lazily.
    unsigned char scratch[1024];
    fivec::caixin_send_request got;
    const smsgw::result g = fivec::decode(body, got, scratch);
    std::size_t texts = 0;
    for (const fivec::element& el : fivec::frames(got.content)) {
        if (el.kind != fivec::frame_kind::text) continue;
        char text[64];
        unsigned char raw[64];
        smsgw::writer w(text, sizeof text);
        if (fivec::decode_text(el, fivec::text_encoding(got), w, raw)) ++texts;
        std::printf("frame %u: %.*s\n", unsigned(el.frame), int(w.size()), text);
    }

    // The reply: success:<msgid>, or error: with the spec's strings as an enum.
    fivec::reply reply;
    const smsgw::result r = fivec::decode(std::string_view("success:30911175558600"), reply);
    fivec::reply refused;
    fivec::decode(std::string_view("Error:MMS body too long."), refused);

    // Status reports: the fetch request and the records that come back, each fetched once.
    const auto md5 = fivec::password_md5("123456");
    const fivec::report_request fetch{"test", std::string_view(md5.data(), md5.size()), req.apikey, 0, 0, {}};
    std::string query;
    const smsgw::result q = smsgw::encode_append(fetch, query);  // to fivec::url(fivec::api::recv_report)
    fivec::report_reply reports;
    const smsgw::result p = fivec::decode(
        std::string_view("3456,30911175558600,2267476,13811299999,DELIVRD,2012-11-15 18:19:52;"
                         ",30911175558600,2267477,18610310066,UNDELIV,2012-11-15 19:39:12;"),
        reports);
    std::size_t delivered = 0;
    for (const fivec::report& x : reports.reports) delivered += x.delivered() ? 1u : 0u;
    // [/snippet]

    return c && e && g && got.title == "标题" && texts == 2 && r && reply.msgid == "30911175558600" &&
                   refused.is(fivec::error_code::mms_body_too_long) && q && p && delivered == 1
               ? 0
               : 1;
}
