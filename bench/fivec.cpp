// 5C (issue 17): the frame string of caixin_send for three frames with a 40 KB image, built
// by fivec::frame_string beside codec::base64 of the same bytes alone (the builder's target:
// within 1.2x); a report reply of 500 six-field records read by fivec (the lazy list alone,
// and decode(), which checks the whole list first, then the walk) beside the way a C++ user
// splits it without smsgw (std::getline on ';', then on ',') and beside memchr finding the
// same separators (targets: 10x the getline way, 1 GB/s). Throughput counts the files' bytes
// for the frames, the reply's bytes for the reports.
#include <benchmark/benchmark.h>

#include <array>
#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "smsgw/fivec.hpp"

namespace {

namespace fivec = smsgw::fivec;

struct frames_input {
    std::vector<smsgw::byte> image;
    std::string text1 = "您好，这是第一帧的文字内容：彩信平台 MMS API 2.0 的基准测试，一段普通长度的中文短信正文。";
    std::string text2 = "第二帧的文字。";
    std::string text3 = "第三帧的文字，谢谢。";
    std::array<fivec::frame_file, 4> files;
    std::size_t bytes = 0;

    frames_input() : image(40 * 1024) {
        std::mt19937 rng(17);
        for (smsgw::byte& b : image) b = static_cast<smsgw::byte>(rng() & 0xFF);
        files = {{{1, fivec::file_type::txt, text1},
                  {1, fivec::file_type::jpg, image},
                  {2, fivec::file_type::txt, text2},
                  {3, fivec::file_type::txt, text3}}};
        for (const fivec::frame_file& f : files) bytes += f.content.size();
    }
};

const frames_input& frames_sample() {
    static const frames_input in;
    return in;
}

void frames_build(benchmark::State& state) {
    const frames_input& in = frames_sample();
    const fivec::frame_string fs{in.files};
    std::vector<smsgw::byte> out(smsgw::encoded_size(fs));
    for (auto _ : state) {
        smsgw::writer w(out);
        benchmark::DoNotOptimize(encode(fs, w));
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
}

void base64_alone(benchmark::State& state) {
    const frames_input& in = frames_sample();
    std::vector<smsgw::byte> out(smsgw::encoded_size(fivec::frame_string{in.files}));
    for (auto _ : state) {
        smsgw::writer w(out);
        for (const fivec::frame_file& f : in.files) benchmark::DoNotOptimize(smsgw::codec::base64::encode(f.content, w));
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.bytes));
}

const std::string& report_sample() {
    static const std::string text = [] {
        std::string s;
        for (int i = 0; i < 500; ++i) {
            s += std::to_string(3000 + i % 7) + ",1356886463" + std::to_string(8358 + i) + "," + std::to_string(2267476 + i);
            s += ",139192" + std::to_string(14967 + i) + (i % 5 == 0 ? ",UNDELIV," : ",DELIVRD,") + "2012-11-15 18:19:52;";
        }
        return s;
    }();
    return text;
}

void reports_fivec_walk(benchmark::State& state) {
    const std::string& in = report_sample();
    for (auto _ : state) {
        const fivec::report_list list(in, smsgw::mode::strict);
        std::size_t delivered = 0;
        for (const fivec::report& r : list) delivered += r.delivered() ? 1 : 0;
        if (!list.error()) state.SkipWithError("refused");
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}

void reports_fivec_decode(benchmark::State& state) {
    const std::string& in = report_sample();
    for (auto _ : state) {
        fivec::report_reply reply;
        if (!fivec::decode(in, reply)) state.SkipWithError("refused");
        std::size_t delivered = 0;
        for (const fivec::report& r : reply.reports) delivered += r.delivered() ? 1 : 0;
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}

void reports_getline(benchmark::State& state) {
    const std::string& in = report_sample();
    std::vector<std::string> fields;
    for (auto _ : state) {
        std::istringstream list(in);
        std::string record, field;
        std::size_t delivered = 0;
        while (std::getline(list, record, ';')) {
            std::istringstream rs(record);
            fields.clear();
            while (std::getline(rs, field, ',')) fields.push_back(field);
            if (fields.size() == 6 && fields[4] == "DELIVRD") ++delivered;
        }
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}

void reports_memchr(benchmark::State& state) {
    const std::string& in = report_sample();
    for (auto _ : state) {
        const char* p = in.data();
        const char* const end = p + in.size();
        std::size_t delivered = 0;
        while (p < end) {
            const char* rec_end = static_cast<const char*>(std::memchr(p, ';', static_cast<std::size_t>(end - p)));
            if (rec_end == nullptr) rec_end = end;
            const char* f = p;
            for (int i = 0; i < 4 && f != nullptr; ++i) {
                f = static_cast<const char*>(std::memchr(f, ',', static_cast<std::size_t>(rec_end - f)));
                if (f != nullptr) ++f;
            }
            if (f != nullptr && rec_end - f >= 7 && std::memcmp(f, "DELIVRD", 7) == 0) ++delivered;
            p = rec_end + 1;
        }
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}

}  // namespace

BENCHMARK(frames_build);
BENCHMARK(base64_alone);
BENCHMARK(reports_fivec_walk);
BENCHMARK(reports_fivec_decode);
BENCHMARK(reports_getline);
BENCHMARK(reports_memchr);

BENCHMARK_MAIN();
