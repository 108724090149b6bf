// Delimited lists: the first three bytes choose a format (separators, field counts, mode,
// trimming, line breaks, terminator, rest_in_last, record limit), the rest is the list. Every
// offset must point into the input at the bytes it claims, validate() must agree with the walk,
// and what strict mode accepted must encode and read back the same (byte for byte when nothing
// is trimmed); tolerant mode must read what strict mode accepted alike.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/delimited.hpp"

namespace {

namespace delimited = smsgw::codec::delimited;
using rows = std::vector<std::vector<std::string_view>>;

void check(bool ok) {
    if (!ok) std::abort();
}

constexpr char separators[] = {';', ',', ':', ' ', '\t', '|', '\r', '\n'};  // the last two are refused

delimited::format format_of(std::uint8_t a, std::uint8_t b, std::uint8_t c) {
    delimited::format f;
    f.record_separator = separators[a & 7];
    f.field_separator = separators[(a >> 3) & 7];
    f.mode = (a & 0x40) != 0 ? smsgw::mode::tolerant : smsgw::mode::strict;
    f.terminated = (a & 0x80) != 0;
    f.min_fields = b & 7;  // 0 is refused as a format
    const std::size_t extra = (b >> 3) & 3;
    f.max_fields = extra == 3 ? delimited::unlimited : f.min_fields + extra;
    f.rest_in_last = (b & 0x20) != 0;
    f.trim = static_cast<delimited::trimming>(((b >> 6) & 3) % 3);
    f.breaks = static_cast<delimited::line_breaks>((c & 3) % 3);
    f.max_records = (c >> 2) & 7;
    return f;
}

// Walks the list, checking every offset; returns its fields and its error.
rows walk(std::string_view text, const delimited::format& f, smsgw::result& error) {
    rows out;
    const delimited::records list(text, f);
    std::size_t last_end = 0;
    for (const delimited::record& r : list) {
        check(r.offset() >= last_end && r.offset() <= text.size());
        check(r.text().data() == text.data() + r.offset());
        check(r.size() >= f.min_fields && r.size() <= f.max_fields);
        const std::size_t end = r.offset() + r.text().size();
        check(end <= text.size());
        check(end == text.size() || text[end] == f.record_separator || text[end] == '\r' || text[end] == '\n');
        last_end = end;
        out.emplace_back();
        std::size_t i = 0;
        std::size_t prev = r.offset();
        for (const delimited::field& fld : r) {
            check(fld.offset >= prev && fld.offset + fld.value.size() <= end);
            check(fld.value.data() == text.data() + fld.offset);
            check(r.at(i).offset == fld.offset && r[i] == fld.value);
            if (f.mode == smsgw::mode::strict || f.breaks == delimited::line_breaks::refuse) {
                check(fld.value.find_first_of("\r\n") == std::string_view::npos);
            }
            prev = fld.offset + fld.value.size();
            out.back().push_back(fld.value);
            ++i;
        }
        check(i == r.size());
        check(r.at(i).value.empty() && r.at(i).offset == end);
    }
    error = list.error();
    if (!error) {
        check(error.offset <= text.size());
        check(error.field == nullptr || error.field == f.name);
    }
    std::size_t count = 0;
    const smsgw::result v = list.validate(count);
    check(count == out.size());
    check(error ? v == smsgw::result{smsgw::errc{}, text.size()} : v == error);
    return out;
}

// Encodes `records` (measuring first), or returns false when the encoder refuses them.
bool encode(const rows& records, const delimited::format& f, std::string& out) {
    smsgw::writer measure;
    const smsgw::result m = delimited::encode(records, f, measure);
    if (!m && m.ec != smsgw::errc::buffer_too_small) return false;
    out.assign(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    check(delimited::encode(records, f, w) == smsgw::result{smsgw::errc{}, out.size()});
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const delimited::format f = format_of(data[0], data[1], data[2]);
    const std::string_view text(reinterpret_cast<const char*>(data) + 3, size - 3);
    smsgw::result error;
    const rows records = walk(text, f, error);
    if (!f.valid()) {
        check(error == smsgw::fail(smsgw::errc::out_of_range, 0) && records.empty());
        return 0;
    }
    if (!error) return 0;

    std::string again;
    if (f.mode == smsgw::mode::strict) {
        // What strict mode accepts, the encoder writes, and it reads back the same.
        check(encode(records, f, again));
        if (f.trim == delimited::trimming::none) check(again == text);
        smsgw::result back_error;
        check(walk(again, f, back_error) == records && back_error);
        // Tolerant mode reads it alike, unless its line breaks end records (trimmed blanks may hold them).
        const auto t = f.with_mode(smsgw::mode::tolerant);
        if (f.breaks != delimited::line_breaks::separate || text.find_first_of("\r\n") == std::string_view::npos) {
            smsgw::result tolerant_error;
            check(walk(text, t, tolerant_error) == records && tolerant_error);
        }
    } else if (encode(records, f, again)) {
        // Tolerant mode's records, when the encoder takes them, read back the same in strict mode.
        smsgw::result back_error;
        check(walk(again, f.with_mode(smsgw::mode::strict), back_error) == records && back_error);
    }
    return 0;
}
