// IMSP (issue 6): a send_mms request carrying a 100 KB JPEG, a short text and a SMIL part,
// encoded to its form body and decoded back as a gateway would; a query_batch answer of 20
// entries decoded and walked. memcpy of the same content beside. Throughput counts the
// content carried (the parts' bytes; the page's bytes for query_batch), the same for every row.
#include <benchmark/benchmark.h>

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "smsgw/imsp.hpp"

namespace {

namespace imsp = smsgw::imsp;
constexpr std::size_t jpeg_size = 100 * 1024;

struct message {
    std::vector<smsgw::byte> jpeg;
    std::array<imsp::content, 3> parts;
    imsp::send_mms_request req;
    std::size_t content_size = 0;

    message() : jpeg(jpeg_size) {
        std::mt19937 rng(6);
        jpeg[0] = 0xFF;
        jpeg[1] = 0xD8;
        for (std::size_t i = 2; i < jpeg.size(); ++i) jpeg[i] = static_cast<smsgw::byte>(rng() & 0xFF);
        parts = {{{"T0", "text/plain", std::string_view("此為要傳送的文字內容")},
                  {"T1", "image/jpeg", jpeg},
                  {"T2", "application/smil", std::string_view("<smil><body><par><text src=\"T0\"/><img src=\"T1\"/></par></body></smil>")}}};
        req.account = "1xxxx";
        req.password = "xxxxxxxx";
        req.from_addr = "0912345678";
        req.to_addr = "0937044059,0934444444";
        req.subject = "含兩段文字、及一張圖-SMIL";
        req.message_type = imsp::multipart::related;
        req.presentation_id = "T2";
        req.contents = parts;
        for (const imsp::content& p : parts) content_size += p.data.size();
    }
};

const message& sample() {
    static const message m;
    return m;
}

void memcpy_content(benchmark::State& state) {
    const message& m = sample();
    std::vector<smsgw::byte> out(m.content_size);
    for (auto _ : state) {
        std::size_t at = 0;
        for (const imsp::content& p : m.parts) {
            std::memcpy(out.data() + at, p.data.data(), p.data.size());
            at += p.data.size();
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.content_size));
}

void send_mms_encode(benchmark::State& state) {
    const message& m = sample();
    std::vector<char> out(smsgw::encoded_size(m.req));
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(imsp::encode(m.req, w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.content_size));
    state.counters["body_bytes"] = static_cast<double>(out.size());
}

void send_mms_decode(benchmark::State& state) {
    const message& m = sample();
    std::string body;
    smsgw::encode_append(m.req, body);
    std::vector<smsgw::byte> scratch(body.size());
    std::array<imsp::content, 8> storage{};
    for (auto _ : state) {
        imsp::send_mms_request back;
        const smsgw::result r = imsp::decode(body, back, scratch, storage);
        if (!r) state.SkipWithError("decode failed");
        benchmark::DoNotOptimize(back.contents.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.content_size));
}

const std::string& batch_page() {
    static const std::string page = [] {
        std::string description;
        for (int i = 0; i < 20; ++i) {
            if (i) description += ';';
            description += "09370440" + std::to_string(10 + i) + "," + std::to_string(i % 9) + ", " +
                           std::string(imsp::describe(static_cast<imsp::message_state>(i % 9)).english);
        }
        return "<html><header></header><body>20<br>" + description + " <br> </body></html>";
    }();
    return page;
}

void memcpy_batch_page(benchmark::State& state) {
    const std::string& page = batch_page();
    std::string out(page.size(), '\0');
    for (auto _ : state) {
        std::memcpy(out.data(), page.data(), page.size());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page.size()));
}

void query_batch_decode(benchmark::State& state) {
    const std::string& page = batch_page();
    for (auto _ : state) {
        imsp::query_batch_response r;
        if (!imsp::decode(page, r)) state.SkipWithError("decode failed");
        int states = 0;
        for (const imsp::batch_entry& e : r.entries) states += static_cast<int>(e.status);
        benchmark::DoNotOptimize(states);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 20));
}

BENCHMARK(memcpy_content);
BENCHMARK(send_mms_encode);
BENCHMARK(send_mms_decode);
BENCHMARK(memcpy_batch_page);
BENCHMARK(query_batch_decode);

}  // namespace
