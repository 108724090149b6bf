#include "smsgw/charset/stream.hpp"

#include <string>
#include <type_traits>
#include <vector>

#include "charset_test.hpp"

using namespace charset_test;

namespace {

const cs::encoding all_encodings[] = {cs::encoding::utf8, cs::encoding::gbk, cs::encoding::gb18030,
                                      cs::encoding::big5, cs::encoding::windows_1252};

// Feeds `in` cut at the given points to a decoder or encoder, then finishes; the output, and
// the first error (the outcome of the call that reported it) or the last success. No call
// writes more than max_size() announced before it.
template <class Stream>
converted in_pieces(Stream& s, std::string_view in, const std::vector<std::size_t>& cuts) {
    converted c;
    std::string buf;
    std::size_t from = 0;
    auto feed = [&](std::string_view piece, bool last) {
        const std::size_t bound = s.max_size(last ? 0 : piece.size());
        buf.assign(bound + 16, '\0');
        smsgw::writer w(buf.data(), buf.size());
        if constexpr (std::is_same_v<Stream, cs::decoder>) {
            c.r = last ? s.finish(w) : s.decode(piece, w);
        } else {
            c.r = last ? s.finish(w) : s.encode(piece, w);
        }
        CHECK(w.size() <= bound);
        c.out.append(buf.data(), w.size() < buf.size() ? w.size() : buf.size());
        return c.r.ok();
    };
    for (std::size_t cut : cuts) {
        if (!feed(in.substr(from, cut - from), false)) return c;
        from = cut;
    }
    if (feed(in.substr(from), false)) feed({}, true);
    return c;
}

converted decode_pieces(cs::encoding e, std::string_view in, const std::vector<std::size_t>& cuts, mode m) {
    cs::decoder d(e, m);
    return in_pieces(d, in, cuts);
}

converted encode_pieces(cs::encoding e, std::string_view in, const std::vector<std::size_t>& cuts,
                        const cs::encode_options& o) {
    cs::encoder en(e, o);
    return in_pieces(en, in, cuts);
}

// The same output and the same error as one-shot; a success's offset is per call, so only
// errors are compared by offset.
void same_as_one_shot(const converted& whole, const converted& pieces) {
    CHECK(difference(pieces.out, whole.out) == "");
    CHECK(pieces.r.ec == whole.r.ec);
    if (!whole.r.ok()) {
        CHECK(pieces.r.offset == whole.r.offset);
        CHECK(pieces.r.code_point == whole.r.code_point);
    }
}

// Text in every encoding's multi-byte forms, errors of every kind, and sequences that re-read.
const std::string mixed = bytes(
    "41 c9 c1 81 30 81 30 90 30 81 30 81 30 81 41 84 32 a4 30 b0 7b a5 fa 88 62 a4 20 e4 bd a0 f0 9f 98 80 "
    "ed a0 80 80 ff 81 30 20 a3 e2 87 40 e4 bd 42");

}  // namespace

TEST_CASE("decoding split at every byte position, and byte by byte, equals one-shot") {
    for (cs::encoding e : all_encodings) {
        for (mode m : {mode::tolerant, mode::strict}) {
            INFO(cs::name(e) << (m == mode::strict ? " strict" : " tolerant"));
            const converted whole = decode(e, mixed, m);
            for (std::size_t cut = 0; cut <= mixed.size(); ++cut) {
                INFO("cut at " << cut);
                same_as_one_shot(whole, decode_pieces(e, mixed, {cut}, m));
            }
            std::vector<std::size_t> every;
            for (std::size_t i = 1; i < mixed.size(); ++i) every.push_back(i);
            same_as_one_shot(whole, decode_pieces(e, mixed, every, m));
            // Two cuts a few bytes apart: a sequence spread over three chunks.
            for (std::size_t a = 0; a + 4 <= mixed.size(); ++a)
                for (std::size_t b = a + 1; b <= a + 4; ++b) same_as_one_shot(whole, decode_pieces(e, mixed, {a, b}, m));
        }
    }
}

TEST_CASE("encoding split at every byte position, and byte by byte, equals one-shot") {
    const std::string text = "A\u00E9\u20AC\u4E2D\U00020021\U0001F600\uE5E5 \xE4\xBD z\xC0\x80\xF0\x9F\x98";
    for (cs::encoding e : all_encodings) {
        for (const cs::encode_options& o : {tolerant("?"), cs::encode_options{}}) {
            INFO(cs::name(e) << (o.m == mode::strict ? " strict" : " tolerant"));
            const converted whole = encode(e, text, o);
            for (std::size_t cut = 0; cut <= text.size(); ++cut) {
                INFO("cut at " << cut);
                same_as_one_shot(whole, encode_pieces(e, text, {cut}, o));
            }
            std::vector<std::size_t> every;
            for (std::size_t i = 1; i < text.size(); ++i) every.push_back(i);
            same_as_one_shot(whole, encode_pieces(e, text, every, o));
        }
    }
}

TEST_CASE("the stream holds what a chunk ends inside of, and finish() ends it") {
    auto feed = [](cs::decoder& dec, const char* h, smsgw::writer& out) {
        const std::string in = bytes(h);
        return dec.decode(in, out);
    };
    cs::decoder d(cs::encoding::gb18030);
    std::string buf(32, '\0');
    smsgw::writer w(buf.data(), buf.size());
    CHECK(feed(d, "41 81 30", w).ok());
    CHECK(d.state().pending() == 2);
    CHECK(feed(d, "81", w).ok());
    CHECK(d.state().pending() == 3);
    CHECK(feed(d, "30", w).ok());
    CHECK(d.state().pending() == 0);
    CHECK(feed(d, "81", w).ok());
    CHECK(d.finish(w) == smsgw::fail(errc::truncated, 5));
    // The error sticks until reset().
    CHECK(feed(d, "41", w) == smsgw::fail(errc::truncated, 5));
    d.reset();
    smsgw::writer w2(buf.data(), buf.size());
    CHECK(feed(d, "41", w2).ok());
    CHECK(d.finish(w2).ok());
    CHECK(w2.size() == 1);

    cs::decoder t(cs::encoding::big5, mode::tolerant);
    smsgw::writer w3(buf.data(), buf.size());
    CHECK(feed(t, "a4", w3).ok());
    const cs::outcome end = t.finish(w3);
    CHECK(end.ok());
    CHECK(end.replaced == 1);
    CHECK(hex(buf.substr(0, w3.size())) == "ef bf bd");
}

TEST_CASE("streaming allocates nothing") {
    const std::string gb = bytes("c9 c1 81 30 81 30 80 ff");
    std::vector<char> buf(64);
    smsgw::test::alloc_counter guard;
    cs::decoder d(cs::encoding::gb18030, mode::tolerant);
    cs::encoder en(cs::encoding::big5, tolerant());
    for (std::size_t i = 0; i < gb.size(); ++i) {
        smsgw::writer w(buf.data(), buf.size());
        d.decode(std::string_view(gb).substr(i, 1), w);
        en.encode(std::string_view("\xE4\xB8\xAD").substr(i % 3, 1), w);
    }
    smsgw::writer w(buf.data(), buf.size());
    d.finish(w);
    en.finish(w);
    CHECK(guard.count() == 0);
}
