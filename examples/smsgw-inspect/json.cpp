// Formats `json` (RFC 8259) and `json-tolerant` (also the vendors' trailing commas, bare tokens
// and zero-padded numbers, mitake-mms-api.txt): the document re-written in compact canonical
// form (json::copy), or the error and the offset where the input went wrong.
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/codec/json_copy.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"

namespace {

namespace json = smsgw::codec::json;

int rewrite(const inspect::args& a, std::string_view input, std::string& out, json::mode m) {
    // The writer nests at most json::writer::max_depth levels: deeper input is refused while
    // reading, at its offset in the input.
    constexpr auto deepest = static_cast<std::size_t>(json::writer::max_depth);
    json::read_options o{m, deepest};
    for (std::string_view arg : a) {
        if (arg.substr(0, 12) != "--max-depth=" || arg.size() == 12 || arg.size() > 14) return 2;
        o.max_depth = 0;
        for (char c : arg.substr(12)) {
            if (c < '0' || c > '9') return 2;
            o.max_depth = o.max_depth * 10 + static_cast<std::size_t>(c - '0');
        }
        if (o.max_depth > deepest) return 2;
    }
    json::value root;
    if (const smsgw::result r = json::parse(input, root, o); !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    // One decoded string at a time goes through `scratch`.
    std::string scratch(input.size(), '\0');
    if (const smsgw::result r = smsgw::write_append(out, [&](smsgw::writer& w) {
            json::writer j(w);
            json::copy(root, j, smsgw::mutable_bytes(scratch));
            return j.finish();
        });
        !r) {
        inspect::emit_error(out, r);
        return 1;
    }
    out.push_back('\n');
    return 0;
}

int run_json(const inspect::args& a, std::string_view input, std::string& out) {
    return rewrite(a, input, out, json::mode::strict);
}

int run_json_tolerant(const inspect::args& a, std::string_view input, std::string& out) {
    return rewrite(a, input, out, json::mode::tolerant);
}

// The canonical document printed is a document of its own: copied as it stands.
bool encode_json(const inspect::args&, const json::value& message, std::string& bytes, inspect::refusal& why) {
    std::string scratch(message.raw().size(), '\0');
    const smsgw::result r = smsgw::write_append(bytes, [&](smsgw::writer& w) {
        json::writer j(w);
        json::copy(message, j, smsgw::mutable_bytes(scratch));
        return j.finish();
    });
    if (!r) why = {r, ""};
    return r.ok();
}

const inspect::registrar strict_format{
    {"json", "[--max-depth=N (<= 64)]  a JSON document (RFC 8259), re-written compact and canonical", &run_json, &encode_json,
     "json/escapes-and-numbers.json"}};
const inspect::registrar tolerant_format{
    {"json-tolerant", "[--max-depth=N (<= 64)]  JSON as the vendors send it: trailing commas, bare tokens, 0001",
     &run_json_tolerant, &encode_json, "json-tolerant/mitake-push-response.json"}};

}  // namespace
