// Base64: decoders on arbitrary bytes (every alphabet and mode, into exact-size heap buffers
// so that ASan sees a write past them) and round trips of arbitrary bytes (every alphabet,
// padding and line length). The first byte picks the options, the rest is the data.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "smsgw/codec/base64.hpp"

namespace {

namespace b64 = smsgw::codec::base64;

void check(bool ok) {
    if (!ok) std::abort();
}

struct output {
    std::unique_ptr<unsigned char[]> bytes;
    smsgw::result r;
};

output decode_into(std::string_view text, std::size_t capacity, const b64::decode_options& o) {
    output out{std::make_unique<unsigned char[]>(capacity), {}};
    smsgw::writer w(smsgw::mutable_bytes(out.bytes.get(), capacity));
    out.r = b64::decode(text, w, o);
    return out;
}

void decode_arbitrary(std::string_view text, const b64::decode_options& o) {
    const std::size_t max = b64::decoded_size_max(text.size());
    const output full = decode_into(text, max, o);
    if (full.r) check(full.r.offset <= max);
    else check(full.r.offset <= text.size() && full.r.ec != smsgw::errc::buffer_too_small);

    // One byte short: the same error, or buffer_too_small with the size a success needed.
    if (full.r.offset != 0 || !full.r) {
        const std::size_t cap = full.r ? full.r.offset - 1 : max / 2;
        const output shortened = decode_into(text, cap, o);
        if (full.r) check(shortened.r == smsgw::fail(smsgw::errc::buffer_too_small, full.r.offset));
        else check(shortened.r == full.r);
    }

    // In place: same outcome, same bytes.
    auto copy = std::make_unique<unsigned char[]>(text.size());
    if (!text.empty()) std::memcpy(copy.get(), text.data(), text.size());
    const smsgw::result in_place = b64::decode_in_place(smsgw::mutable_bytes(copy.get(), text.size()), o);
    check(in_place == full.r);
    if (full.r) check(full.r.offset == 0 || std::memcmp(copy.get(), full.bytes.get(), full.r.offset) == 0);

    if (!full.r) return;
    if (o.m == b64::mode::strict) {
        // Strict decoding is canonical: the bytes encode back to the same text.
        const bool padded = !text.empty() && text.back() == '=';
        const b64::encode_options e{o.abc, padded || o.abc == b64::alphabet::standard, 0};
        const std::size_t n = b64::encoded_size(full.r.offset, e);
        check(n == text.size());
        auto again = std::make_unique<unsigned char[]>(n);
        smsgw::writer w(smsgw::mutable_bytes(again.get(), n));
        check(b64::encode(smsgw::bytes(full.bytes.get(), full.r.offset), w, e) == smsgw::result{{}, n});
        check(n == 0 || std::memcmp(again.get(), text.data(), n) == 0);
        // And MIME mode, more tolerant, agrees.
        const output mime = decode_into(text, max, {o.abc, b64::mode::mime});
        check(mime.r == full.r);
        check(full.r.offset == 0 || std::memcmp(mime.bytes.get(), full.bytes.get(), full.r.offset) == 0);
    }
}

void round_trip(smsgw::bytes data, const b64::encode_options& e) {
    const std::size_t n = b64::encoded_size(data.size(), e);
    auto text = std::make_unique<unsigned char[]>(n);
    smsgw::writer w(smsgw::mutable_bytes(text.get(), n));
    check(b64::encode(data, w, e) == smsgw::result{{}, n});
    const std::string_view view(reinterpret_cast<const char*>(text.get()), n);
    const bool strict_ok = e.line_length == 0 || n <= e.line_length;
    const b64::mode m = strict_ok ? b64::mode::strict : b64::mode::mime;
    const output back = decode_into(view, data.size(), {e.abc, m});
    if (m == b64::mode::strict && !e.pad && e.abc == b64::alphabet::standard && data.size() % 3 != 0) {
        check(back.r.ec == smsgw::errc::bad_padding && back.r.offset == n);
        return;
    }
    check(back.r == smsgw::result{{}, data.size()});
    check(data.empty() || std::memcmp(back.bytes.get(), data.data(), data.size()) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t opts = data[0];
    const smsgw::bytes rest(data + 1, size - 1);
    const auto abc = (opts & 1) != 0 ? b64::alphabet::url : b64::alphabet::standard;
    const std::size_t lines[] = {0, 76, 4, std::size_t{1} + (opts >> 4)};
    round_trip(rest, {abc, (opts & 2) != 0, lines[(opts >> 2) & 3]});
    const std::string_view text = smsgw::as_chars(rest);
    decode_arbitrary(text, {abc, b64::mode::strict});
    decode_arbitrary(text, {abc, b64::mode::mime});
    return 0;
}
