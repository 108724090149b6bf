#pragma once

#include <string_view>

#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/codec/xml_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw::codec::xml {

/// Reads the rest of `in` and writes it to `out` in the writer's canonical form: the same
/// elements, attributes (values normalized), comments and PIs in document order; text and CDATA
/// as escaped text; the declaration as <?xml version="1.0" encoding="UTF-8"?>; the DOCTYPE,
/// whitespace outside the root and the byte order mark dropped. `scratch` holds one decoded
/// value at a time: the document's size always suffices. The reader's error, else the writer's
/// finish().
inline result copy(reader& in, xml::writer& out, mutable_bytes scratch) noexcept {
    std::string_view v;
    while (in.next()) {
        switch (in.kind()) {
        case token::declaration: out.declaration(); break;
        case token::start_element:
            out.start(in.name());
            for (const attribute& a : in.attributes()) {
                if (const result r = a.value(v, scratch); !r) return r;
                out.attribute(a.name, v);
            }
            break;
        case token::end_element: out.end(in.name()); break;
        case token::text:
        case token::cdata:
        case token::comment:
        case token::processing_instruction:
            if (const result r = in.text(v, scratch); !r) return r;
            if (in.kind() == token::comment) {
                out.comment(v);
            } else if (in.kind() == token::processing_instruction) {
                out.processing_instruction(in.name(), v);
            } else {
                out.text(v);
            }
            break;
        case token::doctype:
        case token::none: break;
        }
    }
    if (const result r = in.status(); !r) return r;
    return out.finish();
}

}  // namespace smsgw::codec::xml
