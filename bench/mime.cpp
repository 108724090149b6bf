// MIME (issue 4): an IMSP get_mime packet parsed and every part decoded (SMIL, UTF-8 text,
// base64 JPEG-like bytes; Subject decoded too), at 71 KB and 4 KB. Beside it: memcpy of the
// packet, a bare memmem + base64 loop (the least any parser must do), and GMime 3.2 when
// installed (g_mime_parser on a memory stream, each part's content decoded into a memory
// stream). Throughput counts the packet bytes, the same for every row.
#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <string>

#include "smsgw/codec/base64.hpp"
#include "smsgw/mime.hpp"

#ifdef SMSGW_HAVE_GMIME
#include <gmime/gmime.h>
#endif

namespace {

namespace mime = smsgw::mime;

// An IMSP-shaped packet (imsp-mms-gateway.txt §5.1) whose JPEG part holds `jpeg_size` bytes.
std::string packet(std::size_t jpeg_size) {
    std::mt19937 rng(7);
    std::string jpeg(jpeg_size, '\0');
    for (char& c : jpeg) c = static_cast<char>(rng() & 0xFF);
    jpeg[0] = '\xFF';
    jpeg[1] = '\xD8';
    std::string smil = "<smil><head><layout><root-layout height=\"127\" width=\"111\"/>"
                       "<region id=\"Image\" top=\"50%\" left=\"0%\" height=\"50%\" width=\"100%\"/>"
                       "<region id=\"Text\" top=\"0%\" left=\"0%\" height=\"50%\" width=\"100%\"/></layout></head>"
                       "<body><par dur=\"5000ms\"><img src=\"96625_2.jpg\" region=\"Image\"/>"
                       "<text src=\"96625_1.txt\" region=\"Text\"/></par></body></smil>";
    smil.resize(300, ' ');
    const std::string text = "這是閃光一號";
    const mime::field top[] = {{"Date", "2005/03/08 13:52:53 CST"}, {"To", "44441"},         {"From", "0000013969"},
                               {"Msgid", "96625"},                  {"Subject", "閃光一號"}, {"Content_number", "3"}};
    const mime::part_spec parts[] = {
        {"application/smil", smil, mime::transfer_encoding::base64, "96625_0.smil", "attachment", "\"<t0>", {}},
        {"text/plain", text, mime::transfer_encoding::base64, "96625_1.txt", "attachment", "t1.txt", {}},
        {"image/jpeg", jpeg, mime::transfer_encoding::base64, "96625_2.jpg", "attachment", "picture014.jpg", {}},
    };
    const mime::message_spec spec{top, "mixed", "----=_CHT_MMS_BOUNDARY.96625", parts, mime::imsp_names};
    std::string out;
    smsgw::encode_append(spec, out);
    return out;
}

const std::string& big() {
    static const std::string p = packet(50 * 1024);
    return p;
}
const std::string& small() {
    static const std::string p = packet(2300);
    return p;
}

void memcpy_packet(benchmark::State& state, const std::string& in) {
    std::string out(in.size(), '\0');
    for (auto _ : state) {
        std::memcpy(out.data(), in.data(), in.size());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.size()));
}

// smsgw: parse, decode the Subject, and every leaf's content into one caller buffer.
void smsgw_parse_decode(benchmark::State& state, const std::string& in) {
    std::string out(in.size(), '\0');
    char subject[256];
    mime::part storage[8];
    std::size_t decoded = 0;
    for (auto _ : state) {
        mime::message msg(storage);
        if (!mime::decode(in, msg)) state.SkipWithError("parse failed");
        smsgw::writer sw(subject, sizeof subject);
        mime::decode_text(msg.headers().value("Subject"), sw);
        smsgw::writer w(out.data(), out.size());
        for (std::size_t i = 0; i < msg.size(); ++i)
            if (msg.is_leaf(i)) mime::decode_content(msg[i], w);
        decoded = w.size();
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.counters["decoded_bytes"] = static_cast<double>(decoded);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.size()));
}

// The floor: find each part's blank line and the next delimiter with memmem, base64-decode
// what lies between. No header parsing, no checks.
void memmem_base64(benchmark::State& state, const std::string& in) {
    std::string out(in.size(), '\0');
    const std::string delim = "\r\n------=_CHT_MMS_BOUNDARY.96625";
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        const char* p = in.data();
        const char* end = in.data() + in.size();
        // Skip the top header block.
        p = static_cast<const char*>(memmem(p, static_cast<std::size_t>(end - p), "\r\n\r\n", 4)) + 4;
        while (const char* d = static_cast<const char*>(memmem(p, static_cast<std::size_t>(end - p), delim.data(), delim.size()))) {
            const char* body = static_cast<const char*>(memmem(d, static_cast<std::size_t>(end - d), "\r\n\r\n", 4));
            if (!body) break;
            body += 4;
            const char* next = static_cast<const char*>(memmem(body, static_cast<std::size_t>(end - body), delim.data(), delim.size()));
            if (!next) break;
            smsgw::codec::base64::decode(std::string_view(body, static_cast<std::size_t>(next - body)), w,
                                         {smsgw::codec::base64::alphabet::standard, smsgw::codec::base64::mode::mime});
            p = next;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.size()));
}

BENCHMARK_CAPTURE(memcpy_packet, big_71k, big());
BENCHMARK_CAPTURE(smsgw_parse_decode, big_71k, big());
BENCHMARK_CAPTURE(memmem_base64, big_71k, big());
BENCHMARK_CAPTURE(memcpy_packet, small_4k, small());
BENCHMARK_CAPTURE(smsgw_parse_decode, small_4k, small());
BENCHMARK_CAPTURE(memmem_base64, small_4k, small());

#ifdef SMSGW_HAVE_GMIME
void decode_gmime_part(GMimeObject*, GMimeObject* part, gpointer user) {
    if (!GMIME_IS_PART(part)) return;
    GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(part));
    if (!content) return;
    GMimeStream* sink = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(content, sink);
    *static_cast<std::size_t*>(user) += static_cast<std::size_t>(g_mime_stream_length(sink));
    g_object_unref(sink);
}

void gmime_parse_decode(benchmark::State& state, const std::string& in) {
    static const bool once = [] {
        g_mime_init();
        return true;
    }();
    (void)once;
    std::size_t decoded = 0;
    for (auto _ : state) {
        GMimeStream* stream = g_mime_stream_mem_new_with_buffer(in.data(), in.size());
        GMimeParser* parser = g_mime_parser_new_with_stream(stream);
        GMimeMessage* msg = g_mime_parser_construct_message(parser, nullptr);
        if (!msg) state.SkipWithError("GMime parse failed");
        decoded = 0;
        benchmark::DoNotOptimize(g_mime_message_get_subject(msg));
        g_mime_message_foreach(msg, decode_gmime_part, &decoded);
        g_object_unref(msg);
        g_object_unref(parser);
        g_object_unref(stream);
    }
    state.counters["decoded_bytes"] = static_cast<double>(decoded);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.size()));
}
BENCHMARK_CAPTURE(gmime_parse_decode, big_71k, big());
BENCHMARK_CAPTURE(gmime_parse_decode, small_4k, small());
#endif

}  // namespace
