// Walking a JSON object and array by hand: a syntax error that ends a loop early reaches the
// loop through error(), as document::finish() would report it.
#include <smsgw/codec.hpp>

#include <cstdint>
#include <cstdio>

namespace json = smsgw::codec::json;

// The sum of the "point" of every message of a queryBatchDR-like response.
smsgw::result total_points(std::string_view body, std::uint64_t& total) {
    json::document doc(body);
    json::object root;
    if (smsgw::result r = doc.root().get(root); !r) return r;
    for (const json::member& m : root) {
        if (!m.key_is("messages")) continue;
        json::array messages;
        if (smsgw::result r = m.value.get(messages); !r) return r;
        for (const json::value& message : messages) {
            json::object fields;
            if (smsgw::result r = message.get(fields); !r) return r;
            json::value point;
            std::uint64_t n = 0;
            if (fields.find("point", point))
                if (smsgw::result r = point.get(n); !r) return r;
            total += n;
        }
        if (smsgw::result r = messages.error(); !r) return r;  // the loop ended on a syntax error
    }
    if (smsgw::result r = root.error(); !r) return r;
    return doc.finish();
}

int main() {
    std::uint64_t total = 0;
    const smsgw::result good = total_points(R"({"messages": [{"point": 3}, {"point": 2}]})", total);
    std::printf("%s, %llu points\n", good.message(), static_cast<unsigned long long>(total));
    std::uint64_t partial = 0;
    const smsgw::result bad = total_points(R"({"messages": [{"point": 3} {"point": 2}]})", partial);
    std::printf("%s at %zu, after %llu points\n", bad.message(), bad.offset, static_cast<unsigned long long>(partial));
    return good && total == 5 && bad.ec == smsgw::errc::expected_comma && bad.offset == 27 && partial == 3 ? 0 : 1;
}
