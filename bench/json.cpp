// JSON (issue 5). Reading: a Mitake push response with 10 messages, every field extracted into
// a struct (uint64 ids exact, "status" numbers read from their strings), by smsgw beside
// simdjson ondemand, RapidJSON and nlohmann-json when installed. Writing: a Mitake push request
// with two 100 KB attachments in base64, beside the floor of memcpy of its text plus base64 of
// the attachments. Throughput counts the document's bytes, the same for every row of a group.
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/json_bind.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"

#ifdef SMSGW_HAVE_SIMDJSON
#include <simdjson.h>

#include "simdjson_kernel.hpp"
#endif
#ifdef SMSGW_HAVE_RAPIDJSON
#include <rapidjson/document.h>
#endif
#ifdef SMSGW_HAVE_NLOHMANN
#include <nlohmann/json.hpp>
#endif

namespace {

namespace json = smsgw::codec::json;

struct message {
    std::uint64_t msg_id = 0;
    std::string_view c_id;
    int status = 0;
    std::string_view status_desc;
    std::string_view status_time;
    int point = 0;
};

struct push_response {
    std::uint64_t batch_id = 0;
    message messages[10];
    std::size_t count = 0;
    int cost_points = 0;
    int account_points = 0;
};

// mitake-mms-api.txt, 發送(push) HTTP Response, with 10 messages and numeric ids above 2^53.
const std::string& response() {
    static const std::string doc = [] {
        std::string s = "{\n  \"batchID\": 304934976469110784,\n  \"messages\": [\n";
        for (int i = 0; i < 10; ++i) {
            s += "    {\n      \"msgID\": " + std::to_string(304934980000714750u + static_cast<unsigned>(i)) +
                 ",\n      \"cID\": \"clientID00" + std::to_string(i) +
                 "\",\n      \"status\": \"1\",\n      \"statusDesc\": \"已送達三竹\",\n"
                 "      \"statusTime\": \"20200505160000\",\n      \"point\": 3\n    }";
            s += i == 9 ? "\n" : ",\n";
        }
        s += "  ],\n  \"costPoints\": 30,\n  \"accountPoints\": 9970\n}\n";
        return s;
    }();
    return doc;
}

bool check(const push_response& r) {
    return r.batch_id == 304934976469110784u && r.count == 10 && r.messages[9].msg_id == 304934980000714759u &&
           r.messages[9].c_id == "clientID009" && r.messages[0].status == 1 && r.messages[0].point == 3 &&
           r.cost_points == 30 && r.account_points == 9970 && r.messages[3].status_desc == "已送達三竹" &&
           r.messages[3].status_time == "20200505160000";
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

smsgw::result bind_response(const json::value& root, push_response& out) {
    out.count = 0;
    const auto each_message = [&out](const json::value& v) {
        json::array a;
        if (smsgw::result r = v.get(a); !r) return r;
        for (const json::value& m : a) {
            if (out.count == 10) return smsgw::fail(smsgw::errc::too_many, m.offset());
            message& msg = out.messages[out.count++];
            smsgw::result r = json::bind_fields(
                m, json::required("msgID", msg.msg_id), json::optional("cID", msg.c_id), json::required("status", msg.status),
                json::optional("statusDesc", msg.status_desc), json::optional("statusTime", msg.status_time),
                json::optional("point", msg.point));
            if (!r) return r;
        }
        return smsgw::result{};
    };
    return json::bind_fields(root, json::required("batchID", out.batch_id), json::required_with("messages", each_message),
                             json::optional("costPoints", out.cost_points),
                             json::optional("accountPoints", out.account_points));
}

// One pass: the document checks what the binding walks over, then that nothing follows.
smsgw::result read_smsgw(std::string_view text, push_response& out) {
    json::document doc(text);
    return doc.finish(bind_response(doc.root(), out));
}

// Two passes: parse() checks the whole text, then the binding walks it.
smsgw::result read_smsgw_checked_first(std::string_view text, push_response& out) {
    json::value root;
    if (smsgw::result r = json::parse(text, root); !r) return r;
    return bind_response(root, out);
}

template <smsgw::result (*Read)(std::string_view, push_response&)>
void read_with(benchmark::State& state) {
    const std::string& doc = response();
    push_response r;
    for (auto _ : state) {
        benchmark::DoNotOptimize(Read(doc, r));
        benchmark::ClobberMemory();
    }
    if (!check(r)) state.SkipWithError("wrong values");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
void read_smsgw_document(benchmark::State& state) { read_with<read_smsgw>(state); }
BENCHMARK(read_smsgw_document);
void read_smsgw_parse_then_bind(benchmark::State& state) { read_with<read_smsgw_checked_first>(state); }
BENCHMARK(read_smsgw_parse_then_bind);

#ifdef SMSGW_HAVE_SIMDJSON
// `kernel`: simdjson's own choice for this CPU or one named (simdjson_kernel.hpp).
void read_simdjson_ondemand(benchmark::State& state, const char* kernel) {
    const simdjson_kernel use(state, kernel);
    if (!use.ok()) return;
    const std::string& doc = response();
    const simdjson::padded_string padded(doc);
    simdjson::ondemand::parser parser;
    push_response r;
    for (auto _ : state) {
        simdjson::ondemand::document d;
        if (parser.iterate(padded).get(d)) {
            state.SkipWithError("parse");
            break;
        }
        simdjson::ondemand::object root;
        if (d.get_object().get(root)) break;
        r.count = 0;
        for (auto field : root) {
            std::string_view key;
            if (field.unescaped_key().get(key)) break;
            if (key == "batchID") {
                if (field.value().get_uint64().get(r.batch_id)) break;
            } else if (key == "messages") {
                simdjson::ondemand::array a;
                if (field.value().get_array().get(a)) break;
                for (auto element : a) {
                    simdjson::ondemand::object o;
                    if (element.get_object().get(o)) break;
                    message& m = r.messages[r.count++];
                    for (auto f : o) {
                        std::string_view k, s;
                        if (f.unescaped_key().get(k)) break;
                        if (k == "msgID") {
                            if (f.value().get_uint64().get(m.msg_id)) break;
                        } else if (k == "cID") {
                            if (f.value().get_string().get(m.c_id)) break;
                        } else if (k == "status") {
                            if (f.value().get_string().get(s)) break;
                            m.status = to_int(s);
                        } else if (k == "statusDesc") {
                            if (f.value().get_string().get(m.status_desc)) break;
                        } else if (k == "statusTime") {
                            if (f.value().get_string().get(m.status_time)) break;
                        } else if (k == "point") {
                            std::int64_t p = 0;
                            if (f.value().get_int64().get(p)) break;
                            m.point = static_cast<int>(p);
                        }
                    }
                }
            } else if (key == "costPoints") {
                std::int64_t p = 0;
                if (field.value().get_int64().get(p)) break;
                r.cost_points = static_cast<int>(p);
            } else if (key == "accountPoints") {
                std::int64_t p = 0;
                if (field.value().get_int64().get(p)) break;
                r.account_points = static_cast<int>(p);
            }
        }
        benchmark::DoNotOptimize(r);
        if (!check(r)) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK_CAPTURE(read_simdjson_ondemand, best, nullptr);
BENCHMARK_CAPTURE(read_simdjson_ondemand, avx2, "haswell");
BENCHMARK_CAPTURE(read_simdjson_ondemand, sse42, "westmere");
BENCHMARK_CAPTURE(read_simdjson_ondemand, no_simd, "fallback");
#endif

#ifdef SMSGW_HAVE_RAPIDJSON
void read_rapidjson(benchmark::State& state) {
    const std::string& doc = response();
    push_response r;
    for (auto _ : state) {
        rapidjson::Document d;
        d.Parse(doc.data(), doc.size());
        if (d.HasParseError() || !d.IsObject()) {
            state.SkipWithError("parse");
            break;
        }
        r.count = 0;
        for (auto& f : d.GetObject()) {
            const std::string_view key(f.name.GetString(), f.name.GetStringLength());
            if (key == "batchID") {
                r.batch_id = f.value.GetUint64();
            } else if (key == "messages") {
                for (auto& e : f.value.GetArray()) {
                    message& m = r.messages[r.count++];
                    for (auto& g : e.GetObject()) {
                        const std::string_view k(g.name.GetString(), g.name.GetStringLength());
                        const auto str = [&g] { return std::string_view(g.value.GetString(), g.value.GetStringLength()); };
                        if (k == "msgID") m.msg_id = g.value.GetUint64();
                        else if (k == "cID") m.c_id = str();
                        else if (k == "status") m.status = to_int(str());
                        else if (k == "statusDesc") m.status_desc = str();
                        else if (k == "statusTime") m.status_time = str();
                        else if (k == "point") m.point = g.value.GetInt();
                    }
                }
            } else if (key == "costPoints") {
                r.cost_points = f.value.GetInt();
            } else if (key == "accountPoints") {
                r.account_points = f.value.GetInt();
            }
        }
        benchmark::DoNotOptimize(r);
        if (!check(r)) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(read_rapidjson);
#endif

#ifdef SMSGW_HAVE_NLOHMANN
void read_nlohmann(benchmark::State& state) {
    const std::string& doc = response();
    push_response r;
    for (auto _ : state) {
        const nlohmann::json d = nlohmann::json::parse(doc);
        r.count = 0;
        for (const auto& [key, value] : d.items()) {
            if (key == "batchID") {
                r.batch_id = value.get<std::uint64_t>();
            } else if (key == "messages") {
                for (const auto& e : value) {
                    message& m = r.messages[r.count++];
                    for (const auto& [k, v] : e.items()) {
                        const auto str = [&v] { return std::string_view(v.get_ref<const std::string&>()); };
                        if (k == "msgID") m.msg_id = v.get<std::uint64_t>();
                        else if (k == "cID") m.c_id = str();
                        else if (k == "status") m.status = to_int(str());
                        else if (k == "statusDesc") m.status_desc = str();
                        else if (k == "statusTime") m.status_time = str();
                        else if (k == "point") m.point = v.get<int>();
                    }
                }
            } else if (key == "costPoints") {
                r.cost_points = value.get<int>();
            } else if (key == "accountPoints") {
                r.account_points = value.get<int>();
            }
        }
        benchmark::DoNotOptimize(r);
        // The views point into `d`, gone after this iteration: compare the plain numbers only.
        if (r.batch_id != 304934976469110784u || r.count != 10 || r.messages[9].msg_id != 304934980000714759u ||
            r.messages[0].status != 1 || r.account_points != 9970) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(read_nlohmann);
#endif

// Writing: mitake-mms-api.txt 發送(push) request, two destinations, two 100 KB attachments.
constexpr std::size_t attachment_size = 100 * 1024;

std::string random_bytes(unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(attachment_size, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

const std::string& attachment(int which) {
    static const std::string a[2] = {random_bytes(7), random_bytes(8)};
    return a[which];
}

smsgw::result write_push(smsgw::writer& out) {
    json::writer j(out);
    j.begin_object()
        .member("subject", "mms subject")
        .member("content", "mms content")
        .member("orderTime", "20200505160000")
        .member("expireTime", "20200506160000")
        .key("destinations")
        .begin_array()
        .begin_object().member("to", "0911111111").member("cID", "clientID001").end_object()
        .begin_object().member("to", "0922222222").member("cID", "clientID002").end_object()
        .end_array()
        .key("attachments")
        .begin_array();
    for (int i = 0; i < 2; ++i) {
        j.begin_object()
            .key("attachContent").base64_string(attachment(i))
            .member("attachType", "jpg")
            .member("attachName", i == 0 ? "mitake01.jpg" : "mitake02.jpg")
            .end_object();
    }
    j.end_array().end_object();
    return j.finish();
}

std::size_t request_size() {
    smsgw::writer measure;
    write_push(measure);
    return measure.size();
}

void write_smsgw(benchmark::State& state) {
    std::string out(request_size(), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        benchmark::DoNotOptimize(write_push(w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(write_smsgw);

void write_smsgw_measure_then_write(benchmark::State& state) {
    std::string out(request_size(), '\0');
    for (auto _ : state) {
        const std::size_t n = request_size();
        smsgw::writer w(out.data(), n);
        benchmark::DoNotOptimize(write_push(w));
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(write_smsgw_measure_then_write);

// The floor: the request's text without its attachments copied with memcpy, and the two
// attachments base64-encoded after it: the same bytes, none of the JSON work.
void write_floor_memcpy_plus_base64(benchmark::State& state) {
    const std::size_t b64 = smsgw::codec::base64::encoded_size(attachment_size);
    std::string out(request_size(), '\0');
    const std::string skeleton(out.size() - 2 * b64, 'x');
    for (auto _ : state) {
        std::memcpy(out.data(), skeleton.data(), skeleton.size());
        smsgw::writer w(out.data() + skeleton.size(), 2 * b64);
        smsgw::codec::base64::encode(attachment(0), w);
        smsgw::codec::base64::encode(attachment(1), w);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(write_floor_memcpy_plus_base64);

}  // namespace
