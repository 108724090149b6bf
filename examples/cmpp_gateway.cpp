// An ISMG simulator: the gateway end of CMPP over TCP with standalone Asio, for trying an SP
// client (cmpp_client.cpp) without an operator:
//
//     cmpp_gateway --cmpp 3.0 [--secret s3cret] [--port 7890] [--sessions 1] [--chunk 7]
//
// It listens on 127.0.0.1 (port 0: any free one), prints "127.0.0.1 <port>" on stdout, and for
// each SP: checks CONNECT's AuthenticatorSource (a wrong secret gets Status 3, 认证错), answers
// SUBMITs after a random delay (so responses come out of order), refuses any beyond a window of
// 16 with Result 8 (流量控制错), sends a status report for each after its SUBMIT_RESP, sends a
// long MO message with its segments in reverse order, and checks that every DELIVER is
// acknowledged with its Msg_Id. Everything it writes goes out in random chunks of 1 to 7 bytes
// (--chunk N: 1 to N; 0: as it comes, in whole PDUs), as TCP may deliver it, so the client's
// framer has to put PDUs together. Exits after
// --sessions connections (0: never), with status 0 when every SP kept to the protocol.
#include "cmpp_link.hpp"

#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr std::string_view sp_id = "901234";  // the one SP this gateway knows
constexpr std::uint32_t ismg_code = 10086;    // goes into every Msg_Id
constexpr std::size_t window = 16;

class ismg_session {
public:
    ismg_session(asio::ip::tcp::socket socket, cmpp::version v, std::string secret, std::size_t chunk,
                 std::function<void(bool)> ended)
        : link_(std::move(socket), {v, std::chrono::milliseconds(250), chunk}, [this](const cmpp::pdu& p) { on_pdu(p); },
                [this](const char* why) { on_closed(why); }),
          ver_(v), secret_(std::move(secret)), ended_(std::move(ended)) {}

    void start() { link_.start(); }

private:
    void on_pdu(const cmpp::pdu& p) {
        if (!logged_in_) {
            if (const auto* c = p.get<cmpp::connect>()) return on_connect(*c);
            return error("expected CMPP_CONNECT");
        }
        if (const auto* s = p.get<cmpp::submit>()) return on_submit(*s);
        if (const auto* r = p.get<cmpp::deliver_resp>()) return on_deliver_resp(*r);
        if (const auto* t = p.get<cmpp::terminate>()) {
            cmpp::terminate_resp resp;
            resp.sequence_id = t->sequence_id;
            link_.send(resp);
            terminated_ = true;
            return link_.close_when_sent("terminated by the SP");
        }
        if (p.get<cmpp::active_test>() == nullptr && p.get<cmpp::active_test_resp>() == nullptr)
            error("unexpected PDU");
    }

    void on_connect(const cmpp::connect& c) {
        cmpp::connect_resp resp(ver_);  // its Version byte follows
        resp.sequence_id = c.sequence_id;
        if (c.source_addr != sp_id) {
            resp.status = static_cast<std::uint32_t>(cmpp::connect_status::bad_source_addr);
        } else if (c.version_byte > resp.version_byte) {
            resp.status = static_cast<std::uint32_t>(cmpp::connect_status::version_too_high);
        } else if (c.version_byte != resp.version_byte) {
            resp.status = 5;  // "5~: 其他错误": this simulator speaks one version only
        } else if (!cmpp::verify_authenticator_source(c.authenticator_source, c.source_addr, secret_, c.timestamp)) {
            resp.status = static_cast<std::uint32_t>(cmpp::connect_status::auth_failed);
        }
        if (resp.status != 0) {  // AuthenticatorISMG stays empty ("认证出错时，此项为空")
            std::fprintf(stderr, "gateway: login refused with Status %u\n", static_cast<unsigned>(resp.status));
            refused_ = true;
            link_.send(resp);
            return link_.close_when_sent("login refused");
        }
        cmpp::authenticator_ismg(resp.status, c.authenticator_source, secret_, ver_, resp.authenticator_ismg);
        link_.send(resp);
        logged_in_ = true;
        send_mo();
    }

    void on_submit(const cmpp::submit& s) {
        cmpp::submit_resp resp;
        resp.ver = ver_;
        resp.sequence_id = s.sequence_id;
        resp.msg_id = next_msg_id();
        // What the report needs, copied: `s` views the receive buffer.
        const std::string user(s.dest_terminal_ids.size() != 0 ? s.dest_terminal_ids[0] : std::string_view());
        const std::string src_id(s.src_id);
        if (++unanswered_ > window) resp.result = static_cast<std::uint32_t>(cmpp::submit_result::flow_control);
        else if (s.tp_udhi != 0 || s.pk_total != 1) check_segment(s, user, resp);
        most_unanswered_ = std::max(most_unanswered_, unanswered_);
        const bool report = s.registered_delivery == 1 && resp.result == 0;
        after_a_while([this, resp, report, user, src_id] {
            --unanswered_;
            ++submits_;
            link_.send(resp);
            if (report) after_a_while([this, resp, user, src_id] { send_report(resp.msg_id, user, src_id); });
        });
    }

    // A segment of a long MT message: its UDH must agree with Pk_total and Pk_number. An ISMG
    // passes segments on as they are; this one also puts them together, to show what arrived.
    void check_segment(const cmpp::submit& s, const std::string& user, cmpp::submit_resp& resp) {
        cmpp::user_data ud;
        cmpp::reassembly_status st;
        if (!cmpp::parse_user_data(s.msg_content, s.tp_udhi, ud) || !ud.concatenated ||
            ud.concat.total != s.pk_total || ud.concat.number != s.pk_number ||
            !segments_.add({s.src_id, user, s.tp_udhi, s.msg_fmt, s.msg_content}, 0, st)) {
            std::fprintf(stderr, "gateway: SUBMIT %u: a segment without a UDH that matches it\n",
                         static_cast<unsigned>(s.sequence_id));
            ++errors_;
            resp.result = static_cast<std::uint32_t>(cmpp::submit_result::bad_structure);
        } else if (st.what == cmpp::reassembly_status::state::complete) {
            const int total = segments_.slot(st.slot).total();
            std::fprintf(stderr, "gateway: MT to %s in %d segments: %s\n", user.c_str(), total,
                         whole_text(segments_, st, s.msg_fmt).c_str());
        }
    }

    // CMPP_DELIVER with Registered_Delivery 1: Msg_Content is the status report of table 8.11,
    // naming the SUBMIT's Msg_Id (60 bytes in 2.0, 71 in 3.0.0 with its 32-byte terminal id).
    void send_report(std::uint64_t submitted, const std::string& user, const std::string& src_id) {
        char when[10];
        smsgw::writer w(when, sizeof when);
        const std::tm now = local_now();
        cmpp::format_report_time({static_cast<std::uint8_t>(now.tm_year % 100), static_cast<std::uint8_t>(now.tm_mon + 1),
                                  static_cast<std::uint8_t>(now.tm_mday), static_cast<std::uint8_t>(now.tm_hour),
                                  static_cast<std::uint8_t>(now.tm_min)},
                                 w);
        cmpp::status_report report;
        report.msg_id = submitted;
        report.stat = "DELIVRD";
        report.submit_time = report.done_time = std::string_view(when, sizeof when);
        report.dest_terminal_id = user;
        report.smsc_sequence = ++smsc_sequence_;
        report.layout = ver_ == cmpp::version::v20 ? cmpp::report_layout::bytes60 : cmpp::report_layout::bytes71;
        unsigned char content[71];
        const smsgw::result r = smsgw::encode(report, content);
        deliver(user, src_id, 0, cmpp::msg_fmt_ascii, 1, smsgw::bytes(content, r.offset));
    }

    // A long MO message, its segments sent last first: the SP must reassemble by the UDH.
    void send_mo() {
        const std::string text =
            "上行长短信：用户发给 SP 的消息超过 70 个字符时，手机把它分成几段，每段带 UDH（参考号、总段数、段号），"
            "网关逐段以 CMPP_DELIVER 送达，到达顺序未必是原来的顺序。"
            "SP 必须按 UDH 里的参考号与段号重组，不能依赖 Pk_total 和 Pk_number，有的网关把它们填错。";
        unsigned char storage[4 * 140];
        cmpp::segment segments[4];
        std::size_t count = 0;
        if (!cmpp::split(text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref8, 0x42}, storage, segments, count))
            return error("MO text does not split");
        std::fprintf(stderr, "gateway: MO in %zu segments, last first: %s\n", count, text.c_str());
        for (std::size_t i = count; i-- > 0;)
            deliver("13900139000", "10690001", segments[i].tp_udhi, segments[i].msg_fmt, 0, segments[i].msg_content);
    }

    void deliver(std::string_view from, std::string_view to, std::uint8_t tp_udhi, std::uint8_t msg_fmt,
                 std::uint8_t registered_delivery, smsgw::bytes content) {
        cmpp::deliver d;
        d.ver = ver_;
        d.sequence_id = link_.sequence.next();
        d.msg_id = next_msg_id();
        d.dest_id = to;
        d.service_id = "MCN";
        d.src_terminal_id = from;
        d.tp_udhi = tp_udhi;
        d.msg_fmt = msg_fmt;
        d.registered_delivery = registered_delivery;
        d.msg_content = content;
        unacknowledged_[d.sequence_id] = d.msg_id;
        link_.send(d);
    }

    void on_deliver_resp(const cmpp::deliver_resp& r) {
        const auto it = unacknowledged_.find(r.sequence_id);
        if (it == unacknowledged_.end() || it->second != r.msg_id) return error("DELIVER_RESP matches no DELIVER");
        if (r.result != 0) return error("DELIVER refused");
        unacknowledged_.erase(it);
        ++acknowledged_;
    }

    // Msg_Id: the time, this gateway's code and a 16-bit sequence (CMPP 2.0 table 8.7).
    std::uint64_t next_msg_id() {
        const std::tm now = local_now();
        std::uint64_t id = 0;
        cmpp::pack_msg_id({static_cast<std::uint8_t>(now.tm_mon + 1), static_cast<std::uint8_t>(now.tm_mday),
                           static_cast<std::uint8_t>(now.tm_hour), static_cast<std::uint8_t>(now.tm_min),
                           static_cast<std::uint8_t>(now.tm_sec % 60), ismg_code, ++msg_sequence_},
                          id);
        return id;
    }

    template <class F>
    void after_a_while(F f) {
        auto timer = std::make_shared<asio::steady_timer>(link_.executor(), std::chrono::milliseconds(delay_(rng_)));
        timer->async_wait([timer, f](asio::error_code ec) {
            if (!ec) f();
        });
    }

    void error(const char* what) {
        std::fprintf(stderr, "gateway: %s\n", what);
        ++errors_;
        link_.close(what);
    }

    void on_closed(const char* why) {
        const bool ok = errors_ == 0 && (refused_ || (terminated_ && unacknowledged_.empty()));
        std::fprintf(stderr,
                     "gateway: session closed (%s): %d SUBMITs answered, at most %zu unanswered, %d DELIVERs "
                     "acknowledged, %zu not; link checks: %d sent and answered, %d received\n",
                     why, submits_, most_unanswered_, acknowledged_, unacknowledged_.size(), link_.tests_answered,
                     link_.tests_received);
        ended_(ok);
    }

    cmpp_link link_;
    cmpp::version ver_;
    std::string secret_;
    std::function<void(bool)> ended_;
    bool logged_in_ = false;
    bool refused_ = false;
    bool terminated_ = false;
    int errors_ = 0;
    std::size_t unanswered_ = 0;
    std::size_t most_unanswered_ = 0;
    int submits_ = 0;
    int acknowledged_ = 0;
    std::map<std::uint32_t, std::uint64_t> unacknowledged_;  // DELIVER Sequence_Id -> its Msg_Id
    std::uint16_t msg_sequence_ = 0;
    std::uint32_t smsc_sequence_ = 0;
    cmpp::reassembly_slot slots_[4];
    unsigned char pool_[4096];
    cmpp::reassembler segments_{slots_, pool_};
    std::minstd_rand rng_{std::random_device{}()};
    std::uniform_int_distribution<int> delay_{1, 20};  // ms before a response or a report
};

}  // namespace

int main(int argc, char** argv) {
    cmpp::version ver = cmpp::version::v30;
    std::string secret = "s3cret";
    unsigned short port = 0;
    int sessions = 0;
    std::size_t chunk = 7;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--cmpp" && i + 1 < argc && parse_version(argv[i + 1], ver)) ++i;
        else if (arg == "--secret" && i + 1 < argc) secret = argv[++i];
        else if (arg == "--port" && i + 1 < argc) port = static_cast<unsigned short>(std::atoi(argv[++i]));
        else if (arg == "--sessions" && i + 1 < argc) sessions = std::atoi(argv[++i]);
        else if (arg == "--chunk" && i + 1 < argc) chunk = static_cast<std::size_t>(std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: cmpp_gateway [--cmpp 2.0|3.0] [--secret S] [--port P] [--sessions N] [--chunk N]\n");
            return 2;
        }
    }

    asio::io_context io;
    asio::error_code ec;
    asio::ip::tcp::acceptor acceptor(io);
    const asio::ip::tcp::endpoint at(asio::ip::make_address_v4("127.0.0.1"), port);
    acceptor.open(at.protocol(), ec);
    if (!ec) acceptor.bind(at, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec) std::printf("127.0.0.1 %u\n", static_cast<unsigned>(acceptor.local_endpoint(ec).port()));
    std::fflush(stdout);  // the client, or whoever reads the pipe, waits for this line
    if (ec) {
        std::fprintf(stderr, "gateway: 127.0.0.1:%u: %s\n", static_cast<unsigned>(port), ec.message().c_str());
        return 1;
    }

    std::vector<std::unique_ptr<ismg_session>> running;
    int ended = 0;
    bool all_ok = true;
    std::function<void()> accept = [&] {
        acceptor.async_accept([&](asio::error_code error, asio::ip::tcp::socket socket) {
            if (error) return;
            running.push_back(std::make_unique<ismg_session>(std::move(socket), ver, secret, chunk, [&](bool ok) {
                all_ok = all_ok && ok;
                if (++ended == sessions) io.stop();
            }));
            running.back()->start();
            accept();
        });
    };
    accept();
    io.run();
    return all_ok ? 0 : 1;
}
