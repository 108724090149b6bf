// smsgw::charset on ~100 KB of real text beside glibc's iconv, ICU's ucnv_convertEx (when
// installed) and memcpy of the same bytes. The texts are made at start from the specs in
// ../shared/spec/: the lines of the Simplified Chinese specs (CMPP/HTTP platform, Hezhong, 5C)
// that are mostly CJK, in GBK; those of the Traditional ones (IMSP, Mitake) in Big5; and the
// specs' pure-ASCII lines. Each is repeated to 100 KB or more. Throughput counts the bytes in
// the legacy encoding (the input of a decode, the output of an encode), the same for every row.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iconv.h>
#include <sstream>
#include <string>
#include <utility>

#include "smsgw/charset.hpp"

#ifdef SMSGW_HAVE_ICU
#include <unicode/ucnv.h>
#endif

namespace {

namespace cs = smsgw::charset;

std::string read(const char* name) {
    std::ifstream in(std::string(SMSGW_SHARED_DIR) + "/spec/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The lines of `files` whose bytes are mostly (cjk) or only (!cjk) non-ASCII/ASCII, repeated
// to 100 KB of UTF-8 or more.
std::string lines_of(std::initializer_list<const char*> files, bool cjk) {
    std::string picked;
    for (const char* f : files) {
        std::istringstream text(read(f));
        std::string line;
        while (std::getline(text, line)) {
            std::size_t high = 0;
            for (char c : line) high += static_cast<unsigned char>(c) >= 0x80;
            if (line.size() < 8) continue;
            if (cjk ? high * 2 > line.size() : high == 0) picked += line + "\n";
        }
    }
    if (picked.empty()) return picked;
    std::string out;
    while (out.size() < 100 * 1024) out += picked;
    return out;
}

struct sample {
    cs::encoding enc;
    const char* iconv_name;
    const char* icu_name;
    std::string utf8;
    std::string legacy;
};

sample make(cs::encoding e, const char* iconv_name, const char* icu_name, std::string utf8) {
    sample s{e, iconv_name, icu_name, std::move(utf8), {}};
    cs::encode_options o;
    o.m = smsgw::mode::tolerant;  // the few characters the encoding lacks become '?'
    s.legacy.resize(cs::max_encoded_size(e, s.utf8.size(), o));
    smsgw::writer w(s.legacy.data(), s.legacy.size());
    cs::encode(e, s.utf8, w, o);
    s.legacy.resize(w.size());
    // The UTF-8 side is what decoding the legacy bytes gives, so both directions are one text.
    s.utf8.resize(cs::max_decoded_size(s.legacy.size()));
    smsgw::writer u(s.utf8.data(), s.utf8.size());
    cs::decode(e, s.legacy, u);
    s.utf8.resize(u.size());
    return s;
}

const sample& gbk_prose() {
    static const sample s = make(cs::encoding::gbk, "GBK", "GBK",
                                 lines_of({"cmpp2-and-http-sms-platform.txt", "hezhong-video-mms-api.txt", "5c-mms-api.txt"}, true));
    return s;
}
const sample& big5_prose() {
    static const sample s = make(cs::encoding::big5, "BIG5", "Big5", lines_of({"imsp-mms-gateway.txt", "mitake-mms-api.txt"}, true));
    return s;
}
const sample& ascii_text() {
    static const sample s = make(cs::encoding::gbk, "GBK", "GBK",
                                 lines_of({"cmpp2-and-http-sms-platform.txt", "imsp-mms-gateway.txt", "mitake-mms-api.txt",
                                           "hezhong-video-mms-api.txt", "5c-mms-api.txt"},
                                          false));
    return s;
}

using sample_fn = const sample& (*)();

bool usable(benchmark::State& state, const sample& s) {
    if (s.legacy.empty()) {
        state.SkipWithError("../shared/spec not found");
        return false;
    }
    return true;
}

void done(benchmark::State& state, const sample& s) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.legacy.size()));
}

void memcpy_copy(benchmark::State& state, sample_fn f) {
    const sample& s = f();
    if (!usable(state, s)) return;
    std::string out(s.legacy.size(), '\0');
    for (auto _ : state) {
        std::memcpy(out.data(), s.legacy.data(), s.legacy.size());
        benchmark::ClobberMemory();
    }
    done(state, s);
}

void smsgw_decode(benchmark::State& state, sample_fn f) {
    const sample& s = f();
    if (!usable(state, s)) return;
    std::string out(cs::max_decoded_size(s.legacy.size()), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(cs::decode(s.enc, s.legacy, w));
        benchmark::ClobberMemory();
    }
    done(state, s);
}

void smsgw_encode(benchmark::State& state, sample_fn f) {
    const sample& s = f();
    if (!usable(state, s)) return;
    std::string out(cs::max_encoded_size(s.enc, s.utf8.size()), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(cs::encode(s.enc, s.utf8, w));
        benchmark::ClobberMemory();
    }
    done(state, s);
}

// One whole-buffer iconv() per iteration; refuses to report a conversion that stopped early.
void iconv_convert(benchmark::State& state, const sample& s, bool decoding) {
    iconv_t cd = decoding ? iconv_open("UTF-8", s.iconv_name) : iconv_open(s.iconv_name, "UTF-8");
    const std::string& from = decoding ? s.legacy : s.utf8;
    std::string out(from.size() * 3 + 16, '\0');
    for (auto _ : state) {
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        char* in = const_cast<char*>(from.data());
        std::size_t in_left = from.size();
        char* o = out.data();
        std::size_t out_left = out.size();
        iconv(cd, &in, &in_left, &o, &out_left);
        if (in_left != 0) {
            state.SkipWithError("iconv stopped before the end");
            break;
        }
        benchmark::ClobberMemory();
    }
    iconv_close(cd);
    done(state, s);
}
void iconv_decode(benchmark::State& state, sample_fn f) {
    if (usable(state, f())) iconv_convert(state, f(), true);
}
void iconv_encode(benchmark::State& state, sample_fn f) {
    if (usable(state, f())) iconv_convert(state, f(), false);
}

#ifdef SMSGW_HAVE_ICU
// ucnv_convertEx between the legacy converter and UTF-8 through a UTF-16 pivot on the stack.
void icu_convert(benchmark::State& state, const sample& s, bool decoding) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* legacy = ucnv_open(s.icu_name, &err);
    UConverter* utf8 = ucnv_open("UTF-8", &err);
    const std::string& from = decoding ? s.legacy : s.utf8;
    std::string out(from.size() * 3 + 16, '\0');
    UChar pivot[4096];
    for (auto _ : state) {
        err = U_ZERO_ERROR;
        char* target = out.data();
        const char* source = from.data();
        UChar* pivot_source = pivot;
        UChar* pivot_target = pivot;
        ucnv_convertEx(decoding ? utf8 : legacy, decoding ? legacy : utf8, &target, out.data() + out.size(), &source,
                       from.data() + from.size(), pivot, &pivot_source, &pivot_target, pivot + 4096, true, true, &err);
        if (U_FAILURE(err) || source != from.data() + from.size()) {
            state.SkipWithError(u_errorName(err));
            break;
        }
        benchmark::ClobberMemory();
    }
    ucnv_close(legacy);
    ucnv_close(utf8);
    done(state, s);
}
void icu_decode(benchmark::State& state, sample_fn f) {
    if (usable(state, f())) icu_convert(state, f(), true);
}
void icu_encode(benchmark::State& state, sample_fn f) {
    if (usable(state, f())) icu_convert(state, f(), false);
}
#endif

// Rows by text: memcpy, then decoding and encoding by smsgw, iconv and ICU.
const bool registered = [] {
    const std::pair<const char*, sample_fn> texts[] = {{"gbk_prose", gbk_prose}, {"big5_prose", big5_prose}, {"ascii_text", ascii_text}};
    using row = void (*)(benchmark::State&, sample_fn);
    const std::pair<const char*, row> rows[] = {
        {"memcpy", memcpy_copy},   {"smsgw_decode", smsgw_decode}, {"iconv_decode", iconv_decode},
#ifdef SMSGW_HAVE_ICU
        {"icu_decode", icu_decode},
#endif
        {"smsgw_encode", smsgw_encode}, {"iconv_encode", iconv_encode},
#ifdef SMSGW_HAVE_ICU
        {"icu_encode", icu_encode},
#endif
    };
    for (const auto& [text, f] : texts)
        for (const auto& [name, fn] : rows) benchmark::RegisterBenchmark((std::string(name) + "/" + text).c_str(), fn, f);
    return true;
}();

}  // namespace
