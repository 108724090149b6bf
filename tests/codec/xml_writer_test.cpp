// The XML writer: the five characters escaped, CR, tab and LF kept through the reader's
// normalizations, characters XML 1.0 forbids and bad UTF-8 refused at their offset, names
// checked, the structure errors, base64 and percent-encoded text from the caller's bytes, the
// size measured up front equal to the size written, no allocation.
#include "smsgw/codec/xml_writer.hpp"

#include <string>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "test.hpp"

using smsgw::errc;
namespace xml = smsgw::codec::xml;

namespace {

// Runs build on a measuring writer, then on a buffer of exactly that size; both must agree.
template <class Build>
std::string written(Build build) {
    smsgw::writer measure;
    xml::writer m(measure);
    build(m);
    REQUIRE(m.finish() == smsgw::result{errc::buffer_too_small, measure.size()});
    std::string out(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    xml::writer x(w);
    build(x);
    const smsgw::result r = x.finish();
    REQUIRE(r.ok());
    CHECK(r.offset == out.size());
    return out;
}

template <class Build>
smsgw::result error_of(Build build) {
    char buf[4096];
    smsgw::writer w(buf, sizeof buf);
    xml::writer x(w);
    build(x);
    return x.finish();
}

// The text of the root element's only child text, read back.
std::string read_back(std::string_view doc) {
    xml::reader rd(doc);
    std::string all;
    while (rd.next()) {
        std::string buf(rd.raw().size(), '\0');
        std::string_view t;
        if (rd.kind() == xml::token::text) {
            REQUIRE(rd.text(t, smsgw::mutable_bytes(buf)).ok());
            all += t;
        }
        for (const xml::attribute& a : rd.attributes()) {
            std::string ab(a.raw.size(), '\0');
            REQUIRE(a.value(t, smsgw::mutable_bytes(ab)).ok());
            all += "[" + std::string(t) + "]";
        }
    }
    REQUIRE(rd.status().ok());
    return all;
}

}  // namespace

TEST_CASE("xml writer: a 5C batch document") {
    const std::string jpeg = "\xFF\xD8\xFF\xE0 not really a JPEG";
    const std::string out = written([&](xml::writer& x) {
        x.declaration().start("mms");
        x.start("mmsTitle").percent_text(std::string_view("彩信 主题"), smsgw::codec::percent::style::form).end("mmsTitle");
        x.element("mmsPictureType", "jpg");
        x.start("mmsPictureContent").base64_text(jpeg).end("mmsPictureContent");
        x.start("mmsBody").start("mmsBodyData").element("mmsMobile", "13811299999").end("mmsBodyData").end("mmsBody");
        x.end("mms");
    });
    CHECK(out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mms><mmsTitle>%E5%BD%A9%E4%BF%A1+%E4%B8%BB%E9%A2%98</mmsTitle>"
                 "<mmsPictureType>jpg</mmsPictureType><mmsPictureContent>/9j/4CBub3QgcmVhbGx5IGEgSlBFRw==</mmsPictureContent>"
                 "<mmsBody><mmsBodyData><mmsMobile>13811299999</mmsMobile></mmsBodyData></mmsBody></mms>");
}

TEST_CASE("xml writer: escapes, and what the reader gives back") {
    const std::string out = written([](xml::writer& x) {
        x.start("a").attribute("v", "&<>\"'\t\n\r x").text("&<>\"'\t\n\r ]]> 中\xF0\x9F\x98\x80").end("a");
    });
    CHECK(out == "<a v=\"&amp;&lt;&gt;&quot;&apos;&#9;&#10;&#13; x\">&amp;&lt;&gt;&quot;&apos;\t\n&#13; ]]&gt; 中\xF0\x9F\x98\x80</a>");
    CHECK(read_back(out) == "[&<>\"'\t\n\r x]&<>\"'\t\n\r ]]> 中\xF0\x9F\x98\x80");
    CHECK(written([](xml::writer& x) { x.start("e").end("e"); }) == "<e/>");
    CHECK(written([](xml::writer& x) { x.start("e").text("").end("e"); }) == "<e></e>");
    CHECK(written([](xml::writer& x) { x.start("e").attribute("a", "").end("e"); }) == "<e a=\"\"/>");
    CHECK(written([](xml::writer& x) {
              x.comment(" c ").processing_instruction("pi", "").start("r").processing_instruction("t", "d").end("r").comment("");
          }) == "<!-- c --><?pi?><r><?t d?></r><!---->");
}

TEST_CASE("xml writer: characters XML 1.0 forbids and bad UTF-8 are refused, never replaced") {
    for (std::string_view bad : {std::string_view("ok\x01"), std::string_view("ok\x0B"), std::string_view("ok\0", 3),
                                 std::string_view("ok\xEF\xBF\xBE"), std::string_view("ok\xEF\xBF\xBF")}) {
        CHECK(error_of([&](xml::writer& x) { x.start("a").text(bad).end("a"); }) == smsgw::result{errc::bad_character, 2});
        CHECK(error_of([&](xml::writer& x) { x.start("a").attribute("b", bad).end("a"); }) ==
              smsgw::result{errc::bad_character, 2});
    }
    for (std::string_view bad : {std::string_view("ok\xC0\xAF"), std::string_view("ok\xED\xA0\x80"),
                                 std::string_view("ok\xE4\xB8"), std::string_view("ok\xFF")}) {
        CHECK(error_of([&](xml::writer& x) { x.start("a").text(bad).end("a"); }) == smsgw::result{errc::invalid_utf8, 2});
        CHECK(error_of([&](xml::writer& x) { x.start("a").comment(bad).end("a"); }) == smsgw::result{errc::invalid_utf8, 2});
    }
    // The first error sticks.
    CHECK(error_of([](xml::writer& x) { x.start("a").text("\x01").end("b").end("a"); }) ==
          smsgw::result{errc::bad_character, 0});
}

TEST_CASE("xml writer: names, comments and PIs are checked") {
    CHECK(error_of([](xml::writer& x) { x.start(""); }) == smsgw::result{errc::bad_name, 0});
    CHECK(error_of([](xml::writer& x) { x.start("1a"); }) == smsgw::result{errc::bad_name, 0});
    CHECK(error_of([](xml::writer& x) { x.start("a b"); }) == smsgw::result{errc::bad_name, 1});
    CHECK(error_of([](xml::writer& x) { x.start("a>"); }) == smsgw::result{errc::bad_name, 1});
    CHECK(error_of([](xml::writer& x) { x.start("a\xC0"); }) == smsgw::result{errc::invalid_utf8, 1});
    CHECK(error_of([](xml::writer& x) { x.start("r").attribute("x=", "1"); }) == smsgw::result{errc::bad_name, 1});
    CHECK(written([](xml::writer& x) { x.start("中:_-.9").end("中:_-.9"); }) == "<中:_-.9/>");
    CHECK(error_of([](xml::writer& x) { x.comment("a--b"); }) == smsgw::result{errc::bad_comment, 1});
    CHECK(error_of([](xml::writer& x) { x.comment("a-"); }) == smsgw::result{errc::bad_comment, 1});
    CHECK(error_of([](xml::writer& x) { x.processing_instruction("xml", "v"); }) == smsgw::result{errc::bad_name, 0});
    CHECK(error_of([](xml::writer& x) { x.processing_instruction("XmL", "v"); }) == smsgw::result{errc::bad_name, 0});
    CHECK(error_of([](xml::writer& x) { x.processing_instruction("p", "a?>b"); }) == smsgw::result{errc::bad_character, 1});
    CHECK(error_of([](xml::writer& x) { x.processing_instruction("p q", ""); }) == smsgw::result{errc::bad_name, 1});
}

TEST_CASE("xml writer: structure errors at the output size of the faulty call") {
    CHECK(error_of([](xml::writer&) {}) == smsgw::result{errc::missing_root, 0});
    CHECK(error_of([](xml::writer& x) { x.declaration(); }) == smsgw::result{errc::missing_root, 38});
    CHECK(error_of([](xml::writer& x) { x.start("a"); }) == smsgw::result{errc::truncated, 2});
    CHECK(error_of([](xml::writer& x) { x.start("a").end("b"); }) == smsgw::result{errc::mismatched_tag, 2});
    CHECK(error_of([](xml::writer& x) { x.end("a"); }) == smsgw::result{errc::unbalanced, 0});
    CHECK(error_of([](xml::writer& x) { x.start("a").end("a").start("b"); }) == smsgw::result{errc::outside_root, 4});
    CHECK(error_of([](xml::writer& x) { x.text("x"); }) == smsgw::result{errc::outside_root, 0});
    CHECK(error_of([](xml::writer& x) { x.start("a").end("a").text("\n"); }) == smsgw::result{errc::outside_root, 4});
    CHECK(error_of([](xml::writer& x) { x.base64_text(std::string_view("x")); }) == smsgw::result{errc::outside_root, 0});
    CHECK(error_of([](xml::writer& x) { x.comment("c").declaration(); }) == smsgw::result{errc::bad_declaration, 8});
    CHECK(error_of([](xml::writer& x) { x.declaration().declaration(); }) == smsgw::result{errc::bad_declaration, 38});
    CHECK(error_of([](xml::writer& x) { x.start("a").text("t").attribute("b", "1"); }) ==
          smsgw::result{errc::bad_attribute, 4});
    CHECK(error_of([](xml::writer& x) { x.start("a").attribute("b", "1").attribute("b", "2"); }) ==
          smsgw::result{errc::duplicate_field, 8});
    // Limits, one under and one over.
    CHECK(error_of([](xml::writer& x) {
              for (std::size_t i = 0; i < xml::writer::max_depth; ++i) x.start("a");
              for (std::size_t i = 0; i < xml::writer::max_depth; ++i) x.end("a");
          }).ok());
    CHECK(error_of([](xml::writer& x) {
              for (std::size_t i = 0; i <= xml::writer::max_depth; ++i) x.start("a");
          }) == smsgw::result{errc::too_deep, 3 * xml::writer::max_depth});
    std::string names[xml::max_attribute_limit + 1];
    for (std::size_t i = 0; i <= xml::max_attribute_limit; ++i) names[i] = "a" + std::to_string(i);
    smsgw::writer measure;
    xml::writer many(measure);
    many.start("r");
    for (std::size_t i = 0; i < xml::max_attribute_limit; ++i) many.attribute(names[i], "");
    CHECK(many.ok());
    const std::size_t at = measure.size();
    many.attribute(names[xml::max_attribute_limit], "");
    CHECK(many.end("r").finish() == smsgw::result{errc::too_many_attributes, at});
}

TEST_CASE("xml writer: a short buffer says the size needed, measuring allocates nothing") {
    const std::string picture(3000, 'x');
    auto build = [&picture](xml::writer& x) {
        x.declaration().start("mms").start("mmsPictureContent").base64_text(picture).end("mmsPictureContent");
        x.start("t").percent_text(std::string_view("a b&c"), smsgw::codec::percent::style::component).end("t").end("mms");
    };
    const std::string full = written(build);
    CHECK(full.size() == 38 + 5 + 19 + smsgw::codec::base64::encoded_size(3000) + 20 + 3 + 9 + 4 + 6);
    std::string small(10, '\0');
    smsgw::test::alloc_counter guard;
    smsgw::writer w(small.data(), small.size());
    xml::writer x(w);
    x.declaration().start("mms").start("mmsPictureContent");
    x.text("plain").end("mmsPictureContent").end("mms");
    CHECK(x.finish() == smsgw::result{errc::buffer_too_small, 38 + 5 + 19 + 5 + 20 + 6});
    CHECK(guard.count() == 0);
}
