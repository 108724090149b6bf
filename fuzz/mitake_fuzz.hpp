// What every Mitake fuzz target checks of a decoder, given bytes: a body strict mode takes,
// tolerant mode takes the same; what tolerant mode takes encodes, and that encoding decodes
// strictly to the same message and encodes to the same bytes again (decode(encode(x)) == x).
// Storage: 600 items per array, so that the 500-destination limit is reached too.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/mitake.hpp"

namespace mitake_fuzz {

namespace mitake = smsgw::mitake;

inline void check(bool ok) {
    if (!ok) std::abort();
}

// The caller's storage for every array of every message.
struct slots {
    std::vector<mitake::destination> destinations = std::vector<mitake::destination>(600);
    std::vector<mitake::attachment> attachments = std::vector<mitake::attachment>(600);
    std::vector<mitake::push_message> push_messages = std::vector<mitake::push_message>(600);
    std::vector<mitake::msg_id> msg_ids = std::vector<mitake::msg_id>(600);
    std::vector<mitake::report> reports = std::vector<mitake::report>(600);
    std::vector<mitake::callback_message> callbacks = std::vector<mitake::callback_message>(600);

    template <class T>
    smsgw::result decode(std::string_view b, T& out, smsgw::mutable_bytes s, mitake::mode m) {
        if constexpr (std::is_same_v<T, mitake::push_request>) {
            return mitake::decode(b, out, s, destinations, attachments, m);
        } else if constexpr (std::is_same_v<T, mitake::push_response>) {
            return mitake::decode(b, out, s, push_messages, m);
        } else if constexpr (std::is_same_v<T, mitake::query_single_request>) {
            return mitake::decode(b, out, s, msg_ids, m);
        } else if constexpr (std::is_same_v<T, mitake::query_response>) {
            return mitake::decode(b, out, s, reports, m);
        } else if constexpr (std::is_same_v<T, mitake::callback_request>) {
            return mitake::decode(b, out, s, callbacks, m);
        } else {
            return mitake::decode(b, out, s, m);
        }
    }
};

// A body decoded into one of three storages made once (the strict, tolerant and re-encoded
// decodings live side by side), with a scratch buffer of exactly the body's size.
template <class T>
struct decoded {
    std::unique_ptr<smsgw::byte[]> scratch;
    T msg{};
    smsgw::result r;
    decoded(std::string_view body, mitake::mode m, int which) : scratch(std::make_unique<smsgw::byte[]>(body.size() + 1)) {
        static slots storage[3];
        r = storage[which].decode(body, msg, smsgw::mutable_bytes(scratch.get(), body.size()), m);
        check(r ? r.offset == body.size() : r.offset <= body.size() && r.ec != smsgw::errc::buffer_too_small);
    }
};

template <class T>
std::string encoded(const T& m) {
    std::string s;
    check(smsgw::encode_append(m, s).ok());
    check(s.size() == smsgw::encoded_size(m));
    return s;
}

template <class T>
void round_trip(std::string_view body) {
    const decoded<T> strict(body, mitake::mode::strict, 0);
    const decoded<T> tolerant(body, mitake::mode::tolerant, 1);
    if (strict.r) check(tolerant.r.ok() && encoded(strict.msg) == encoded(tolerant.msg));
    if (!tolerant.r) return;
    const std::string again = encoded(tolerant.msg);
    const decoded<T> back(again, mitake::mode::strict, 2);
    check(back.r.ok());
    check(encoded(back.msg) == again);
}

}  // namespace mitake_fuzz
