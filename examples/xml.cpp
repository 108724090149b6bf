// XML (docs/xml.md): the mobiles of a 5C batch document read with the pull reader, and a 5C
// mms element written with the writer, both in caller buffers.
#include <smsgw/codec.hpp>

#include <cstdio>
#include <cstring>

// [snippet:xml-read]
namespace xml = smsgw::codec::xml;

smsgw::result count_mobiles(std::string_view body, smsgw::mutable_bytes scratch, std::size_t& mobiles) {
    xml::reader rd(body);                       // options: mode, max_depth, max_attributes, max_name_length
    while (rd.next()) {
        if (rd.kind() != xml::token::start_element) continue;
        if (rd.name() == "mmsMobile") {
            std::string_view mobile;
            if (smsgw::result r = rd.element_text(mobile, scratch); !r) return r;   // view when nothing to decode
            mobiles += !mobile.empty();
        }
    }
    return rd.status();                         // r.offset: the first error
}
// [/snippet]

smsgw::result write_mms(std::string_view title, smsgw::bytes jpeg, smsgw::mutable_bytes buffer) {
    // [snippet:xml-write]
    smsgw::writer out(buffer);              // no buffer: measures the document
    xml::writer x(out);
    x.declaration().start("mms");
    x.start("mmsTitle").percent_text(title, smsgw::codec::percent::style::form).end("mmsTitle");
    x.element("mmsPictureType", "jpg");
    x.start("mmsPictureContent").base64_text(jpeg).end("mmsPictureContent");
    x.end("mms");
    smsgw::result r = x.finish();           // the first error, or the size (buffer_too_small: the size needed)
    // [/snippet]
    return r;
}

int main() {
    const std::string_view batch = "<?xml version='1.0' encoding='UTF-8' ?>\n"
                                   "<mmsBody><mmsBodyData><mmsMobile>13811299999</mmsMobile></mmsBodyData>"
                                   "<mmsBodyData><mmsMobile>18610310066</mmsMobile></mmsBodyData></mmsBody>";
    unsigned char scratch[256];
    std::size_t mobiles = 0;
    const smsgw::result read = count_mobiles(batch, scratch, mobiles);
    const smsgw::result broken = count_mobiles("<mmsBody><mmsMobile>1</mmsBody>", scratch, mobiles);
    std::printf("%zu mobiles; a mismatched tag: %s at %zu\n", mobiles, broken.message(), broken.offset);

    const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xD9};
    unsigned char doc[256];
    const smsgw::result w = write_mms("標題", jpeg, doc);
    std::printf("%.*s\n", int(w.offset), reinterpret_cast<const char*>(doc));
    const char* expected = "<mmsPictureContent>/9j/2Q==</mmsPictureContent></mms>";
    return read && mobiles == 2 && broken.ec == smsgw::errc::mismatched_tag && w &&
                   std::memcmp(doc + w.offset - std::strlen(expected), expected, std::strlen(expected)) == 0
               ? 0
               : 1;
}
