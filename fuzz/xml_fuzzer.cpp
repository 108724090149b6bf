// Reads arbitrary bytes as XML in strict and tolerant mode. What reads is re-written by
// xml::copy (measured first, then written into exactly that size), and the copy must read in
// strict mode as an equivalent document: the same elements, attributes, character data (text
// and CDATA merged), comments and PIs. The copy of the copy must be the copy, byte for byte.
// element_text() and skip_element() must stop where a plain walk says.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "smsgw/codec/xml_copy.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/codec/xml_writer.hpp"

namespace xml = smsgw::codec::xml;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

void add(std::string& out, char tag, std::string_view s) {
    out += tag;
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

// The document's content as one string (values decoded, length-prefixed), and its status.
smsgw::result events(std::string_view doc, const xml::read_options& o, std::string& out) {
    xml::reader rd(doc, o);
    std::string scratch(doc.size(), '\0');
    std::string chars;
    std::string_view v;
    while (rd.next()) {
        if (rd.kind() == xml::token::text || rd.kind() == xml::token::cdata) {
            check(rd.text(v, smsgw::mutable_bytes(scratch)).ok());
            chars += v;
            continue;
        }
        if (!chars.empty()) add(out, 't', chars);
        chars.clear();
        switch (rd.kind()) {
        case xml::token::start_element:
            add(out, '<', rd.name());
            for (const xml::attribute& a : rd.attributes()) {
                check(a.value(v, smsgw::mutable_bytes(scratch)).ok());
                check(v.size() <= a.raw.size());
                add(out, 'n', a.name);
                add(out, 'v', v);
            }
            break;
        case xml::token::end_element: add(out, '>', rd.name()); break;
        case xml::token::comment:
        case xml::token::processing_instruction:
            check(rd.text(v, smsgw::mutable_bytes(scratch)).ok());
            add(out, rd.kind() == xml::token::comment ? '!' : '?', rd.name());
            add(out, 'd', v);
            break;
        default: break;
        }
    }
    return rd.status();
}

std::string copied(std::string_view doc, const xml::read_options& o) {
    std::string scratch(doc.size(), '\0');
    smsgw::writer measure;
    xml::writer m(measure);
    xml::reader r1(doc, o);
    const smsgw::result rm = xml::copy(r1, m, smsgw::mutable_bytes(scratch));
    check(rm.ec == smsgw::errc::buffer_too_small && rm.offset == measure.size());
    std::string out(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    xml::writer x(w);
    xml::reader r2(doc, o);
    check(xml::copy(r2, x, smsgw::mutable_bytes(scratch)) == smsgw::result{smsgw::errc{}, out.size()});
    return out;
}

// element_text() at every start tag of a copy agrees with the text the walk merges.
void element_texts(std::string_view doc) {
    xml::reader rd(doc);
    std::string scratch(doc.size(), '\0');
    while (rd.next()) {
        if (rd.kind() != xml::token::start_element) continue;
        xml::reader probe = rd;
        std::string_view v;
        const smsgw::result r = probe.element_text(v, smsgw::mutable_bytes(scratch));
        check(r.ok() || r.ec == smsgw::errc::wrong_type);
        if (r.ok()) check(probe.kind() == xml::token::end_element && probe.depth() + 1 == rd.depth());
        xml::reader skip = rd;
        check(skip.skip_element().ok() && skip.kind() == xml::token::end_element && skip.name() == rd.name());
    }
    check(rd.status().ok());
}

void round_trip(std::string_view doc, xml::mode m) {
    xml::read_options o;
    o.m = m;
    o.max_depth = xml::writer::max_depth;
    std::string first;
    const smsgw::result r = events(doc, o, first);
    if (!r) {
        check(r.offset <= doc.size());
        return;
    }
    check(r.offset == doc.size());
    const std::string copy = copied(doc, o);
    std::string second;
    check(events(copy, {}, second).ok());
    check(first == second);
    check(copied(copy, {}) == copy);
    element_texts(copy);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view doc(reinterpret_cast<const char*>(data), size);
    std::string ignored;
    const bool strict_ok = events(doc, {}, ignored).ok();
    ignored.clear();
    const bool tolerant_ok = events(doc, {xml::mode::tolerant}, ignored).ok();
    check(!strict_ok || tolerant_ok);
    round_trip(doc, xml::mode::strict);
    round_trip(doc, xml::mode::tolerant);
    return 0;
}
