// Mitake (issue 15). Decoding: a push response of 500 messages and a callback of 500, every
// field into a struct (uint64 ids exact), by smsgw::mitake beside the same work written with
// nlohmann-json (parse, then read each field) and with simdjson ondemand (its best kernel and
// its SSE4.2 one), when installed. Encoding: a push request with 500 destinations and a 200 KB
// attachment, beside the floor of memcpy of its text plus base64 of the attachment. The bodies
// are made by smsgw::mitake itself; throughput counts their bytes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/mitake.hpp"

#ifdef SMSGW_HAVE_SIMDJSON
#include <simdjson.h>

#include "simdjson_kernel.hpp"
#endif
#ifdef SMSGW_HAVE_NLOHMANN
#include <nlohmann/json.hpp>
#endif

namespace {

namespace mitake = smsgw::mitake;

constexpr std::size_t count = 500;

// Texts that outlive the messages that view them.
std::vector<std::string>& texts() {
    static std::vector<std::string> t;
    return t;
}
std::string_view keep(std::string s) {
    texts().reserve(4 * count + 8);
    texts().push_back(std::move(s));
    return texts().back();
}
std::string id(std::uint64_t base, std::size_t i) { return std::to_string(base + i); }

template <class T>
std::string body_of(const T& m) {
    std::string out;
    if (!smsgw::encode_append(m, out)) std::abort();
    return out;
}

const std::string& push_response_body() {
    static const std::string body = [] {
        static std::vector<mitake::push_message> m(count);
        for (std::size_t i = 0; i < count; ++i) {
            m[i] = {keep(id(304934980000714750u, i)), keep("clientID" + std::to_string(i)), "1", "已送達三竹",
                    "20200505160000", 3};
        }
        return body_of(mitake::push_response{"304934976469110784", m, 1500, 98500});
    }();
    return body;
}

const std::string& callback_body() {
    static const std::string body = [] {
        static std::vector<mitake::callback_message> m(count);
        for (std::size_t i = 0; i < count; ++i) {
            m[i] = {"301786034222960645", keep(id(301786034575282175u, i)), "0", "20200828162035", 3};
        }
        return body_of(mitake::callback_request{m});
    }();
    return body;
}

// What a user's code keeps of a message, whichever library read it.
struct row {
    std::uint64_t batch_id = 0;
    std::uint64_t msg_id = 0;
    std::string_view c_id, status, status_desc, status_time;
    std::uint64_t point = 0;
};
struct rows {
    std::uint64_t batch_id = 0;
    std::vector<row> r = std::vector<row>(count);
    std::size_t n = 0;
    bool ok(std::uint64_t first_msg_id) const {
        return n == count && r[count - 1].msg_id == first_msg_id + count - 1 && r[0].point == 3;
    }
};

constexpr std::uint64_t push_first = 304934980000714750u;
constexpr std::uint64_t callback_first = 301786034575282175u;

// smsgw: decode into the message, then its ids as numbers (what the other rows give).
template <class T, class Message>
void decode_smsgw(benchmark::State& state, const std::string& body, std::uint64_t first) {
    std::vector<smsgw::byte> scratch(body.size());
    std::vector<Message> storage(count);
    rows out;
    for (auto _ : state) {
        T m;
        if (!mitake::decode(body, m, scratch, storage)) {
            state.SkipWithError("decode");
            break;
        }
        out.n = 0;
        for (const Message& e : m.messages) {
            row& r = out.r[out.n++];
            mitake::to_uint64(e.msg_id, r.msg_id);
            r.status = e.status;
            r.status_time = e.status_time;
            r.point = e.point;
        }
        benchmark::DoNotOptimize(out);
        if (!out.ok(first)) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
void decode_push_response_smsgw(benchmark::State& s) {
    decode_smsgw<mitake::push_response, mitake::push_message>(s, push_response_body(), push_first);
}
void decode_callback_smsgw(benchmark::State& s) {
    decode_smsgw<mitake::callback_request, mitake::callback_message>(s, callback_body(), callback_first);
}
BENCHMARK(decode_push_response_smsgw);
BENCHMARK(decode_callback_smsgw);

#ifdef SMSGW_HAVE_NLOHMANN
// Parse, then read each field of each message into the row, as a user of nlohmann-json writes
// it: at() for what must be there, find() for what may not.
void decode_nlohmann(benchmark::State& state, const std::string& body, std::uint64_t first) {
    rows out;
    const auto text = [](const nlohmann::json& o, const char* key, std::string_view& to) {
        const auto f = o.find(key);
        if (f != o.end()) to = f->get_ref<const std::string&>();
    };
    for (auto _ : state) {
        const nlohmann::json d = nlohmann::json::parse(body);
        const auto batch = d.find("batchID");
        if (batch != d.end()) out.batch_id = batch->get<std::uint64_t>();
        out.n = 0;
        for (const nlohmann::json& e : d.at("messages")) {
            row& r = out.r[out.n++];
            const auto own_batch = e.find("batchID");
            if (own_batch != e.end()) r.batch_id = own_batch->get<std::uint64_t>();
            r.msg_id = e.at("msgID").get<std::uint64_t>();
            text(e, "cID", r.c_id);
            text(e, "status", r.status);
            text(e, "statusDesc", r.status_desc);
            text(e, "statusTime", r.status_time);
            const auto point = e.find("point");
            if (point != e.end()) r.point = point->get<std::uint64_t>();
        }
        benchmark::DoNotOptimize(out);
        if (!out.ok(first)) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
void decode_push_response_nlohmann(benchmark::State& s) { decode_nlohmann(s, push_response_body(), push_first); }
void decode_callback_nlohmann(benchmark::State& s) { decode_nlohmann(s, callback_body(), callback_first); }
BENCHMARK(decode_push_response_nlohmann);
BENCHMARK(decode_callback_nlohmann);
#endif

#ifdef SMSGW_HAVE_SIMDJSON
// `kernel`: simdjson's own choice for this CPU, or "westmere" (SSE4.2) (simdjson_kernel.hpp).
void decode_simdjson(benchmark::State& state, const std::string& body, std::uint64_t first, const char* kernel) {
    const simdjson_kernel use(state, kernel);
    if (!use.ok()) return;
    const simdjson::padded_string padded(body);
    simdjson::ondemand::parser parser;
    rows out;
    for (auto _ : state) {
        simdjson::ondemand::document d;
        simdjson::ondemand::object root;
        if (parser.iterate(padded).get(d) || d.get_object().get(root)) {
            state.SkipWithError("parse");
            break;
        }
        out.n = 0;
        bool failed = false;
        for (auto field : root) {
            std::string_view key;
            if (field.unescaped_key().get(key)) failed = true;
            if (key == "batchID") {
                failed |= field.value().get_uint64().get(out.batch_id) != simdjson::SUCCESS;
            } else if (key == "messages") {
                simdjson::ondemand::array a;
                failed |= field.value().get_array().get(a) != simdjson::SUCCESS;
                for (auto element : a) {
                    simdjson::ondemand::object o;
                    failed |= element.get_object().get(o) != simdjson::SUCCESS;
                    row& r = out.r[out.n++];
                    for (auto f : o) {
                        std::string_view k;
                        failed |= f.unescaped_key().get(k) != simdjson::SUCCESS;
                        auto v = f.value();
                        simdjson::error_code e = simdjson::SUCCESS;
                        if (k == "batchID") e = v.get_uint64().get(r.batch_id);
                        else if (k == "msgID") e = v.get_uint64().get(r.msg_id);
                        else if (k == "cID") e = v.get_string().get(r.c_id);
                        else if (k == "status") e = v.get_string().get(r.status);
                        else if (k == "statusDesc") e = v.get_string().get(r.status_desc);
                        else if (k == "statusTime") e = v.get_string().get(r.status_time);
                        else if (k == "point") e = v.get_uint64().get(r.point);
                        failed |= e != simdjson::SUCCESS;
                    }
                }
            }
        }
        benchmark::DoNotOptimize(out);
        if (failed || !out.ok(first)) {
            state.SkipWithError("wrong values");
            break;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
void decode_push_response_simdjson(benchmark::State& s, const char* kernel) {
    decode_simdjson(s, push_response_body(), push_first, kernel);
}
void decode_callback_simdjson(benchmark::State& s, const char* kernel) {
    decode_simdjson(s, callback_body(), callback_first, kernel);
}
BENCHMARK_CAPTURE(decode_push_response_simdjson, best, nullptr);
BENCHMARK_CAPTURE(decode_push_response_simdjson, sse42, "westmere");
BENCHMARK_CAPTURE(decode_callback_simdjson, best, nullptr);
BENCHMARK_CAPTURE(decode_callback_simdjson, sse42, "westmere");
#endif

// The push request: 500 destinations with their cIDs and one 200 KB attachment.
struct push_fixture {
    std::vector<mitake::destination> destinations = std::vector<mitake::destination>(count);
    std::vector<smsgw::byte> image = std::vector<smsgw::byte>(200 * 1024);
    mitake::attachment file{};
    mitake::push_request req;
    push_fixture() {
        for (std::size_t i = 0; i < count; ++i) destinations[i] = {"0911111111", keep("clientID" + std::to_string(i))};
        for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<smsgw::byte>(i * 131 + (i >> 9));
        file = {image, "jpg", "photo.jpg"};
        req.subject = "mms subject";
        req.content = "mms content";
        req.order_time = "20200505160000";
        req.destinations = destinations;
        req.attachments = smsgw::span<const mitake::attachment>(&file, 1);
    }
};
const push_fixture& push() {
    static const push_fixture f;
    return f;
}

void encode_push_request_smsgw(benchmark::State& state) {
    const mitake::push_request& r = push().req;
    std::string out(smsgw::encoded_size(r), '\0');
    for (auto _ : state) {
        smsgw::writer w(out.data(), out.size());
        if (!mitake::encode(r, w)) {
            state.SkipWithError("encode");
            break;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(encode_push_request_smsgw);

// The floor: the same number of bytes, the text around the attachment copied with memcpy and
// the attachment base64-encoded into its place: none of the JSON work.
void encode_push_request_floor_memcpy_base64(benchmark::State& state) {
    const push_fixture& f = push();
    const std::size_t b64 = smsgw::codec::base64::encoded_size(f.image.size());
    std::string out(smsgw::encoded_size(f.req), '\0');
    const std::string skeleton(out.size() - b64, 'x');
    for (auto _ : state) {
        std::memcpy(out.data(), skeleton.data(), skeleton.size());
        smsgw::writer w(out.data() + skeleton.size(), b64);
        smsgw::codec::base64::encode(f.image, w);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(encode_push_request_floor_memcpy_base64);

}  // namespace
