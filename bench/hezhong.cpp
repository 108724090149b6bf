// Hezhong (issue 16), in one run: SaveMmsModel carrying a 300 KB video as hex16str encoded,
// beside codec::hex of the same bytes alone (the floor); a 500-record `rpts` push decoded and
// walked, beside std::getline on ';' then ',' into strings (the way without smsgw) and memchr
// over the same bytes; a SendVariableMmsTask of 1000 entries decoded and walked, beside
// nlohmann-json parsing it and walking the same entries. Throughput counts the input (the
// video's bytes for the encoders).
#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "smsgw/codec/hex.hpp"
#include "smsgw/hezhong.hpp"

#if defined(SMSGW_HAVE_NLOHMANN)
#include <nlohmann/json.hpp>
#endif

namespace {

namespace hz = smsgw::hezhong;

struct video_model {
    std::vector<smsgw::byte> video = std::vector<smsgw::byte>(300 * 1024);
    hz::attachment files[2];
    hz::frame frames[1];
    hz::save_mms_model_request req;
    video_model() {
        std::mt19937 rng(16);
        for (smsgw::byte& b : video) b = static_cast<smsgw::byte>(rng() & 0xFF);
        files[0] = {1, "1.txt", smsgw::bytes(std::string_view("欢迎 ${Text1}")), {}};
        files[1] = {2, "2.mp4", smsgw::bytes(video.data(), video.size()), {}};
        frames[0] = {0, "5000", files};
        req = {"300000", "300000", "123456", "16891", smsgw::bytes(std::string_view("测试模板标题")), frames};
    }
};

const video_model& model() {
    static const video_model m;
    return m;
}

void hex_floor(benchmark::State& state) {
    const video_model& m = model();
    std::vector<smsgw::byte> out(smsgw::codec::hex::encoded_size(m.video.size()));
    for (auto _ : state) {
        smsgw::writer w(smsgw::mutable_bytes(out.data(), out.size()));
        benchmark::DoNotOptimize(smsgw::codec::hex::encode(smsgw::bytes(m.video.data(), m.video.size()), w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.video.size()));
}
BENCHMARK(hex_floor);

void save_mms_model_encode(benchmark::State& state) {
    const video_model& m = model();
    std::vector<smsgw::byte> out(smsgw::encoded_size(m.req));
    for (auto _ : state) {
        smsgw::writer w(smsgw::mutable_bytes(out.data(), out.size()));
        benchmark::DoNotOptimize(hz::encode(m.req, w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.video.size()));
}
BENCHMARK(save_mms_model_encode);

std::string rpts_push() {
    std::string s;
    for (int i = 0; i < 500; ++i) {
        if (i != 0) s += ';';
        s += "1380013" + std::to_string(8000 + i) + (i % 7 == 0 ? ",UNDELIV," : ",DELIVRD,") + std::to_string(100000 + i) +
             ",20240229103324" + (i % 2 ? ",P" + std::to_string(i) : "");
    }
    return s;
}
const std::string& rpts() {
    static const std::string s = rpts_push();
    return s;
}

void rpts_hezhong(benchmark::State& state) {
    const std::string& text = rpts();
    for (auto _ : state) {
        std::size_t delivered = 0;
        const hz::report_list list(text);
        for (const hz::report& r : list) delivered += r.delivered();
        if (!list.error()) state.SkipWithError("rpts did not read");
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(rpts_hezhong);

void rpts_getline(benchmark::State& state) {
    const std::string& text = rpts();
    for (auto _ : state) {
        std::size_t delivered = 0;
        std::istringstream records(text);
        std::string record;
        while (std::getline(records, record, ';')) {
            std::istringstream fields(record);
            std::vector<std::string> f;
            std::string field;
            while (std::getline(fields, field, ',')) f.push_back(field);
            delivered += f.size() > 1 && f[1] == "DELIVRD";
        }
        benchmark::DoNotOptimize(delivered);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(rpts_getline);

void rpts_memchr(benchmark::State& state) {
    const std::string& text = rpts();
    for (auto _ : state) {
        std::size_t records = 0;
        const char* p = text.data();
        const char* const end = p + text.size();
        while (const void* q = std::memchr(p, ';', static_cast<std::size_t>(end - p))) {
            ++records;
            p = static_cast<const char*>(q) + 1;
        }
        benchmark::DoNotOptimize(records);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(rpts_memchr);

std::string variable_task() {
    static std::vector<std::array<hz::variable, 2>> params(1000);
    static std::vector<std::string> numbers(1000);
    std::vector<hz::recipient> to(1000);
    for (std::size_t i = 0; i < to.size(); ++i) {
        numbers[i] = "1520116" + std::to_string(1000 + i);
        params[i] = {{{"Text1", "张三"}, {"Text2", "宴会厅 A"}}};
        to[i] = {numbers[i], params[i]};
    }
    hz::send_variable_mms_task_request r{"300001", "300001", "1111", "79BD8D40270F0002", "", hz::recipients(to)};
    std::string s;
    smsgw::encode_append(r, s);
    return s;
}
const std::string& task() {
    static const std::string s = variable_task();
    return s;
}

void variable_task_hezhong(benchmark::State& state) {
    const std::string& body = task();
    std::vector<smsgw::byte> scratch(body.size());
    for (auto _ : state) {
        hz::send_variable_mms_task_request r;
        if (!hz::decode(body, r, scratch)) state.SkipWithError("the task did not decode");
        std::size_t n = 0;
        for (const hz::recipients::entry& e : r.cont) n += e.mobile.size();
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(variable_task_hezhong);

#if defined(SMSGW_HAVE_NLOHMANN)
void variable_task_nlohmann(benchmark::State& state) {
    const std::string& body = task();
    for (auto _ : state) {
        const nlohmann::json outer = nlohmann::json::parse(body);
        const nlohmann::json cont = nlohmann::json::parse(outer.at("cont").get<std::string>());
        std::size_t n = 0;
        for (const nlohmann::json& e : cont) n += e.at("mobile").get<std::string>().size() + e.at("param").size();
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(variable_task_nlohmann);
#endif

}  // namespace
