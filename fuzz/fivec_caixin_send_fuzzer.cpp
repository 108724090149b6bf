// caixin_send request bodies (§2.1), decoded as 5C would, values into a scratch buffer of
// exactly the body's size. A body that decodes in strict mode decodes the same in tolerant
// mode; what tolerant mode reads encodes again unless its content is a frame string only
// tolerant mode reads, and that encoding decodes strictly to the same request (its title, twice
// URL-encoded, given back as it was) and is its own canonical form.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "smsgw/fivec/send.hpp"

namespace {

namespace fivec = smsgw::fivec;

void check(bool ok) {
    if (!ok) std::abort();
}

struct decoded {
    std::unique_ptr<smsgw::byte[]> scratch;
    fivec::caixin_send_request req;
    smsgw::result r;
    decoded(std::string_view body, smsgw::mode m) : scratch(std::make_unique<smsgw::byte[]>(body.size() + 1)) {
        r = fivec::decode(body, req, smsgw::mutable_bytes(scratch.get(), body.size()), m);
        check(r.ok() ? r.offset == body.size() : r.offset <= body.size() && r.ec != smsgw::errc::buffer_too_small);
    }
};

bool same(const fivec::caixin_send_request& a, const fivec::caixin_send_request& b) {
    return a.apikey == b.apikey && a.username == b.username && a.password == b.password && a.mobile == b.mobile &&
           a.title == b.title && a.content == b.content && a.encode == b.encode;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const decoded strict(body, smsgw::mode::strict);
    const decoded tolerant(body, smsgw::mode::tolerant);
    if (strict.r) check(tolerant.r.ok() && same(strict.req, tolerant.req));
    if (!tolerant.r) return 0;
    std::string again;
    const smsgw::result e = smsgw::encode_append(tolerant.req, again);
    if (!e) {
        check(std::string_view(e.field) == "content");
        return 0;
    }
    check(again.size() == smsgw::encoded_size(tolerant.req));
    const decoded back(again, smsgw::mode::strict);
    check(back.r.ok() && same(back.req, tolerant.req));
    std::string twice;
    check(smsgw::encode_append(back.req, twice).ok() && twice == again);
    return 0;
}
