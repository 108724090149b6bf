// JSON (docs/json.md): a Mitake queryBatchDR response read with bind_fields(), a push request
// written with the writer, both without allocating; and an object and array walked by hand, where
// a syntax error that ends a loop early reaches the loop through error(), as document::finish()
// would report it.
#include <cstdio>
#include <cstdint>

// [snippet:json-read-write]
#include <smsgw/codec.hpp>
namespace json = smsgw::codec::json;

smsgw::result read_batch(std::string_view body, std::uint64_t& batch_id, std::size_t& delivered) {
    json::document doc(body);                                         // checked as it is read
    auto messages = [&](const json::value& v) {
        json::array list;
        if (smsgw::result r = v.get(list); !r) return r;
        for (const json::value& m : list) {
            int status = -1;                                          // "status": "0" reads as 0
            if (smsgw::result r = json::bind_fields(m, json::required("status", status)); !r) return r;
            delivered += status == 0;
        }
        return smsgw::result{};
    };
    smsgw::result r = json::bind_fields(doc.root(), json::required("batchID", batch_id),   // exact
                                        json::required_with("messages", messages));
    return doc.finish(r);                 // a syntax error anywhere wins; r.ec says what, r.offset where
}

smsgw::result write_push(smsgw::bytes jpeg, smsgw::mutable_bytes buffer) {
    smsgw::writer out(buffer);                                        // a writer without buffer measures
    json::writer j(out);
    j.begin_object().member("subject", "mms subject").key("attachments").begin_array()
        .begin_object().key("attachContent").base64_string(jpeg).member("attachType", "jpg").end_object()
        .end_array().end_object();
    return j.finish();                                                // buffer_too_small: offset = size needed
}
// [/snippet]

// The sum of the "point" of every message of a queryBatchDR-like response.
// [snippet:json-loop-errors]
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
// [/snippet]

int main() {
    std::uint64_t batch = 0;
    std::size_t delivered = 0;
    const smsgw::result r = read_batch(
        R"({"batchID": 18446744073709551615, "messages": [{"status": "0"}, {"status": 4}, {"status": "0"}]})", batch,
        delivered);
    std::uint64_t other = 0;
    std::size_t none = 0;
    const smsgw::result bad = read_batch(R"({"batchID": 1, "messages": [{"status": "0"}})", other, none);
    std::printf("batch %llu: %zu delivered; cut short: %s at %zu\n", static_cast<unsigned long long>(batch), delivered,
                bad.message(), bad.offset);

    const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xD9};
    unsigned char buffer[128];
    const smsgw::result w = write_push(jpeg, buffer);
    const std::string_view push(reinterpret_cast<const char*>(buffer), w.offset);
    std::printf("%.*s\n", int(push.size()), push.data());
    std::uint64_t total = 0;
    const smsgw::result good = total_points(R"({"messages": [{"point": 3}, {"point": 2}]})", total);
    std::uint64_t partial = 0;
    const smsgw::result cut = total_points(R"({"messages": [{"point": 3} {"point": 2}]})", partial);
    std::printf("%s, %llu points; %s at %zu, after %llu points\n", good.message(), static_cast<unsigned long long>(total),
                cut.message(), cut.offset, static_cast<unsigned long long>(partial));
    return good && total == 5 && cut.ec == smsgw::errc::expected_comma && cut.offset == 27 && partial == 3 &&
                   r && batch == 18446744073709551615u && delivered == 2 && !bad && w &&
                   push == R"({"subject":"mms subject","attachments":[{"attachContent":"/9j/2Q==","attachType":"jpg"}]})"
               ? 0
               : 1;
}
