// `--format text`: the JSON objects a format printed, laid out for a person as tshark -V does:
// one line per member, `key: value` (`Spec_Name (key): value` where the format names its keys
// otherwise than the spec), members of an object or elements of an array indented
// under it, a number with its hex beside it. Error objects are laid out like any other.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "inspect.hpp"

namespace inspect {
namespace {

namespace json = smsgw::codec::json;

std::string unescaped(const json::value& v) {
    std::string s;
    smsgw::write_append(s, [&v](smsgw::writer& w) { return v.unescape(w); });
    return s;
}

void scalar(const json::value& v, std::string& out) {
    out.append(v.raw());
    std::uint64_t n = 0;
    if (v.type() == json::kind::number && v.get(n)) {
        char hex[24];
        std::snprintf(hex, sizeof hex, " (0x%llx)", static_cast<unsigned long long>(n));
        out.append(hex);
    }
}

// `Spec_Name (key):` when the format knows the key's spec name, else `key:`.
std::string label_of(const format& f, const std::string& key) {
    const char* name = f.spec_name != nullptr ? f.spec_name(key) : nullptr;
    return name != nullptr ? std::string(name) + " (" + key + "):" : key + ":";
}

void lay_out(const json::value& v, std::string_view label, int depth, const format& f, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 4, ' ').append(label);
    json::object obj;
    json::array arr;
    if (v.get(obj)) {
        out.push_back('\n');
        for (const json::member& m : obj) lay_out(m.value, label_of(f, unescaped(m.key)), depth + 1, f, out);
    } else if (v.get(arr)) {
        out.append(" ").append(std::to_string(arr.size())).append(arr.size() == 1 ? " item\n" : " items\n");
        std::size_t i = 0;
        for (const json::value& e : arr) lay_out(e, "[" + std::to_string(i++) + "]:", depth + 1, f, out);
    } else {
        out.push_back(' ');
        scalar(v, out);
        out.push_back('\n');
    }
}

}  // namespace

void text_layout(std::string_view json_lines, const format& f, std::string& out) {
    std::size_t at = 0;
    std::size_t n = 0;
    while (at < json_lines.size()) {
        std::size_t end = json_lines.find('\n', at);
        if (end == std::string_view::npos) end = json_lines.size();
        json::value root;
        if (json::parse(json_lines.substr(at, end - at), root)) {
            lay_out(root, "message " + std::to_string(++n) + ":", 0, f, out);
        }
        at = end + 1;
    }
}

}  // namespace inspect
