// Hex: the decoder on arbitrary bytes into exact-size heap buffers, its agreement with a
// digit-by-digit reference, and round trips of arbitrary bytes in both letter cases.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "smsgw/codec/hex.hpp"

namespace {

namespace hex = smsgw::codec::hex;

void check(bool ok) {
    if (!ok) std::abort();
}

int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// What the decoder must report, found another way: the first non-digit, else an odd length.
smsgw::result reference(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (digit(text[i]) < 0) return smsgw::fail(smsgw::errc::bad_character, i);
    }
    if (text.size() % 2 != 0) return smsgw::fail(smsgw::errc::odd_length, text.size() - 1);
    return {smsgw::errc{}, text.size() / 2};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t n = hex::decoded_size(size);
    auto out = std::make_unique<unsigned char[]>(n);
    smsgw::writer w(smsgw::mutable_bytes(out.get(), n));
    const smsgw::result r = hex::decode(text, w);
    check(r == reference(text));
    if (r) {
        for (std::size_t k = 0; k < n; ++k) check(out[k] == digit(text[2 * k]) * 16 + digit(text[2 * k + 1]));
        if (n != 0) {
            smsgw::writer small(smsgw::mutable_bytes(out.get(), n - 1));
            check(hex::decode(text, small) == smsgw::fail(smsgw::errc::buffer_too_small, n));
        }
    }

    for (auto lc : {hex::letter_case::lower, hex::letter_case::upper}) {
        auto enc = std::make_unique<unsigned char[]>(hex::encoded_size(size));
        smsgw::writer we(smsgw::mutable_bytes(enc.get(), hex::encoded_size(size)));
        check(hex::encode(smsgw::bytes(data, size), we, lc) == smsgw::result{{}, 2 * size});
        const smsgw::result back = hex::decode_in_place(smsgw::mutable_bytes(enc.get(), 2 * size));
        check(back == smsgw::result{{}, size});
        check(size == 0 || std::memcmp(enc.get(), data, size) == 0);
    }
    return 0;
}
