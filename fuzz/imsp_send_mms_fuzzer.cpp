// send_mms request bodies (§3.2), decoded as the gateway would: values into a scratch buffer of
// exactly the body's size, contents into 8 slots. A body that decodes in strict mode decodes
// the same in tolerant mode; it encodes again, and that encoding decodes to the same request
// and is its own canonical form (encode(decode(e)) == e).
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "smsgw/imsp/send_mms.hpp"

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

bool same_bytes(smsgw::bytes a, smsgw::bytes b) {
    return a.size() == b.size() && (a.size() == 0 || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

bool same(const imsp::send_mms_request& a, const imsp::send_mms_request& b) {
    if (a.account != b.account || a.password != b.password || a.from_addr != b.from_addr ||
        a.from_addr_type != b.from_addr_type || a.to_addr != b.to_addr || a.to_addr_type != b.to_addr_type ||
        a.cp_id != b.cp_id || a.subject != b.subject || a.expire_offset != b.expire_offset ||
        a.message_type != b.message_type || a.presentation_id != b.presentation_id ||
        a.contents.size() != b.contents.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.contents.size(); ++i) {
        const imsp::content& x = a.contents[i];
        const imsp::content& y = b.contents[i];
        if (x.id != y.id || x.type != y.type || !same_bytes(x.data, y.data)) return false;
    }
    return true;
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
    return 0;
}
