// Form bodies and percent-encoding: the pair iterator, validate() and the decoders on arbitrary
// bytes (decoding into exact-size heap buffers), and round trips through the encoder, in both
// styles, and through the builder.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "smsgw/codec/form.hpp"
#include "smsgw/codec/percent.hpp"

namespace {

namespace form = smsgw::codec::form;
namespace percent = smsgw::codec::percent;

void check(bool ok) {
    if (!ok) std::abort();
}

void fields_of(std::string_view body) {
    const form::fields f(body);
    const smsgw::result valid = f.validate();
    check(valid.ok() ? valid.offset == body.size() : valid.ec == smsgw::errc::bad_escape && body[valid.offset] == '%');
    smsgw::result first_error{};
    std::size_t covered = 0;  // bytes of non-empty pairs seen, to check that none is lost
    std::size_t last_end = 0;
    for (const form::field& fld : f) {
        check(fld.offset >= last_end && fld.offset < body.size());
        check(fld.name.data() == body.data() + fld.offset);
        check(fld.name.find('&') == std::string_view::npos && fld.name.find('=') == std::string_view::npos);
        check(fld.value.find('&') == std::string_view::npos);
        for (std::size_t k = last_end; k < fld.offset; ++k) check(body[k] == '&');
        const std::size_t end = static_cast<std::size_t>(fld.value.data() + fld.value.size() - body.data());
        check(end == body.size() || body[end] == '&');
        covered += end - fld.offset;
        last_end = end;
        for (auto part : {form::decode_name, form::decode_value}) {
            const std::size_t raw = part == form::decode_name ? fld.name.size() : fld.value.size();
            auto out = std::make_unique<unsigned char[]>(raw);
            smsgw::writer w(smsgw::mutable_bytes(out.get(), raw));
            const smsgw::result r = part(fld, w);
            if (!r) {
                check(r.ec == smsgw::errc::bad_escape && body[r.offset] == '%');
                if (first_error.ok()) first_error = r;
            } else {
                check(r.offset <= raw);
            }
        }
        // find() returns the first pair of that raw (escape-free) name.
        if (fld.name.find('%') == std::string_view::npos && fld.name.find('+') == std::string_view::npos) {
            const auto found = f.find(fld.name);
            check(found.has_value() && found->offset <= fld.offset);
        }
    }
    for (std::size_t k = last_end; k < body.size(); ++k) check(body[k] == '&');
    std::size_t amps = 0;
    for (char c : body) amps += c == '&';
    check(covered + amps == body.size());
    check(first_error == (valid.ok() ? smsgw::result{} : valid));
}

void percent_round_trip(smsgw::bytes data, percent::style st) {
    const std::size_t n = percent::encoded_size(data, st);
    auto text = std::make_unique<unsigned char[]>(n);
    smsgw::writer w(smsgw::mutable_bytes(text.get(), n));
    check(percent::encode(data, w, st) == smsgw::result{{}, n});
    auto back = std::make_unique<unsigned char[]>(data.size());
    smsgw::writer wb(smsgw::mutable_bytes(back.get(), data.size()));
    const std::string_view view(reinterpret_cast<const char*>(text.get()), n);
    check(percent::decode(view, wb, st) == smsgw::result{{}, data.size()});
    check(data.empty() || std::memcmp(back.get(), data.data(), data.size()) == 0);
    // A buffer one byte short of the encoding is refused with the size it needed.
    if (n != 0) {
        smsgw::writer small(smsgw::mutable_bytes(text.get(), n - 1));
        check(percent::encode(data, small, st) == smsgw::fail(smsgw::errc::buffer_too_small, n));
    }
}

void percent_decode_arbitrary(std::string_view text, percent::style st) {
    auto out = std::make_unique<unsigned char[]>(text.size());
    smsgw::writer w(smsgw::mutable_bytes(out.get(), text.size()));
    const smsgw::result r = percent::decode(text, w, st);
    if (!r) {
        check(r.ec == smsgw::errc::bad_escape && text[r.offset] == '%');
        return;
    }
    check(r.offset <= text.size());
    auto copy = std::make_unique<unsigned char[]>(text.size());
    if (!text.empty()) std::memcpy(copy.get(), text.data(), text.size());
    check(percent::decode_in_place(smsgw::mutable_bytes(copy.get(), text.size()), st) == r);
    check(r.offset == 0 || std::memcmp(copy.get(), out.get(), r.offset) == 0);
}

// The data split in two at its first byte's value: a name and a value through the builder.
void builder_round_trip(smsgw::bytes data) {
    const std::size_t cut = data.empty() ? 0 : data[0] % data.size();
    const smsgw::bytes name = data.first(cut);
    const smsgw::bytes value = data.subspan(cut);
    smsgw::writer measure;
    form::builder(measure).add(smsgw::as_chars(name), value).add("k", value);
    auto body = std::make_unique<unsigned char[]>(measure.size());
    smsgw::writer w(smsgw::mutable_bytes(body.get(), measure.size()));
    check(form::builder(w).add(smsgw::as_chars(name), value).add("k", value).finish() ==
          smsgw::result{{}, measure.size()});
    const form::fields f(std::string_view(reinterpret_cast<const char*>(body.get()), measure.size()));
    check(f.validate().ok());
    std::size_t count = 0;
    for (const form::field& fld : f) {
        auto out = std::make_unique<unsigned char[]>(data.size() + 1);
        smsgw::writer wn(smsgw::mutable_bytes(out.get(), data.size() + 1));
        const smsgw::result rn = form::decode_name(fld, wn);
        check(rn.ok() && rn.offset == (count == 0 ? name.size() : 1));
        smsgw::writer wv(smsgw::mutable_bytes(out.get(), data.size() + 1));
        check(form::decode_value(fld, wv) == smsgw::result{{}, value.size()});
        check(value.empty() || std::memcmp(out.get(), value.data(), value.size()) == 0);
        ++count;
    }
    check(count == 2);
    check(f.find("k").has_value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const smsgw::bytes in(data, size);
    const std::string_view text = smsgw::as_chars(in);
    fields_of(text);
    for (auto st : {percent::style::component, percent::style::form}) {
        percent_round_trip(in, st);
        percent_decode_arbitrary(text, st);
    }
    builder_round_trip(in);
    return 0;
}
