// The XML reader against the productions of XML 1.0 (Fifth Edition): documents that are
// well-formed read token by token, documents that are not refused at the first error's offset,
// the DOCTYPE refusals that keep entity expansion out, the limits one under and one over,
// tolerant mode, decoding into caller buffers and zero allocation.
#include "smsgw/codec/xml_reader.hpp"

#include <string>
#include <string_view>

#include "smsgw/codec/xml_copy.hpp"
#include "smsgw/codec/xml_writer.hpp"
#include "test.hpp"

using smsgw::errc;
namespace xml = smsgw::codec::xml;

namespace {

constexpr xml::read_options tolerant{xml::mode::tolerant};

std::string decoded(const xml::reader& rd) {
    std::string buf(rd.raw().size(), '\0');
    std::string_view t;
    REQUIRE(rd.text(t, smsgw::mutable_bytes(buf)).ok());
    return std::string(t);
}

// Every token as a word: <name a=v> </name> t[text] c[cdata] !--[comment] ?target[data]
// ?xml(version=...) !DOCTYPE(name raw); values decoded.
std::string tokens(std::string_view doc, const xml::read_options& o = {}) {
    xml::reader rd(doc, o);
    std::string out;
    while (rd.next()) {
        if (!out.empty()) out += ' ';
        switch (rd.kind()) {
        case xml::token::declaration:
        case xml::token::start_element:
            out += rd.kind() == xml::token::declaration ? "?xml(" : "<" + std::string(rd.name());
            for (const xml::attribute& a : rd.attributes()) {
                std::string buf(a.raw.size(), '\0');
                std::string_view v;
                REQUIRE(a.value(v, smsgw::mutable_bytes(buf)).ok());
                out += " " + std::string(a.name) + "=" + std::string(v);
            }
            out += rd.kind() == xml::token::declaration ? ")" : ">";
            break;
        case xml::token::end_element: out += "</" + std::string(rd.name()) + ">"; break;
        case xml::token::text: out += "t[" + decoded(rd) + "]"; break;
        case xml::token::cdata: out += "c[" + decoded(rd) + "]"; break;
        case xml::token::comment: out += "!--[" + decoded(rd) + "]"; break;
        case xml::token::processing_instruction: out += "?" + std::string(rd.name()) + "[" + decoded(rd) + "]"; break;
        case xml::token::doctype: out += "!DOCTYPE(" + std::string(rd.name()) + " " + std::string(rd.raw()) + ")"; break;
        case xml::token::none: FAIL("token none"); break;
        }
    }
    const smsgw::result r = rd.status();
    INFO(doc << " -> " << r.message() << " at " << r.offset);
    REQUIRE(r.ok());
    CHECK(r.offset == doc.size());
    return out;
}

smsgw::result error_of(std::string_view doc, const xml::read_options& o = {}) {
    xml::reader rd(doc, o);
    while (rd.next()) {
    }
    CHECK(!rd.next());
    return rd.status();
}

void refused(std::string_view doc, errc e, std::size_t offset, const xml::read_options& o = {}) {
    const smsgw::result r = error_of(doc, o);
    INFO(doc << " -> " << r.message() << " at " << r.offset);
    CHECK(r.ec == e);
    CHECK(r.offset == offset);
}

// 5c-mms-api.txt §3.3, the submission example as printed (the inspector's sample of it).
const std::string five_c_example = smsgw::test::read_file(SMSGW_SOURCE_DIR "/examples/samples/xml-strict/5c-batch-example.xml");

}  // namespace

TEST_CASE("xml: the 5C batch example as printed is well-formed") {
    REQUIRE(five_c_example.size() == 594);
    xml::reader rd(five_c_example);
    std::string mobiles;
    std::string_view title;
    while (rd.next()) {
        if (rd.kind() != xml::token::start_element) continue;
        std::string_view v;
        if (rd.name() == "mmsMobile") {
            REQUIRE(rd.element_text(v).ok());
            mobiles += std::string(v) + ";";
        } else if (rd.name() == "mmsTitle") {
            REQUIRE(rd.element_text(title).ok());
        }
    }
    REQUIRE(rd.status().ok());
    CHECK(mobiles == "13811299999;18610310066;");
    CHECK(title == "彩信主题(UTF-8->Urlencode 编码)");
    CHECK(tokens(five_c_example).substr(0, 57) == "?xml( version=1.0 encoding=UTF-8) <mms> t[\n  ] <mmsTitle>");
}

TEST_CASE("xml: document, prolog and elements (§2.1, §2.8, §3.1)") {
    CHECK(tokens("<doc/>") == "<doc> </doc>");
    CHECK(tokens("<doc></doc>") == "<doc> </doc>");
    CHECK(tokens("<doc></doc  >") == "<doc> </doc>");
    CHECK(tokens("\n <doc/>\n\t ") == "<doc> </doc>");
    CHECK(tokens("<?xml version=\"1.0\"?><doc/>") == "?xml( version=1.0) <doc> </doc>");
    CHECK(tokens("<?xml version='1.10' encoding=\"utf-8\" standalone='yes'?>\n<doc/>") ==
          "?xml( version=1.10 encoding=utf-8 standalone=yes) <doc> </doc>");
    CHECK(tokens("<?xml version=\"1.0\" standalone=\"no\" ?><doc/>") == "?xml( version=1.0 standalone=no) <doc> </doc>");
    CHECK(tokens("<?xml version = \"1.0\" encoding = 'US-ASCII'?><doc/>") == "?xml( version=1.0 encoding=US-ASCII) <doc> </doc>");
    CHECK(tokens("\xEF\xBB\xBF<doc/>") == "<doc> </doc>");
    CHECK(tokens("\xEF\xBB\xBF<?xml version=\"1.0\"?><doc/>") == "?xml( version=1.0) <doc> </doc>");
    CHECK(tokens("<a><b><c>x</c></b><d/></a>") == "<a> <b> <c> t[x] </c> </b> <d> </d> </a>");
    CHECK(tokens("<doc>\n</doc>") == "<doc> t[\n] </doc>");
    // Name (§2.3): ':' '_' and letters start, digits '-' '.' U+00B7 continue; beyond ASCII.
    CHECK(tokens("<_a-b.c:d9\xC2\xB7/>") == "<_a-b.c:d9\xC2\xB7> </_a-b.c:d9\xC2\xB7>");
    CHECK(tokens("<:x/>") == "<:x> </:x>");
    CHECK(tokens("<中文 属性=\"值\"/>") == "<中文 属性=值> </中文>");
    CHECK(tokens("<\xF0\x90\x80\x80/>") == "<\xF0\x90\x80\x80> </\xF0\x90\x80\x80>");
    // Misc after the root.
    CHECK(tokens("<doc/><!-- c --><?pi x?>\n") == "<doc> </doc> !--[ c ] ?pi[x]");
}

TEST_CASE("xml: self-closing elements, depth and offsets") {
    xml::reader rd("<a><b x='1'/></a>");
    REQUIRE(rd.next());
    CHECK(rd.kind() == xml::token::start_element);
    CHECK(rd.depth() == 1);
    CHECK(!rd.self_closing());
    REQUIRE(rd.next());
    CHECK(rd.name() == "b");
    CHECK(rd.self_closing());
    CHECK(rd.depth() == 2);
    CHECK(rd.offset() == 3);
    REQUIRE(rd.next());
    CHECK(rd.kind() == xml::token::end_element);
    CHECK(rd.name() == "b");
    CHECK(rd.depth() == 1);
    CHECK(rd.attributes().empty());
    REQUIRE(rd.next());
    CHECK(rd.offset() == 13);
    CHECK(rd.depth() == 0);
    CHECK(!rd.next());
    CHECK(rd.status() == smsgw::result{errc{}, 17});
}

TEST_CASE("xml: attributes (§3.1) and their normalization (§3.3.3)") {
    CHECK(tokens("<doc a1=\"v1\" a2 = 'v2'\n\ta3='\"'/>") == "<doc a1=v1 a2=v2 a3=\"> </doc>");
    CHECK(tokens("<doc a=''/>") == "<doc a=> </doc>");
    CHECK(tokens("<doc a=\"x&#10;y&#9;z&#13;w\"/>") == "<doc a=x\ny\tz\rw> </doc>");
    CHECK(tokens("<doc b=\"1\n2\t3\r\n4\r5\"/>") == "<doc b=1 2 3 4 5> </doc>");
    CHECK(tokens("<doc c=\"&lt;&amp;&gt;&apos;&quot;>\"/>") == "<doc c=<&>'\">> </doc>");
    xml::reader rd("<doc id=\"7\" b='x&amp;y'/>");
    REQUIRE(rd.next());
    xml::attribute a;
    REQUIRE(rd.attributes().find("b", a));
    CHECK(a.raw == "x&amp;y");
    CHECK(a.offset == 12);
    CHECK(a.needs_decoding);
    std::string_view v;
    CHECK(a.value(v).ec == errc::buffer_too_small);
    CHECK(a.value(v).offset == 3);
    char buf[3];
    REQUIRE(a.value(v, smsgw::mutable_bytes(buf)).ok());
    CHECK(v == "x&y");
    REQUIRE(rd.attributes().find("id", a));
    CHECK(!a.needs_decoding);
    REQUIRE(a.value(v).ok());
    CHECK(v.data() == rd.attributes().begin()->raw.data());
    CHECK(!rd.attributes().find("c", a));
}

TEST_CASE("xml: character data, references and line ends (§2.4, §2.11, §4.1, §4.6)") {
    CHECK(tokens("<a>&lt;&gt;&amp;&apos;&quot;</a>") == "<a> t[<>&'\"] </a>");
    CHECK(tokens("<a>&#65;&#x42;&#x63;&#0000068;&#x00045;</a>") == "<a> t[ABcDE] </a>");
    CHECK(tokens("<a>&#x10FFFF;&#xFFFD;&#x9;&#x20;&#xE000;</a>") == "<a> t[\xF4\x8F\xBF\xBF\xEF\xBF\xBD\t \xEE\x80\x80] </a>");
    CHECK(tokens("<a>x\r\ny\rz\n\r</a>") == "<a> t[x\ny\nz\n\n] </a>");
    CHECK(tokens("<a>]] > ]</a>") == "<a> t[]] > ]] </a>");
    // Chars: DEL, C1 controls, U+FFFD and the astral planes are Chars.
    CHECK(tokens("<a>\x7F\xC2\x85\xEF\xBF\xBD\xF0\x9F\x98\x80</a>") == "<a> t[\x7F\xC2\x85\xEF\xBF\xBD\xF0\x9F\x98\x80] </a>");
    xml::reader rd("<a>plain text</a>");
    REQUIRE(rd.next());
    REQUIRE(rd.next());
    CHECK(!rd.needs_decoding());
    std::string_view t;
    REQUIRE(rd.text(t).ok());
    CHECK(t.data() == rd.raw().data());
    xml::reader rd2("<a>x&amp;y</a>");
    REQUIRE(rd2.next());
    REQUIRE(rd2.next());
    CHECK(rd2.needs_decoding());
    CHECK(rd2.text(t).ec == errc::buffer_too_small);
    CHECK(rd2.text(t).offset == 3);
    char small[2];
    CHECK(rd2.text(t, smsgw::mutable_bytes(small)) == smsgw::result{errc::buffer_too_small, 3});
}

TEST_CASE("xml: CDATA, comments, processing instructions (§2.5, §2.6, §2.7)") {
    CHECK(tokens("<a><![CDATA[<&>]]]]></a>") == "<a> c[<&>]]] </a>");
    CHECK(tokens("<a><![CDATA[]]></a>") == "<a> c[] </a>");
    CHECK(tokens("<a><![CDATA[x\r\ny]]></a>") == "<a> c[x\ny] </a>");
    CHECK(tokens("<!----><a/>") == "!--[] <a> </a>");
    CHECK(tokens("<!-- - x - --><a/>") == "!--[ - x - ] <a> </a>");
    CHECK(tokens("<a><!--<&>--></a>") == "<a> !--[<&>] </a>");
    CHECK(tokens("<?pi?><a/>") == "?pi[] <a> </a>");
    CHECK(tokens("<?pi  x ? y ?><a/>") == "?pi[x ? y ] <a> </a>");
    CHECK(tokens("<?xml-stylesheet href='a'?><a/>") == "?xml-stylesheet[href='a'] <a> </a>");
    CHECK(tokens("<a><?xmlx?></a>") == "<a> ?xmlx[] </a>");
}

TEST_CASE("xml: a DOCTYPE without internal subset is read, never fetched (§2.8)") {
    CHECK(tokens("<!DOCTYPE doc><doc/>") == "!DOCTYPE(doc ) <doc> </doc>");
    CHECK(tokens("<?xml version=\"1.0\"?>\n<!DOCTYPE doc SYSTEM \"doc.dtd\" >\n<doc/>") ==
          "?xml( version=1.0) !DOCTYPE(doc SYSTEM \"doc.dtd\") <doc> </doc>");
    CHECK(tokens("<!DOCTYPE doc PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" 'x.dtd'><doc/>") ==
          "!DOCTYPE(doc PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" 'x.dtd') <doc> </doc>");
}

TEST_CASE("xml: entity declarations are refused, so nothing expands (no XXE, no billion laughs)") {
    refused("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", errc::doctype_refused, 12);
    refused("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><lolz>&lol2;</lolz>",
            errc::doctype_refused, 15);
    refused("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><a>&xxe;</a>",
            errc::doctype_refused, 33);
    refused("<!DOCTYPE a SYSTEM \"a.dtd\" [ ]><a/>", errc::doctype_refused, 27);
    refused("<!DOCTYPE a[]><a/>", errc::doctype_refused, 11);
    // Without a declaration an entity is not declared (WFC: Entity Declared).
    refused("<a>&x;</a>", errc::bad_reference, 3);
    refused("<!ENTITY x \"y\"><a/>", errc::bad_character, 2);
}

TEST_CASE("xml: what is not well-formed, at the first error's offset") {
    // Document.
    refused("", errc::missing_root, 0);
    refused("  \n", errc::missing_root, 3);
    refused("<?xml version=\"1.0\"?><!-- c -->", errc::missing_root, 31);
    refused("<a/><b/>", errc::outside_root, 4);
    refused("<a/>x", errc::outside_root, 4);
    refused("x<a/>", errc::outside_root, 0);
    refused("<a/>&amp;", errc::outside_root, 4);
    refused("<![CDATA[x]]><a/>", errc::outside_root, 0);
    refused("<a/><![CDATA[x]]>", errc::outside_root, 4);
    refused("</a>", errc::unbalanced, 0);
    refused("<a/></a>", errc::unbalanced, 4);
    // Element Type Match.
    refused("<a></b>", errc::mismatched_tag, 5);
    refused("<a></ab>", errc::mismatched_tag, 5);
    refused("<ab></a>", errc::mismatched_tag, 6);
    refused("<a><b></a></b>", errc::mismatched_tag, 8);
    refused("<a></a x>", errc::bad_character, 7);
    refused("<a/ >", errc::bad_character, 3);
    // Names.
    refused("<1a/>", errc::bad_name, 1);
    refused("< a/>", errc::bad_name, 1);
    refused("<-a/>", errc::bad_name, 1);
    refused("<\xC2\xB7/>", errc::bad_name, 1);
    refused("<a 1b='x'/>", errc::bad_name, 3);
    refused("<a></ a>", errc::bad_name, 5);
    refused("<a\xC0\xAF/>", errc::invalid_utf8, 2);
    // Attributes: S between them, Eq, quotes, No < in Attribute Values, Unique Att Spec.
    refused("<a b='1'c='2'/>", errc::bad_attribute, 8);
    refused("<a b/>", errc::bad_attribute, 4);
    refused("<a b=1/>", errc::bad_attribute, 5);
    refused("<a b=\"<\"/>", errc::bad_character, 6);
    refused("<a b=\"1\" b=\"2\"/>", errc::duplicate_field, 9);
    refused("<a b='&foo;'/>", errc::bad_reference, 6);
    refused("<a b='\x01'/>", errc::bad_character, 6);
    refused("<a b='\xFF'/>", errc::invalid_utf8, 6);
    // References (§4.1 Legal Character).
    refused("<a>&#0;</a>", errc::bad_reference, 3);
    refused("<a>&#x1F;</a>", errc::bad_reference, 3);
    refused("<a>&#xD800;</a>", errc::bad_reference, 3);
    refused("<a>&#xFFFE;</a>", errc::bad_reference, 3);
    refused("<a>&#x110000;</a>", errc::bad_reference, 3);
    refused("<a>&#99999999999;</a>", errc::bad_reference, 3);
    refused("<a>&#65</a>", errc::bad_reference, 3);
    refused("<a>&#x;</a>", errc::bad_reference, 3);
    refused("<a>&#;</a>", errc::bad_reference, 3);
    refused("<a>&#xG;</a>", errc::bad_reference, 3);
    refused("<a>& </a>", errc::bad_reference, 3);
    refused("<a>&amp</a>", errc::bad_reference, 3);
    refused("<a>&AMP;</a>", errc::bad_reference, 3);
    // Characters (§2.2) and CharData (§2.4).
    refused("<a>]]></a>", errc::bad_character, 3);
    refused("<a>x\x01</a>", errc::bad_character, 4);
    refused("<a>\x0B</a>", errc::bad_character, 3);
    refused("<a>\xEF\xBF\xBE</a>", errc::bad_character, 3);
    refused("<a>\xEF\xBF\xBF</a>", errc::bad_character, 3);
    refused("<a>\xED\xA0\x80</a>", errc::invalid_utf8, 3);
    refused("<a>\xC0\xAF</a>", errc::invalid_utf8, 3);
    refused("<a><![CDATA[\x02]]></a>", errc::bad_character, 12);
    refused("<!--\x02--><a/>", errc::bad_character, 4);
    refused("<a><?pi \x02?></a>", errc::bad_character, 8);
    // Comments.
    refused("<!-- a -- b --><a/>", errc::bad_comment, 7);
    refused("<!-- a ---><a/>", errc::bad_comment, 7);
    refused("<!---><a/>", errc::truncated, 10);
    // Declarations and PIs.
    refused(" <?xml version=\"1.0\"?><a/>", errc::bad_declaration, 1);
    refused("<a/><?xml version=\"1.0\"?>", errc::bad_declaration, 4);
    refused("<?XML version=\"1.0\"?><a/>", errc::bad_declaration, 0);
    refused("<a><?xMl x?></a>", errc::bad_declaration, 3);
    refused("<?xml?><a/>", errc::bad_declaration, 5);
    refused("<?xml encoding=\"UTF-8\"?><a/>", errc::bad_declaration, 6);
    refused("<?xml version=\"2.0\"?><a/>", errc::bad_declaration, 15);
    refused("<?xml version=\"1.\"?><a/>", errc::bad_declaration, 15);
    refused("<?xml version=\"1.0\"encoding=\"UTF-8\"?><a/>", errc::bad_declaration, 19);
    refused("<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>", errc::bad_declaration, 37);
    refused("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", errc::bad_declaration, 32);
    refused("<?xml version=\"1.0\" encoding=\"8bit\"?><a/>", errc::bad_declaration, 30);
    refused("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>", errc::unsupported_charset, 30);
    refused("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", errc::unsupported_charset, 30);
    refused("<?xml version=1.0?><a/>", errc::bad_declaration, 14);
    refused("<?xml version=\"1.0\" ?x><a/>", errc::bad_declaration, 20);
    refused("<?pi?x?><a/>", errc::bad_character, 4);
    refused("<a/><!DOCTYPE a>", errc::bad_declaration, 4);
    refused("<!DOCTYPE a><!DOCTYPE a><a/>", errc::bad_declaration, 12);
    refused("<!DOCTYPEa><a/>", errc::bad_declaration, 9);
    refused("<!DOCTYPE a SYSTEM><a/>", errc::bad_declaration, 18);
    refused("<!DOCTYPE a PUBLIC \"{\" \"x\"><a/>", errc::bad_declaration, 20);
    refused("<!DOCTYPE a x><a/>", errc::bad_declaration, 12);
    refused("<!x><a/>", errc::bad_character, 2);
}

TEST_CASE("xml: a document cut anywhere is truncated or missing its root, never read past") {
    const std::string doc = "<?xml version=\"1.0\"?><!DOCTYPE a SYSTEM 'x'><a b='1&amp;'><!--c--><?p d?><![CDATA[x]]>t&#65;</a>";
    REQUIRE(error_of(doc).ok());
    for (std::size_t n = 0; n < doc.size(); ++n) {
        const std::string cut = doc.substr(0, n);
        const smsgw::result r = error_of(cut);
        INFO(cut << " -> " << r.message() << " at " << r.offset);
        CHECK(!r.ok());
        CHECK(r.offset <= n);
        CHECK((r.ec == errc::truncated || r.ec == errc::missing_root || r.ec == errc::bad_reference ||
               r.ec == errc::bad_declaration || r.ec == errc::bad_name));
    }
    refused("<", errc::truncated, 1);
    refused("<a", errc::truncated, 2);
    refused("<a>", errc::truncated, 3);
    refused("<a>text", errc::truncated, 7);
    refused("<a b='1", errc::truncated, 7);
    refused("<a><!-", errc::truncated, 6);
    refused("<a><![CDA", errc::truncated, 9);
    refused("<!DOCTY", errc::truncated, 7);
}

TEST_CASE("xml: limits of depth, attributes and name length, one under and one over") {
    xml::read_options o;
    o.max_depth = 3;
    CHECK(tokens("<a><a><a/></a></a>", o) == "<a> <a> <a> </a> </a> </a>");
    refused("<a><a><a><a/></a></a></a>", errc::too_deep, 9, o);
    o = {};
    o.max_attributes = 2;
    CHECK(tokens("<a x='1' y='2'/>", o) == "<a x=1 y=2> </a>");
    refused("<a x='1' y='2' z='3'/>", errc::too_many_attributes, 15, o);
    o = {};
    o.max_name_length = 4;
    CHECK(tokens("<abcd efgh='1'><?ijkl?></abcd>", o) == "<abcd efgh=1> ?ijkl[] </abcd>");
    refused("<abcde/>", errc::name_too_long, 1, o);
    refused("<a abcde='1'/>", errc::name_too_long, 3, o);
    refused("<a><?abcde?></a>", errc::name_too_long, 5, o);
    refused("<!DOCTYPE abcde><a/>", errc::name_too_long, 10, o);
    // The defaults, and the hard bounds a larger option is cut to.
    std::string deep;
    for (int i = 0; i < 128; ++i) deep += "<a>";
    refused(deep + "<a>", errc::too_deep, 128 * 3);
    o = {};
    o.max_depth = 100000;
    std::string deeper;
    for (std::size_t i = 0; i < xml::max_nesting; ++i) deeper += "<a>";
    refused(deeper + "<a>", errc::too_deep, xml::max_nesting * 3, o);
    std::string attrs = "<a";
    for (int i = 0; i < 32; ++i) attrs += " a" + std::to_string(i) + "=''";
    CHECK(error_of(attrs + "/>").ok());
    refused(attrs + " z=''/>", errc::too_many_attributes, attrs.size() + 1);
    CHECK(error_of("<" + std::string(256, 'n') + "/>").ok());
    refused("<" + std::string(257, 'n') + "/>", errc::name_too_long, 1);
}

TEST_CASE("xml: tolerant mode reads what hand-made XML gets wrong, and nothing else") {
    CHECK(tokens("\n <?xml version=\"1.0\"?><a/>", tolerant) == "?xml( version=1.0) <a> </a>");
    CHECK(tokens("<a>a=1&b=2 &nbsp; &amp; &#</a>", tolerant) == "<a> t[a=1&b=2 &nbsp; & &#] </a>");
    CHECK(tokens("<a b='x&y&lt;'/>", tolerant) == "<a b=x&y<> </a>");
    refused("<a>a=1&b=2</a>", errc::bad_reference, 6);
    refused("<a/><?xml version=\"1.0\"?>", errc::bad_declaration, 4, tolerant);
    refused("<a></b>", errc::mismatched_tag, 5, tolerant);
    refused("<a>]]></a>", errc::bad_character, 3, tolerant);
    refused("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", errc::doctype_refused, 12, tolerant);
}

TEST_CASE("xml: element_text and skip_element") {
    xml::reader rd("<r><a>13811299999</a><b>x&amp;<![CDATA[<y>]]><!--c-->z</b><c/><d><e/></d><f>1<g/></f></r>");
    REQUIRE(rd.next());
    REQUIRE(rd.next());
    std::string_view v;
    REQUIRE(rd.element_text(v).ok());
    CHECK(v == "13811299999");
    CHECK(rd.kind() == xml::token::end_element);
    REQUIRE(rd.next());
    char buf[16];
    CHECK(rd.element_text(v) == smsgw::result{errc::buffer_too_small, 6});
    xml::reader again("<b>x&amp;<![CDATA[<y>]]><!--c-->z</b>");
    REQUIRE(again.next());
    REQUIRE(again.element_text(v, smsgw::mutable_bytes(buf)).ok());
    CHECK(v == "x&<y>z");
    REQUIRE(rd.next());
    REQUIRE(rd.element_text(v).ok());
    CHECK(v.empty());
    CHECK(rd.name() == "c");
    REQUIRE(rd.next());
    CHECK(rd.element_text(v).ec == errc::wrong_type);
    xml::reader skip("<r><d><e>t</e><e/></d><f/></r>");
    REQUIRE(skip.next());
    REQUIRE(skip.next());
    REQUIRE(skip.skip_element().ok());
    CHECK(skip.kind() == xml::token::end_element);
    CHECK(skip.name() == "d");
    REQUIRE(skip.next());
    CHECK(skip.name() == "f");
    CHECK(skip.skip_element().ok());
    CHECK(skip.element_text(v).ec == errc::wrong_type);
    xml::reader cut("<r><a>12");
    REQUIRE(cut.next());
    REQUIRE(cut.next());
    CHECK(cut.element_text(v) == smsgw::result{errc::truncated, 8});
    smsgw::writer w(buf, sizeof buf);
    xml::reader into("<a>1&lt;2</a>");
    REQUIRE(into.next());
    REQUIRE(into.element_text(w).ok());
    CHECK(std::string_view(buf, w.size()) == "1<2");
}

TEST_CASE("xml: copy re-writes canonically, and the copy reads the same") {
    const std::string doc = "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<!DOCTYPE r>\n"
                            "<r a=\"1&#10;2\" b='\"'><x>&lt;&#x4E2D;\r\n</x><![CDATA[<]]><!--c--><?p d?><e/></r>\n";
    std::string out(2 * doc.size(), '\0');
    std::string scratch(doc.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    xml::writer x(w);
    xml::reader rd(doc);
    REQUIRE(xml::copy(rd, x, smsgw::mutable_bytes(scratch)).ok());
    out.resize(w.size());
    CHECK(out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r a=\"1&#10;2\" b=\"&quot;\"><x>&lt;中\n</x>&lt;<!--c--><?p d?><e/></r>");
    std::string again = tokens(out);
    CHECK(again == "?xml( version=1.0 encoding=UTF-8) <r a=1\n2 b=\"> <x> t[<中\n] </x> t[<] !--[c] ?p[d] <e> </e> </r>");
    xml::reader bad("<r><x></r>");
    smsgw::writer w2(out.data(), out.size());
    xml::writer x2(w2);
    CHECK(xml::copy(bad, x2, smsgw::mutable_bytes(scratch)) == smsgw::result{errc::mismatched_tag, 8});
}

TEST_CASE("xml: reading allocates nothing") {
    const std::string& doc = five_c_example;
    smsgw::test::alloc_counter guard;
    std::size_t elements = 0, chars = 0;
    for (const xml::read_options& o : {xml::read_options{}, tolerant}) {
        xml::reader rd(doc, o);
        char scratch[256];
        while (rd.next()) {
            if (rd.kind() == xml::token::start_element) ++elements;
            std::string_view t;
            if (rd.kind() == xml::token::text && rd.text(t, smsgw::mutable_bytes(scratch)).ok()) chars += t.size();
            for (const xml::attribute& a : rd.attributes()) chars += a.raw.size();
        }
        CHECK(rd.status().ok());
    }
    CHECK(guard.count() == 0);
    CHECK(elements == 2 * 11);
    CHECK(chars > 0);
}
