// Format `mime`: a MIME message (IMSP get_mime packets and others) as its tree of parts: each
// part's header fields (encoded-words decoded, the raw value beside when it differs), type,
// parameters (RFC 2231 assembled), filename, Content-ID, transfer encoding, the raw body, decoded
// size and the hex of its first 16 decoded bytes (a multipart: its preamble and epilogue), then
// the defects with their offsets. `--tolerant` reads malformed messages.
#include <string>
#include <string_view>
#include <vector>

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
        if (value != f.value) text_member(j, "raw", f.value);
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
        text_member(j, "body", p.body);
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
        if (!p.preamble.empty()) {
            j.member("preamble_size", p.preamble.size());
            text_member(j, "preamble", p.preamble);
        }
        if (!p.epilogue.empty()) {
            j.member("epilogue_size", p.epilogue.size());
            text_member(j, "epilogue", p.epilogue);
        }
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

// The message from its printed tree, CRLF throughout: each part's fields as `name: raw value`,
// a blank line, then a leaf's raw body; a multipart's preamble, each child after its delimiter
// (the boundary its parameters give) and, when it was closed, the close delimiter and the
// epilogue; a message/rfc822 part its one child. What decoding derives (offsets, sizes,
// decoded values and texts, defects) is checked by decoding again, so a message written with
// bare LF, `name:value` or blanks after a delimiter is refused where its offsets differ. Not
// mime::encode(): it writes fields of its own and encodes the contents, one level deep, so the
// offsets printed would not come back.
struct tree_reader {
    inspect::reader& in;
    std::vector<smsgw::codec::json::object> parts;
    std::vector<std::size_t> parents;
    std::string out;

    static std::string at(std::size_t i) { return ".tree[" + std::to_string(i) + "]"; }

    // `key`, or `key_hex` (text_member's spelling of bytes that are not UTF-8); absent: false, no refusal.
    bool bytes(const smsgw::codec::json::object& o, const std::string& key, std::string_view& v, const std::string& path) {
        smsgw::codec::json::value x;
        if (o.find(key, x)) return in.text(x, v, path + "." + key);
        if (o.find(key + "_hex", x)) return in.hex(x, v, path + "." + key + "_hex");
        return false;
    }
    bool required(const smsgw::codec::json::object& o, const std::string& key, std::string_view& v, const std::string& path) {
        if (bytes(o, key, v, path) || !in.ok()) return in.ok();
        return in.refuse(smsgw::errc::missing_field, o.as_value(), path + "." + key);
    }

    bool write(std::size_t i) {
        const smsgw::codec::json::object& p = parts[i];
        const std::string path = at(i);
        smsgw::codec::json::value v;
        smsgw::codec::json::array fields;
        if (!p.find("headers", v)) return in.refuse(smsgw::errc::missing_field, p.as_value(), path + ".headers");
        if (const smsgw::result r = v.get(fields); !r) return in.refuse(r, path + ".headers");
        std::size_t n = 0;
        for (const smsgw::codec::json::value& f : fields) {
            const std::string fp = path + ".headers[" + std::to_string(n++) + "]";
            smsgw::codec::json::object field;
            std::string_view name, value;
            if (const smsgw::result r = f.get(field); !r) return in.refuse(r, fp);
            if (!required(field, "name", name, fp)) return false;
            if (!bytes(field, "raw", value, fp) && !required(field, "value", value, fp)) return false;
            out.append(name).append(": ").append(value).append("\r\n");
        }
        out += "\r\n";
        std::vector<std::size_t> children;
        for (std::size_t c = i + 1; c < parts.size(); ++c) {
            if (parents[c] == i) children.push_back(c);
        }
        std::string_view type;
        if (!required(p, "type", type, path)) return false;
        if (!smsgw::detail::mime::iequals(type, "multipart")) {
            if (children.empty()) {
                std::string_view body;
                if (!required(p, "body", body, path)) return false;
                out += body;
                return true;
            }
            return write(children.front());
        }
        smsgw::codec::json::object params;
        std::string_view boundary, preamble, epilogue;
        if (!p.find("parameters", v) || !v.get(params)) return in.refuse(smsgw::errc::missing_field, p.as_value(), path + ".parameters");
        if (!required(params, "boundary", boundary, path + ".parameters")) return false;
        bool closed = false;
        if (!p.find("closed", v) || !v.get(closed)) return in.refuse(smsgw::errc::missing_field, p.as_value(), path + ".closed");
        bytes(p, "preamble", preamble, path);
        bytes(p, "epilogue", epilogue, path);
        if (!in.ok()) return false;
        out += preamble;
        for (std::size_t c : children) {
            if (c != children.front() || !preamble.empty()) out += "\r\n";
            out.append("--").append(boundary).append("\r\n");
            if (!write(c)) return false;
        }
        if (closed) {
            out.append("\r\n--").append(boundary).append("--");
            // The line end after it is the parent's delimiter's, inside a multipart.
            if (parents[i] == mime::part::none || !epilogue.empty()) out += "\r\n";
            out += epilogue;
        }
        return true;
    }
};

bool encode_mime(const inspect::args&, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    tree_reader t{in, {}, {}, {}};
    smsgw::codec::json::value v;
    smsgw::codec::json::array tree;
    if (!printed.find("tree", v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".tree");
    if (const smsgw::result r = v.get(tree); !r) return in.refuse(r, ".tree");
    for (const smsgw::codec::json::value& item : tree) {
        smsgw::codec::json::object& part = t.parts.emplace_back();
        if (const smsgw::result r = item.get(part); !r) return in.refuse(r, tree_reader::at(t.parts.size() - 1));
        std::size_t parent = mime::part::none;
        if (part.find("parent", v) && !in.number(v, parent, tree_reader::at(t.parts.size() - 1) + ".parent")) return false;
        if (parent != mime::part::none && parent >= t.parts.size() - 1) {  // a part follows its parent
            return in.refuse(smsgw::errc::out_of_range, v, tree_reader::at(t.parts.size() - 1) + ".parent");
        }
        t.parents.push_back(parent);
    }
    if (t.parts.empty()) return in.refuse(smsgw::errc::missing_field, v, ".tree[0]");
    if (!t.write(0)) return false;
    bytes += t.out;
    return true;
}

const inspect::registrar r{{"mime", "[--tolerant]  a MIME message (IMSP get_mime packet) as its tree of parts", &run_mime,
                            &inspect::on_object<encode_mime>, "mime/nested.eml"}};

}  // namespace
