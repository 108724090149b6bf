#pragma once

// The smsgw-inspect framework: each module's file registers its formats,
//
//     static int run_cmpp(const inspect::args& a, std::string_view input, std::string& out);
//     static const inspect::registrar r{{"cmpp", "[--v3]  a CMPP PDU stream", &run_cmpp}};
//
// and main.cpp finds them by name. A format's run() prints one JSON object per message with
// emit(), an error with emit_error(), and returns 0 when everything decoded, 1 otherwise, 2 when
// its arguments are wrong. Keys are the spec's field names in snake_case, binary is lower-case hex.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core.hpp"

namespace inspect {

// The arguments between the format's name and the input file.
using args = std::vector<std::string_view>;

struct format {
    const char* name;
    const char* usage;  // the arguments and what the format reads, for --help
    int (*run)(const args&, std::string_view input, std::string& out);
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

}  // namespace inspect
