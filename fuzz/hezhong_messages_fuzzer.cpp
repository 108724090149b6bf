// The Hezhong JSON messages (§二 to §五), the first byte choosing which: decoded as their receiver
// would, into a scratch buffer of exactly the body's size and 8 frames of 16 attachments. A body
// that decodes in strict mode decodes the same in tolerant mode; whatever validates encodes
// again, and that encoding decodes to the same message and is its own canonical form.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "smsgw/codec/json_fields.hpp"
#include "smsgw/hezhong.hpp"

namespace {

namespace hz = smsgw::hezhong;

void check(bool ok) {
    if (!ok) std::abort();
}

// The message as JSON from its field list, unvalidated: two messages are the same when these are.
template <class M>
std::string as_json(const M& m) {
    std::string s(1 << 16, '\0');
    for (;;) {
        smsgw::writer w(s.data(), s.size());
        smsgw::codec::json::writer j(w);
        j.begin_object();
        smsgw::codec::fields::write_json_members(j, m);
        j.end_object();
        const smsgw::result r = j.finish();
        if (r.ec == smsgw::errc::buffer_too_small) {
            s.resize(r.offset);
            continue;
        }
        check(r.ok());
        s.resize(r.offset);
        return s;
    }
}

template <class M, class Item, class Nested>
struct decoded {
    std::unique_ptr<smsgw::byte[]> scratch;
    std::array<Item, 8> storage{};
    std::array<Nested, 16> nested{};
    M msg{};
    smsgw::result r;
    decoded(std::string_view body, smsgw::mode m) : scratch(std::make_unique<smsgw::byte[]>(body.size() + 1)) {
        r = hz::decode(body, msg, smsgw::mutable_bytes(scratch.get(), body.size()), m, smsgw::span<Item>(storage),
                       smsgw::span<Nested>(nested));
        if (r) {
            check(r.offset == body.size());
        } else {
            check(r.offset <= body.size() && r.ec != smsgw::errc::buffer_too_small);
        }
    }
};

template <class M, class Item = smsgw::codec::fields::detail::no_item, class Nested = smsgw::codec::fields::detail::no_item>
void run(std::string_view body) {
    const decoded<M, Item, Nested> strict(body, smsgw::mode::strict);
    const decoded<M, Item, Nested> tolerant(body, smsgw::mode::tolerant);
    if (strict.r) check(tolerant.r.ok() && as_json(strict.msg) == as_json(tolerant.msg));
    if (!tolerant.r || !hz::validate(tolerant.msg)) return;
    std::string again;
    check(smsgw::encode_append(tolerant.msg, again).ok());
    check(again.size() == smsgw::encoded_size(tolerant.msg));
    const decoded<M, Item, Nested> back(again, smsgw::mode::strict);
    check(back.r.ok());
    std::string twice;
    check(smsgw::encode_append(back.msg, twice).ok());
    check(twice == again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
    case 0: run<hz::save_mms_model_request, hz::frame, hz::attachment>(body); break;
    case 1: run<hz::save_mms_model_response>(body); break;
    case 2: run<hz::audit_notification>(body); break;
    case 3: run<hz::send_mms_task_request>(body); break;
    case 4: run<hz::send_variable_mms_task_request>(body); break;
    default: run<hz::task_response>(body); break;
    }
    return 0;
}
