// `--format text`: the JSON objects a format printed, laid out for a person as tshark -V does:
// one line per member, `key: value`, members of an object or elements of an array indented
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

void lay_out(const json::value& v, std::string_view label, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 4, ' ').append(label);
    json::object obj;
    json::array arr;
    if (v.get(obj)) {
        out.push_back('\n');
        for (const json::member& m : obj) lay_out(m.value, unescaped(m.key) + ":", depth + 1, out);
    } else if (v.get(arr)) {
        out.append(" ").append(std::to_string(arr.size())).append(arr.size() == 1 ? " item\n" : " items\n");
        std::size_t i = 0;
        for (const json::value& e : arr) lay_out(e, "[" + std::to_string(i++) + "]:", depth + 1, out);
    } else {
        out.push_back(' ');
        scalar(v, out);
        out.push_back('\n');
    }
}

}  // namespace

void text_layout(std::string_view json_lines, std::string& out) {
    std::size_t at = 0;
    std::size_t n = 0;
    while (at < json_lines.size()) {
        std::size_t end = json_lines.find('\n', at);
        if (end == std::string_view::npos) end = json_lines.size();
        json::value root;
        if (json::parse(json_lines.substr(at, end - at), root)) {
            lay_out(root, "message " + std::to_string(++n) + ":", 0, out);
        }
        at = end + 1;
    }
}

}  // namespace inspect
