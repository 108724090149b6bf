#pragma once

// The smsgw-inspect framework: each module's file registers its formats,
//
//     static int run_cmpp(const inspect::args& a, std::string_view input, std::string& out);
//     static bool encode_cmpp(const inspect::args& a, const json::object& message, std::string& bytes, inspect::refusal& why);
//     static const inspect::registrar r{{"cmpp", "a CMPP PDU stream", &run_cmpp, &inspect::on_object<encode_cmpp>, "cmpp/submit.bin"}};
//
// and main.cpp finds them by name. A format's run() prints one JSON object per message with
// emit(), an error with emit_error(), and returns 0 when everything decoded, 1 otherwise, 2 when
// its arguments are wrong. Keys are the spec's field names in snake_case, binary is lower-case hex.
// Its encode() (`smsgw-inspect encode <format>`, encode.cpp) takes one object run() printed and
// appends the message's bytes; encode.cpp decodes them again and refuses a member the bytes do
// not give back, so encode() reads only what it needs and derived members stay optional.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core.hpp"

namespace inspect {

// The arguments between the format's name and the input file.
using args = std::vector<std::string_view>;

// Why encode() refused a message: the library's error (its offset is the offset of the value
// in the JSON text) and the JSON path of the member at fault (`.dest_terminal_id[2]`).
// `says` replaces the error's message where the library has none for it (a derived member that
// differs from the one the bytes decode to).
struct refusal {
    smsgw::result r;
    std::string path;
    const char* says = nullptr;
};

struct format {
    const char* name;
    const char* usage;  // the arguments and what the format reads, for --help
    int (*run)(const args&, std::string_view input, std::string& out);
    // Appends the bytes of one message run() printed; false with `why` when it cannot. None: a
    // format that does not go back to bytes (a digest). Most print objects: on_object<>.
    bool (*encode)(const args&, const smsgw::codec::json::value& message, std::string& bytes, refusal& why) = nullptr;
    const char* example = nullptr;  // "[args ]<folder>/<file>": a sample of examples/samples/ that --help shows decoded
    // Written between two messages' bytes: a format that prints the records of one list as
    // messages of their own (Hezhong's pushes) joins them back into one list.
    const char* between = nullptr;
    // The spec's name of a printed key, for --format text, when the keys are not the spec's
    // names themselves (CMPP's snake_case); nullptr for a key it does not know.
    const char* (*spec_name)(std::string_view key) = nullptr;
};

// Every registered format, in registration order.
inline std::vector<format>& formats() {
    static std::vector<format> all;
    return all;
}

inline const format* find_format(std::string_view name) {
    for (const format& f : formats()) {
        if (name == f.name) return &f;
    }
    return nullptr;
}

struct registrar {
    explicit registrar(const format& f) { formats().push_back(f); }
};

// Set when emit() could not write a message (its strings were not UTF-8): main() then exits 1
// whatever run() returned, so no failure goes unnoticed.
inline bool& emit_failed() {
    static bool failed = false;
    return failed;
}

// Appends `{"error":"...","offset":N[,"field":"..."]}` and a newline.
inline void emit_error(std::string& out, const smsgw::result& r) {
    smsgw::write_append(out, [&r](smsgw::writer& w) {
        smsgw::codec::json::writer j(w);
        j.begin_object().member("error", r.message()).member("offset", r.offset);
        if (r.field != nullptr) j.member("field", r.field);
        j.end_object();
        return j.finish();
    });
    out.push_back('\n');
}

// Appends one JSON object and a newline; build(json::writer&) writes its members (emit opens
// and closes the object). build may be called twice (once more when the first guess at the
// size was short), so it must do nothing but write. If the object cannot be written (a string
// that is not UTF-8: print such fields with hex_member), an error object takes its place.
template <class F>
void emit(std::string& out, F&& build) {
    const std::size_t old = out.size();
    std::size_t room = 4096;
    for (int attempt = 0; attempt < 2; ++attempt) {
        out.resize(old + room);
        smsgw::writer w(out.data() + old, room);
        smsgw::codec::json::writer j(w);
        j.begin_object();
        build(j);
        j.end_object();
        const smsgw::result r = j.finish();
        if (r.ok()) {
            out.resize(old + r.offset);
            out.push_back('\n');
            return;
        }
        if (r.ec != smsgw::errc::buffer_too_small) {
            out.resize(old);
            emit_failed() = true;
            emit_error(out, r);
            return;
        }
        room = r.offset;
    }
}

// name: lower-case hex of value, the way binary fields are printed.
inline void hex_member(smsgw::codec::json::writer& j, std::string_view name, smsgw::bytes value) {
    j.key(name).hex_string(value);
}

// An encoder of messages printed as objects, as format::encode: anything else is wrong_type.
template <bool (*Encode)(const args&, const smsgw::codec::json::object&, std::string&, refusal&)>
bool on_object(const args& a, const smsgw::codec::json::value& message, std::string& bytes, refusal& why) {
    smsgw::codec::json::object obj;
    if (const smsgw::result r = message.get(obj); !r) {
        why = {r, ""};
        return false;
    }
    return Encode(a, obj, bytes, why);
}

// The `encode` command (encode.cpp): each object of `input` to bytes, refusals to `errors`;
// 0 when every message was encoded, 1 otherwise, 2 when the arguments name no message (an
// encoder that returns false without a refusal).
int encode_messages(const format& f, const args& a, std::string_view input, std::string& bytes, std::string& errors);

// `--format text` (layout.cpp): each JSON object run() printed, one line per member, indented
// by structure, named by the spec when f.spec_name knows the key.
void text_layout(std::string_view json_lines, const format& f, std::string& out);

// Reading a message back (encode): members by key, their values decoded into strings that live
// as long as the reader (views of them go into the library's structs).
class reader {
public:
    explicit reader(refusal& why) : why_(why) {}

    // Records the first refusal; always false.
    bool refuse(smsgw::errc e, const smsgw::codec::json::value& at, std::string path) {
        if (why_.r.ok()) why_ = {smsgw::fail(e, at.offset()), std::move(path)};
        return false;
    }
    bool refuse(const smsgw::result& r, std::string path) {
        if (why_.r.ok()) why_ = {r, std::move(path)};
        return false;
    }
    bool ok() const { return why_.r.ok(); }

    // A string that lives as long as the reader.
    std::string& keep() { return kept_.emplace_back(); }

    // A string's decoded content, kept.
    bool text(const smsgw::codec::json::value& v, std::string_view& out, const std::string& path) {
        std::string& s = keep();
        const smsgw::result r = smsgw::write_append(s, [&v](smsgw::writer& w) { return v.unescape(w); });
        if (!r) return refuse(smsgw::fail(r.ec, v.offset()), path);
        out = s;
        return true;
    }
    // A string of hex digits as the bytes they spell, kept.
    bool hex(const smsgw::codec::json::value& v, std::string_view& out, const std::string& path) {
        return spelled(v, out, path, [](std::string_view digits, smsgw::writer& w) { return smsgw::codec::hex::decode(digits, w); });
    }
    // A string of base64 (RFC 4648, padded) as the bytes it spells, kept.
    bool base64(const smsgw::codec::json::value& v, std::string_view& out, const std::string& path) {
        return spelled(v, out, path, [](std::string_view digits, smsgw::writer& w) { return smsgw::codec::base64::decode(digits, w); });
    }

    // An integer as json::value reads it: number_overflow when it does not fit I.
    template <class I>
    bool number(const smsgw::codec::json::value& v, I& out, const std::string& path) {
        const smsgw::result r = v.get(out);
        return r ? true : refuse(r, path);
    }

private:
    // A string as the bytes `decode(text, writer&)` spells from it, kept; an error at its offset in the JSON text.
    template <class Decode>
    bool spelled(const smsgw::codec::json::value& v, std::string_view& out, const std::string& path, Decode decode) {
        std::string_view digits;
        if (!text(v, digits, path)) return false;
        std::string& s = keep();
        const smsgw::result r = smsgw::write_append(s, [&](smsgw::writer& w) { return decode(digits, w); });
        if (!r) return refuse(smsgw::fail(r.ec, v.offset() + 1 + r.offset), path);
        out = s;
        return true;
    }

    refusal& why_;
    std::deque<std::string> kept_;
};

}  // namespace inspect
