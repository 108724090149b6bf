#pragma once

// What the smsplat request and push targets check of a decoded request: a body that decodes in
// strict mode decodes the same in tolerant mode; what tolerant mode accepts encodes again (its
// size as encoded_size says), and that encoding decodes strictly to the same request and is its
// own canonical form (encode(decode(e)) == e).
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "smsgw/codec/json_fields.hpp"
#include "smsgw/smsplat.hpp"

namespace smsplat_fuzz {

namespace smsplat = smsgw::smsplat;

inline void check(bool ok) {
    if (!ok) std::abort();
}

template <class Request>
struct decoded {
    std::unique_ptr<smsgw::byte[]> scratch;
    Request req;
    smsgw::result r;
    decoded(std::string_view body, smsplat::mode m) : scratch(std::make_unique<smsgw::byte[]>(body.size() + 1)) {
        r = smsplat::decode(body, req, smsgw::mutable_bytes(scratch.get(), body.size()), m);
        if (r) {
            check(r.offset == body.size());
        } else {
            check(r.offset <= body.size() && r.ec != smsgw::errc::buffer_too_small);
        }
    }
};

// The request as JSON, from its field list: two requests are the same when these are.
template <class Request>
std::string as_json(const Request& r) {
    std::string s(smsgw::encoded_size(r) * 2 + 256, '\0');
    smsgw::writer w(s.data(), s.size());
    const smsgw::result res = smsgw::codec::fields::write_json(r, w);
    check(res.ok());
    s.resize(res.offset);
    return s;
}

template <class Request>
std::string encoded(const Request& r) {
    std::string s;
    check(smsgw::encode_append(r, s).ok());
    check(s.size() == smsgw::encoded_size(r));
    return s;
}

template <class Request>
void round_trip(std::string_view body) {
    const decoded<Request> strict(body, smsplat::mode::strict);
    const decoded<Request> tolerant(body, smsplat::mode::tolerant);
    if (strict.r) check(tolerant.r.ok() && as_json(strict.req) == as_json(tolerant.req));
    if (!tolerant.r) return;
    const std::string again = encoded(tolerant.req);
    const decoded<Request> back(again, smsplat::mode::strict);
    check(back.r.ok() && as_json(back.req) == as_json(tolerant.req));
    check(encoded(back.req) == again);
}

}  // namespace smsplat_fuzz
