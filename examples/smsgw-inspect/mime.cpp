// Format `mime`: a MIME message (IMSP get_mime packets and others) as its tree of parts: each
// part's header fields (encoded-words decoded), type, parameters (RFC 2231 assembled),
// filename, Content-ID, transfer encoding, decoded size and the hex of its first 16 decoded
// bytes, then the defects with their offsets. `--tolerant` reads malformed messages.
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/mime.hpp"

namespace {

namespace mime = smsgw::mime;
using smsgw::codec::json::writer;

// A text member, or `<name>_hex` when the text is not UTF-8 (a charset that is not built in).
void text_member(writer& j, std::string_view name, std::string_view text) {
    if (smsgw::codec::utf8::validate(text)) {
        j.member(name, text);
    } else {
        inspect::hex_member(j, std::string(name) + "_hex", text);
    }
}

void write_part(writer& j, const mime::message& msg, std::size_t i, const mime::options& opt) {
    const mime::part& p = msg[i];
    j.begin_object().member("index", i).member("depth", p.depth).member("offset", p.offset).member("body_offset", p.body_offset);
    if (p.parent != mime::part::none) j.member("parent", p.parent);
    j.key("headers").begin_array();
    for (const mime::header_field& f : p.headers) {
        std::string value;
        smsgw::write_append(value, [&](smsgw::writer& w) { return mime::decode_text(f.value, w, mime::tolerant_text); });
        j.begin_object();
        text_member(j, "name", f.name);
        text_member(j, "value", value);
        j.end_object();
    }
    j.end_array();
    text_member(j, "type", p.type.type);
    text_member(j, "subtype", p.type.subtype);
    j.key("parameters").begin_object();
    for (const mime::parameter& prm : p.type.params) {
        if (prm.section > 0) continue;  // continuations are shown assembled under their base name
        std::string value;
        smsgw::write_append(value, [&](smsgw::writer& w) { return mime::parameter_text(p.type.params, prm.base_name, w, nullptr, opt); });
        text_member(j, std::string(prm.base_name), value);
    }
    j.end_object();
    std::string name;
    if (smsgw::write_append(name, [&](smsgw::writer& w) { return mime::filename(p, w, opt); })) text_member(j, "filename", name);
    if (!p.content_id.empty()) {
        text_member(j, "content_id", p.content_id);
        text_member(j, "content_id_normalized", mime::normalized_content_id(p.content_id));
    }
    if (!p.disposition.type.empty()) text_member(j, "disposition", p.disposition.type);
    j.member("transfer_encoding", mime::name(p.encoding));
    if (msg.is_leaf(i)) {
        std::string content;
        mime::defect_log log;
        const smsgw::result r = smsgw::write_append(content, [&](smsgw::writer& w) {
            log.clear();
            return mime::decode_content(p, w, opt.m, &log);
        });
        if (r) {
            j.member("decoded_size", content.size());
            inspect::hex_member(j, "head_hex", std::string_view(content).substr(0, 16));
            if (smsgw::detail::mime::iequals(p.type.type, "text")) {  // the text as UTF-8, its charset beside it
                const mime::text_charset cs = mime::charset_of(p);
                std::string text;
                std::string scratch(p.decoded_size_max(), '\0');
                const smsgw::result t = smsgw::write_append(text, [&](smsgw::writer& w) {
                    return mime::decode_text_content(p, w, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch.data()), scratch.size()), opt.m);
                });
                text_member(j, "charset", cs.label);
                if (cs.cs == mime::charset::other) {
                    j.member("charset_known", false);
                } else if (t) {
                    text_member(j, "text", text);
                } else {
                    j.member("text_error", t.message()).member("text_error_offset", t.offset);
                }
            }
            if (!log.empty()) {
                j.key("content_defects").begin_array();
                for (const mime::defect& d : log)
                    j.begin_object().member("defect", mime::describe(d.kind)).member("offset", d.offset).end_object();
                j.end_array();
            }
        } else {
            j.member("decode_error", r.message()).member("decode_error_offset", r.offset);
        }
    } else {
        j.member("children", p.end - i - 1).member("closed", p.closed);
        if (!p.preamble.empty()) j.member("preamble_size", p.preamble.size());
        if (!p.epilogue.empty()) j.member("epilogue_size", p.epilogue.size());
    }
    j.end_object();
}

int run_mime(const inspect::args& a, std::string_view input, std::string& out) {
    mime::options opt = mime::strict_options;
    for (std::string_view arg : a) {
        if (arg != "--tolerant") return 2;
        opt = mime::tolerant_options;
    }
    static mime::part storage[256];
    mime::message msg(storage);
    const smsgw::result r = mime::decode(input, msg, opt);
    if (!r) {
        inspect::emit_error(out, r);
        return 1;
    }
    int status = 0;
    inspect::emit(out, [&](writer& j) {
        j.member("size", input.size()).member("parts", msg.size()).member("leaves", msg.leaf_count());
        j.key("tree").begin_array();
        for (std::size_t i = 0; i < msg.size(); ++i) write_part(j, msg, i, opt);
        j.end_array();
        j.key("defects").begin_array();
        for (const mime::defect& d : msg.defects())
            j.begin_object().member("defect", mime::describe(d.kind)).member("offset", d.offset).end_object();
        j.end_array();
    });
    for (std::size_t i = 0; i < msg.size(); ++i) {
        if (!msg.is_leaf(i)) continue;
        smsgw::writer measure;
        const smsgw::result c = mime::decode_content(msg[i], measure, opt.m);
        if (!c && c.ec != smsgw::errc::buffer_too_small) status = 1;
    }
    return status;
}

// No encode: the output holds the first 16 bytes of each part's content only, and header
// values decoded from their encoded-words.
const inspect::registrar r{{"mime", "[--tolerant]  a MIME message (IMSP get_mime packet) as its tree of parts", &run_mime, nullptr, "mime/nested.eml"}};

}  // namespace
