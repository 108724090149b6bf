// Formats `xml` (XML 1.0, strict) and `xml-tolerant` (also whitespace before the declaration
// and a '&' that starts no reference, as hand-made XML has them): the document as a JSON tree,
//   {"declaration":{"version":..,"encoding":..},"doctype":{"name":..,"external_id":..},
//    "nodes":[{"element":"mms","attributes":{..},"children":[{"text":".."},{"cdata":".."},
//    {"comment":".."},{"pi":"target","data":".."},{"element":..}]}]}
// with every value decoded, or the error and the offset where the input went wrong.
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/codec/xml_reader.hpp"

namespace {

namespace json = smsgw::codec::json;
namespace xml = smsgw::codec::xml;

// An element takes two JSON levels (its object and its children), the document two more.
constexpr std::size_t deepest = (json::writer::max_depth - 2) / 2;

void tree(std::string_view input, const xml::read_options& o, std::string& scratch, json::writer& j) {
    const smsgw::mutable_bytes buf(scratch);
    xml::reader rd(input, o);
    std::string_view v;
    bool nodes_open = false;
    auto open_nodes = [&] {
        if (!nodes_open) j.key("nodes").begin_array();
        nodes_open = true;
    };
    while (rd.next()) {
        switch (rd.kind()) {
        case xml::token::declaration:
            j.key("declaration").begin_object();
            for (const xml::attribute& a : rd.attributes()) j.member(a.name, a.raw);
            j.end_object();
            break;
        case xml::token::doctype:
            j.key("doctype").begin_object().member("name", rd.name()).member("external_id", rd.raw()).end_object();
            break;
        case xml::token::start_element:
            open_nodes();
            j.begin_object().member("element", rd.name());
            if (!rd.attributes().empty()) {
                j.key("attributes").begin_object();
                for (const xml::attribute& a : rd.attributes()) {
                    a.value(v, buf);
                    j.member(a.name, v);
                }
                j.end_object();
            }
            j.key("children").begin_array();
            break;
        case xml::token::end_element: j.end_array().end_object(); break;
        case xml::token::text:
        case xml::token::cdata:
        case xml::token::comment:
            open_nodes();
            rd.text(v, buf);
            j.begin_object()
                .member(rd.kind() == xml::token::text ? "text" : rd.kind() == xml::token::cdata ? "cdata" : "comment", v)
                .end_object();
            break;
        case xml::token::processing_instruction:
            open_nodes();
            rd.text(v, buf);
            j.begin_object().member("pi", rd.name()).member("data", v).end_object();
            break;
        case xml::token::none: break;
        }
    }
    if (nodes_open) j.end_array();
}

int run(const inspect::args& a, std::string_view input, std::string& out, xml::mode m) {
    if (!a.empty()) return 2;
    xml::read_options o;
    o.m = m;
    o.max_depth = deepest;
    xml::reader check(input, o);
    while (check.next()) {
    }
    if (const smsgw::result r = check.status(); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    std::string scratch(input.size(), '\0');
    inspect::emit(out, [&](json::writer& j) { tree(input, o, scratch, j); });
    return 0;
}

int run_xml(const inspect::args& a, std::string_view input, std::string& out) {
    return run(a, input, out, xml::mode::strict);
}

int run_xml_tolerant(const inspect::args& a, std::string_view input, std::string& out) {
    return run(a, input, out, xml::mode::tolerant);
}

const inspect::registrar strict_format{{"xml", "an XML 1.0 document (UTF-8, no internal DTD subset), as a JSON tree", &run_xml}};
const inspect::registrar tolerant_format{
    {"xml-tolerant", "XML as hand-made senders write it: whitespace before <?xml, a bare '&'", &run_xml_tolerant}};

}  // namespace
