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
#include "smsgw/codec/xml_writer.hpp"

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

// The tree back to a document: the declaration and doctype as printed, then every node
// through xml::writer (text escaped), a CDATA section as it stands.
bool string_member(inspect::reader& in, const json::object& node, const char* key, std::string_view& value, const std::string& path) {
    json::value v;
    if (!node.find(key, v)) return in.refuse(smsgw::errc::missing_field, node.as_value(), path + "." + key);
    return in.text(v, value, path + "." + key);
}

struct rebuild {
    inspect::reader& in;
    smsgw::writer& out;
    xml::writer& x;

    bool nodes(const json::value& list, const std::string& path) {
        json::array items;
        if (const smsgw::result r = list.get(items); !r) return in.refuse(r, path);
        std::size_t i = 0;
        for (const json::value& item : items) {
            if (!node(item, path + "[" + std::to_string(i++) + "]")) return false;
        }
        return true;
    }

    bool node(const json::value& item, const std::string& path) {
        json::object n;
        json::value v;
        std::string_view name, value;
        if (const smsgw::result r = item.get(n); !r) return in.refuse(r, path);
        if (n.find("element", v)) {
            if (!in.text(v, name, path + ".element")) return false;
            x.start(name);
            if (n.find("attributes", v)) {
                json::object attributes;
                if (const smsgw::result r = v.get(attributes); !r) return in.refuse(r, path + ".attributes");
                for (const json::member& a : attributes) {
                    std::string_view key;
                    if (!in.text(a.key, key, path + ".attributes") || !in.text(a.value, value, path + ".attributes." + std::string(key))) {
                        return false;
                    }
                    x.attribute(key, value);
                }
            }
            if (!n.find("children", v)) return in.refuse(smsgw::errc::missing_field, item, path + ".children");
            if (!nodes(v, path + ".children")) return false;
            x.end(name);
        } else if (n.find("text", v)) {
            if (!in.text(v, value, path + ".text")) return false;
            x.text(value);
        } else if (n.find("cdata", v)) {
            if (!in.text(v, value, path + ".cdata")) return false;
            x.text({});  // closes a start tag left open
            out.write(std::string_view("<![CDATA["));
            out.write(value);
            out.write(std::string_view("]]>"));
        } else if (n.find("comment", v)) {
            if (!in.text(v, value, path + ".comment")) return false;
            x.comment(value);
        } else if (n.find("pi", v)) {
            if (!in.text(v, name, path + ".pi") || !string_member(in, n, "data", value, path)) return false;
            x.processing_instruction(name, value);
        } else {
            return in.refuse(smsgw::errc::missing_field, item, path + ".element");
        }
        return true;
    }
};

bool encode_xml(const inspect::args&, const json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    json::value v;
    std::string head;
    if (message.find("declaration", v)) {
        json::object declaration;
        if (const smsgw::result r = v.get(declaration); !r) return in.refuse(r, ".declaration");
        head += "<?xml";
        for (const json::member& m : declaration) {
            std::string_view name, value;
            if (!in.text(m.key, name, ".declaration") || !in.text(m.value, value, ".declaration." + std::string(name))) return false;
            head.append(" ").append(name).append("=\"").append(value).append("\"");
        }
        head += "?>\n";
    }
    if (message.find("doctype", v)) {
        json::object doctype;
        std::string_view name, id;
        if (const smsgw::result r = v.get(doctype); !r) return in.refuse(r, ".doctype");
        if (!string_member(in, doctype, "name", name, ".doctype") || !string_member(in, doctype, "external_id", id, ".doctype")) {
            return false;
        }
        head.append("<!DOCTYPE ").append(name);
        if (!id.empty()) head.append(" ").append(id);
        head += ">\n";
    }
    if (!message.find("nodes", v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".nodes");
    const smsgw::result r = smsgw::write_append(bytes, [&](smsgw::writer& w) {
        w.write(std::string_view(head));
        xml::writer x(w);
        rebuild tree{in, w, x};
        tree.nodes(v, ".nodes");
        return x.finish();
    });
    return r ? in.ok() : in.refuse(r, ".nodes");
}

int run_xml(const inspect::args& a, std::string_view input, std::string& out) {
    return run(a, input, out, xml::mode::strict);
}

int run_xml_tolerant(const inspect::args& a, std::string_view input, std::string& out) {
    return run(a, input, out, xml::mode::tolerant);
}

const inspect::registrar strict_format{{"xml", "an XML 1.0 document (UTF-8, no internal DTD subset), as a JSON tree",
                                        &run_xml, &inspect::on_object<encode_xml>, "xml-strict/doctype-cdata-comment-pi.xml"}};
const inspect::registrar tolerant_format{{"xml-tolerant",
                                          "XML as hand-made senders write it: whitespace before <?xml, a bare '&'",
                                          &run_xml_tolerant, &inspect::on_object<encode_xml>, "xml-tolerant/php-leading-line-bare-ampersand.xml"}};

}  // namespace
