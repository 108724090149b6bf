// send_mms request bodies (§3.2), decoded as the gateway would: values into a scratch buffer of
// exactly the body's size, contents into 8 slots. A body that decodes in strict mode decodes
// the same in tolerant mode; it encodes again, and that encoding decodes to the same request
// and is its own canonical form (encode(decode(e)) == e); its JSON binds back to it.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "smsgw/imsp/send_mms.hpp"
#include "smsgw/codec/json_fields.hpp"

namespace {

namespace imsp = smsgw::imsp;

void check(bool ok) {
    if (!ok) std::abort();
}

struct decoded {
    std::unique_ptr<smsgw::byte[]> scratch;
    std::array<imsp::content, 8> storage{};
    imsp::send_mms_request req;
    smsgw::result r;
    decoded(std::string_view body, imsp::mode m) : scratch(std::make_unique<smsgw::byte[]>(body.size() + 1)) {
        r = imsp::decode(body, req, smsgw::mutable_bytes(scratch.get(), body.size()), storage, m);
        if (r) {
            check(r.offset == body.size());
        } else {
            check(r.offset <= body.size() && r.ec != smsgw::errc::buffer_too_small);
        }
    }
};

// The request as JSON, from its field list: two requests are the same when these are.
std::string as_json(const imsp::send_mms_request& r) {
    std::string s(smsgw::encoded_size(r) * 2 + 256, '\0');
    smsgw::writer w(s.data(), s.size());
    const smsgw::result res = smsgw::codec::fields::write_json(r, w);
    check(res.ok());
    s.resize(res.offset);
    return s;
}

bool same(const imsp::send_mms_request& a, const imsp::send_mms_request& b) { return as_json(a) == as_json(b); }

// The JSON of a request binds back to the same request (the field list's JSON visitors).
void check_json_round_trip(const imsp::send_mms_request& r) {
    const std::string text = as_json(r);
    smsgw::codec::json::document doc(text);
    smsgw::codec::json::object obj;
    check(doc.root().get(obj).ok());
    std::string scratch(text.size(), '\0');
    smsgw::writer sw(scratch.data(), scratch.size());
    std::array<imsp::content, 8> storage{};
    imsp::send_mms_request back;
    check(smsgw::codec::fields::bind_json(obj, back, sw, imsp::mode::strict, smsgw::span<imsp::content>(storage)).ok());
    check(as_json(back) == text);
}

std::string encoded(const imsp::send_mms_request& r) {
    std::string s;
    check(smsgw::encode_append(r, s).ok());
    check(s.size() == smsgw::encoded_size(r));
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const decoded strict(body, imsp::mode::strict);
    const decoded tolerant(body, imsp::mode::tolerant);
    if (strict.r) check(tolerant.r.ok() && same(strict.req, tolerant.req));
    if (!tolerant.r) return 0;
    const std::string again = encoded(tolerant.req);
    const decoded back(again, imsp::mode::strict);
    check(back.r.ok() && same(back.req, tolerant.req));
    check(encoded(back.req) == again);
    check_json_round_trip(back.req);
    return 0;
}
