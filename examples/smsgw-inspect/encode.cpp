// `smsgw-inspect encode <format> [args...] [file|-]`: the JSON a format prints, one object per
// line, back to the bytes. The format's encode() builds each message from the members it needs;
// the bytes are then decoded again by the format's run() and every member of the input must
// come back as it was, so the members decoding derives (total_length, msg_length, counts, the
// Msg_Id parts, a status's meaning) are optional and checked when present. A refusal prints
// `{"error":...,"offset":N,"path":".dest_terminal_id[2]"}` (offset into the JSON text) and no
// bytes of that message.
#include <string>
#include <string_view>

#include "inspect.hpp"

namespace inspect {
namespace {

namespace json = smsgw::codec::json;

// A value that decoding gave back differently, or not at all.
constexpr const char* differs = "differs from what the bytes decode to";
constexpr const char* absent = "absent from what the bytes decode to";

std::string member_path(const std::string& path, std::string_view key) { return path + "." + std::string(key); }

// Whether `b` (decoded) holds `a` (given): every member of an object, every element of an
// array, scalars equal (strings once unescaped, other tokens as written).
bool same(const json::value& a, const json::value& b, const std::string& path, refusal& why) {
    const auto refuse = [&](const char* says) {
        why = {smsgw::fail(smsgw::errc::out_of_range, a.offset()), path};
        why.says = says;
        return false;
    };
    if (a.type() != b.type()) return refuse(differs);
    if (a.type() == json::kind::object) {
        json::object oa, ob;
        a.get(oa);
        b.get(ob);
        for (const json::member& m : oa) {
            std::string key;
            smsgw::write_append(key, [&m](smsgw::writer& w) { return m.key.unescape(w); });
            json::value other;
            if (!ob.find(key, other)) {
                why = {smsgw::fail(smsgw::errc::unknown_field, m.key.offset()), member_path(path, key)};
                why.says = absent;
                return false;
            }
            if (!same(m.value, other, member_path(path, key), why)) return false;
        }
        return true;
    }
    if (a.type() == json::kind::array) {
        json::array xa, xb;
        a.get(xa);
        b.get(xb);
        if (xa.size() != xb.size()) {
            why = {smsgw::fail(smsgw::errc::count_mismatch, a.offset()), path};
            return false;
        }
        std::size_t i = 0;
        auto ib = xb.begin();
        for (const json::value& e : xa) {
            if (!same(e, *ib, path + "[" + std::to_string(i) + "]", why)) return false;
            ++ib;
            ++i;
        }
        return true;
    }
    if (a.type() == json::kind::string) {
        std::string sb;
        smsgw::write_append(sb, [&b](smsgw::writer& w) { return b.unescape(w); });
        return a.equals(sb) ? true : refuse(differs);
    }
    return a.raw() == b.raw() ? true : refuse(differs);
}

void print_refusal(std::string& out, const refusal& why, std::size_t at) {
    smsgw::write_append(out, [&](smsgw::writer& w) {
        json::writer j(w);
        j.begin_object().member("error", why.says != nullptr ? why.says : why.r.message()).member("offset", why.r.offset + at);
        if (!why.path.empty()) j.member("path", why.path);
        if (why.r.field != nullptr) j.member("field", why.r.field);
        j.end_object();
        return j.finish();
    });
    out.push_back('\n');
}

// One message: its bytes appended to `bytes`, or false with why.
bool encode_one(const format& f, const args& a, std::string_view line, std::string& bytes, refusal& why) {
    json::value root;
    if (const smsgw::result r = json::parse(line, root); !r) {
        why = {r, ""};
        return false;
    }
    std::string encoded;
    if (!f.encode(a, root, encoded, why)) return false;
    std::string decoded;
    f.run(a, encoded, decoded);
    const std::size_t end = decoded.find('\n');
    json::value back;
    if (end + 1 != decoded.size() || !json::parse(std::string_view(decoded).substr(0, end), back)) {
        why = {smsgw::fail(smsgw::errc::count_mismatch, 0), ""};
        why.says = "the bytes do not decode to one message";
        return false;
    }
    json::object back_object, message;
    json::value error;
    if (back.get(back_object) && back_object.find("error", error) && !(root.get(message) && message.find("error", error))) {
        why = {smsgw::fail(smsgw::errc::bad_response, 0), ""};
        why.says = "the bytes do not decode";
        return false;
    }
    if (!same(root, back, "", why)) return false;
    if (!bytes.empty() && f.between != nullptr) bytes += f.between;
    bytes += encoded;
    return true;
}

}  // namespace

int encode_messages(const format& f, const args& a, std::string_view input, std::string& bytes, std::string& errors) {
    int status = 0;
    std::size_t at = 0;
    while (at < input.size()) {
        std::size_t end = input.find('\n', at);
        if (end == std::string_view::npos) end = input.size();
        std::string_view line = input.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) {
            refusal why;
            if (!encode_one(f, a, line, bytes, why)) {
                if (why.r.ok()) return 2;  // refused without a reason: the arguments name no message
                print_refusal(errors, why, at);
                status = 1;
            }
        }
        at = end + 1;
    }
    return status;
}

}  // namespace inspect
