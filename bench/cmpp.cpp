// CMPP PDUs (issue 3): encode and decode of a SUBMIT with one destination and 70 UCS-2
// characters (140 bytes), of a DELIVER carrying a status report and of a CONNECT, each beside
// memcpy of the same bytes; the CONNECT's AuthenticatorSource (MD5) timed on its own.
// Throughput counts the PDU's bytes, the same for every row of a PDU.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

#include "smsgw/cmpp/auth.hpp"
#include "smsgw/cmpp/connect.hpp"
#include "smsgw/cmpp/deliver.hpp"
#include "smsgw/cmpp/report.hpp"
#include "smsgw/cmpp/submit.hpp"

namespace {

namespace cmpp = smsgw::cmpp;

const std::string& ucs2_70() {
    static const std::string text = [] {
        std::string s;
        for (int i = 0; i < 70; ++i) {
            s.push_back(static_cast<char>(0x4F));  // U+4F60 "你"
            s.push_back(static_cast<char>(0x60));
        }
        return s;
    }();
    return text;
}

const std::string_view destination[] = {"13800138000"};

cmpp::submit submit_pdu(cmpp::version v) {
    cmpp::submit s;
    s.ver = v;
    s.sequence_id = 1;
    s.registered_delivery = 1;
    s.service_id = "MCN";
    s.fee_user_type = 2;
    s.msg_fmt = 8;
    s.msg_src = "901234";
    s.fee_type = "02";
    s.fee_code = "10";
    s.src_id = "10690001";
    s.dest_terminal_ids = destination;
    s.msg_content = ucs2_70();
    return s;
}

const std::string& report_content() {
    static const std::string content = [] {
        cmpp::status_report r;
        r.msg_id = 0x8C2F4B0C00640001ull;
        r.stat = "DELIVRD";
        r.submit_time = "2311231015";
        r.done_time = "2311231016";
        r.dest_terminal_id = "13800138000";
        r.smsc_sequence = 12345;
        std::string out;
        smsgw::encode_append(r, out);
        return out;
    }();
    return content;
}

cmpp::deliver deliver_pdu() {
    cmpp::deliver d;
    d.sequence_id = 2;
    d.msg_id = 0x8C2F4B0C00640002ull;
    d.dest_id = "10690001";
    d.service_id = "MCN";
    d.src_terminal_id = "13800138000";
    d.registered_delivery = 1;
    d.msg_content = report_content();
    return d;
}

cmpp::connect connect_pdu() {
    cmpp::connect c(cmpp::version::v30);
    c.sequence_id = 3;
    c.source_addr = "901234";
    c.timestamp = 1123101520;
    return c;
}

template <class T>
std::string wire(const T& msg) {
    std::string out;
    smsgw::encode_append(msg, out);
    return out;
}

template <class T>
void encode_pdu(benchmark::State& state, const T& msg) {
    unsigned char buf[4096];
    const std::size_t n = smsgw::encoded_size(msg);
    for (auto _ : state) {
        smsgw::writer w(smsgw::mutable_bytes(buf, sizeof buf));
        smsgw::result r = encode(msg, w);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(buf);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

template <class T>
void decode_pdu(benchmark::State& state, const std::string& bytes, cmpp::version v) {
    T out;
    for (auto _ : state) {
        benchmark::DoNotOptimize(bytes.data());
        smsgw::result r = cmpp::decode(bytes, out, v);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void memcpy_bytes(benchmark::State& state, const std::string& bytes) {
    unsigned char buf[4096];
    for (auto _ : state) {
        benchmark::DoNotOptimize(bytes.data());
        std::memcpy(buf, bytes.data(), bytes.size());
        benchmark::DoNotOptimize(buf);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void submit20_encode(benchmark::State& s) { encode_pdu(s, submit_pdu(cmpp::version::v20)); }
void submit20_decode(benchmark::State& s) {
    decode_pdu<cmpp::submit>(s, wire(submit_pdu(cmpp::version::v20)), cmpp::version::v20);
}
void submit20_memcpy(benchmark::State& s) { memcpy_bytes(s, wire(submit_pdu(cmpp::version::v20))); }
void submit30_encode(benchmark::State& s) { encode_pdu(s, submit_pdu(cmpp::version::v30)); }
void submit30_decode(benchmark::State& s) {
    decode_pdu<cmpp::submit>(s, wire(submit_pdu(cmpp::version::v30)), cmpp::version::v30);
}
void submit30_memcpy(benchmark::State& s) { memcpy_bytes(s, wire(submit_pdu(cmpp::version::v30))); }
void deliver_report_encode(benchmark::State& s) { encode_pdu(s, deliver_pdu()); }
void deliver_report_decode(benchmark::State& s) {
    decode_pdu<cmpp::deliver>(s, wire(deliver_pdu()), cmpp::version::v20);
}
// The PDU, then its Msg_Content as a status report (report.hpp).
void deliver_report_decode_with_content(benchmark::State& state) {
    const std::string bytes = wire(deliver_pdu());
    cmpp::deliver d;
    cmpp::status_report r;
    for (auto _ : state) {
        benchmark::DoNotOptimize(bytes.data());
        smsgw::result a = cmpp::decode(bytes, d, cmpp::version::v20);
        smsgw::result b = cmpp::decode(d.msg_content, r);
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
void deliver_report_memcpy(benchmark::State& s) { memcpy_bytes(s, wire(deliver_pdu())); }
void connect_encode(benchmark::State& s) { encode_pdu(s, connect_pdu()); }
void connect_decode(benchmark::State& s) { decode_pdu<cmpp::connect>(s, wire(connect_pdu()), cmpp::version::v30); }
void connect_memcpy(benchmark::State& s) { memcpy_bytes(s, wire(connect_pdu())); }
void connect_authenticator_md5(benchmark::State& state) {
    smsgw::codec::md5_digest d{};
    for (auto _ : state) {
        smsgw::result r = cmpp::authenticator_source("901234", "secret", 1123101520, d);
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(d);
    }
}

}  // namespace

BENCHMARK(submit20_encode);
BENCHMARK(submit20_decode);
BENCHMARK(submit20_memcpy);
BENCHMARK(submit30_encode);
BENCHMARK(submit30_decode);
BENCHMARK(submit30_memcpy);
BENCHMARK(deliver_report_encode);
BENCHMARK(deliver_report_decode);
BENCHMARK(deliver_report_decode_with_content);
BENCHMARK(deliver_report_memcpy);
BENCHMARK(connect_encode);
BENCHMARK(connect_decode);
BENCHMARK(connect_memcpy);
BENCHMARK(connect_authenticator_md5);
