// An SP's CMPP client over TCP with standalone Asio, the counterpart of cmpp_gateway.cpp:
//
//     cmpp_gateway --cmpp 3.0 | cmpp_client --cmpp 3.0    (reads the "127.0.0.1 <port>" the gateway prints)
//     cmpp_client --cmpp 2.0 --secret s3cret 10.1.2.3 7890
//
// It logs in (CMPP_CONNECT), submits 20 short messages and a long one split into UCS-2 segments
// with a UDH, never more than 16 unanswered, matches each SUBMIT_RESP to its SUBMIT by
// Sequence_Id and each status report to the Msg_Id SUBMIT_RESP gave, acknowledges every DELIVER,
// reassembles a long MO message, lets the link checks run both ways while idle, then TERMINATEs.
// Exit status: 0 when all of that happened, 2 when the gateway refused the login, 1 otherwise.
#include "cmpp_link.hpp"

#include <ctime>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr std::size_t window = 16;            // CMPP 2.0 §7.1: W, "at most 16 received before answering"
constexpr std::string_view sp_id = "901234";  // Source_Addr: the SP_Id the operator assigned
constexpr std::string_view service_code = "10690001";  // Src_Id: what users see as the sender

struct outgoing {
    std::string to;
    std::string text;  // UTF-8, sent as UCS-2 (Msg_Fmt 8)
};

class sp_client {
public:
    sp_client(asio::ip::tcp::socket socket, cmpp::version v, std::string secret, std::vector<outgoing> messages)
        : link_(std::move(socket), {v, std::chrono::milliseconds(150)}, [this](const cmpp::pdu& p) { on_pdu(p); },
                [this](const char* why) { on_closed(why); }),
          deadline_(link_.executor()), ver_(v), secret_(std::move(secret)), messages_(std::move(messages)) {}

    void start() {
        deadline_.expires_after(std::chrono::seconds(4));
        deadline_.async_wait([this](asio::error_code ec) {
            if (!ec) link_.close("gave up after 4 s");
        });
        link_.start();
        login();
    }
    int exit_code() const { return exit_; }

private:
    void login() {
        const std::tm now = local_now();
        cmpp::connect c(ver_);  // its Version byte follows: 0x20 or 0x30
        c.sequence_id = link_.sequence.next();
        c.source_addr = sp_id;
        cmpp::pack_timestamp({static_cast<std::uint8_t>(now.tm_mon + 1), static_cast<std::uint8_t>(now.tm_mday),
                              static_cast<std::uint8_t>(now.tm_hour), static_cast<std::uint8_t>(now.tm_min),
                              static_cast<std::uint8_t>(now.tm_sec % 60)},
                             c.timestamp);
        // MD5(Source_Addr + 9 NULs + secret + MMDDHHMMSS); kept to check the gateway's answer.
        cmpp::authenticator_source(c.source_addr, secret_, c.timestamp, authenticator_);
        c.authenticator_source = authenticator_;
        link_.send(c);
    }

    void on_pdu(const cmpp::pdu& p) {
        if (const auto* r = p.get<cmpp::connect_resp>()) return on_login(*r);
        if (const auto* r = p.get<cmpp::submit_resp>()) return on_submit_resp(*r);
        if (const auto* d = p.get<cmpp::deliver>()) return on_deliver(*d);
        if (p.get<cmpp::terminate_resp>() != nullptr && terminating_) {
            exit_ = 0;
            return link_.close("terminated");
        }
        if (const auto* t = p.get<cmpp::terminate>()) {  // the gateway ends the session
            cmpp::terminate_resp resp;
            resp.sequence_id = t->sequence_id;
            link_.send(resp);
            return link_.close_when_sent("terminated by the gateway");
        }
        if (p.get<cmpp::active_test>() != nullptr || p.get<cmpp::active_test_resp>() != nullptr) return finish_if_done();
        std::printf("unexpected %s\n", cmpp::command_name(p.command(), ver_));
        link_.close("protocol error");
    }

    void on_login(const cmpp::connect_resp& r) {
        if (r.status != 0) {
            const cmpp::code_text why = cmpp::describe(static_cast<cmpp::connect_status>(r.status));
            std::printf("login refused: Status %u (%.*s, %.*s)\n", static_cast<unsigned>(r.status), int(why.chinese.size()),
                        why.chinese.data(), int(why.english.size()), why.english.data());
            exit_ = 2;
            return link_.close("login refused");
        }
        // MD5(Status + our AuthenticatorSource + secret): only the real gateway knows the secret.
        // Status is hashed as CONNECT_RESP carries it (1 byte in 2.0, 4 in 3.0); some ISMGs hash
        // 4 bytes whatever the version, so that width is accepted too.
        cmpp::auth_tolerance either_width;
        either_width.other_status_size = true;
        if (!cmpp::verify_authenticator_ismg(r.authenticator_ismg, r.status, authenticator_, secret_, ver_, either_width)) {
            std::printf("AuthenticatorISMG does not match: not our gateway\n");
            return link_.close("gateway not authenticated");
        }
        std::printf("logged in to a CMPP %s gateway\n", ver_ == cmpp::version::v20 ? "2.0" : "3.0");
        submit_more();
    }

    // Fills the window: one SUBMIT per segment, the next segment made only when there is room.
    void submit_more() {
        while (in_flight_.size() < window && next_ < messages_.size()) {
            if (!parts_) parts_.emplace(messages_[next_].text, cmpp::split_options{cmpp::msg_fmt_ucs2,
                                                                                   cmpp::concat_reference::ref8,
                                                                                   reference_++});
            unsigned char content[140];
            smsgw::writer w(content);
            cmpp::segment seg;
            if (const smsgw::result r = parts_->next(w, seg); !r) {
                std::printf("message %zu cannot be split: %s at %zu\n", next_, r.message(), r.offset);
                return link_.close("bad message");
            }
            const std::string_view to[] = {messages_[next_].to};
            cmpp::submit s;
            s.ver = ver_;
            s.sequence_id = link_.sequence.next();
            s.pk_total = seg.pk_total;  // a single message: 1, 1 and TP_udhi 0
            s.pk_number = seg.pk_number;
            s.tp_udhi = seg.tp_udhi;    // 1: Msg_Content starts with the UDH 05 00 03 ref total number
            s.msg_fmt = seg.msg_fmt;
            s.registered_delivery = 1;  // ask for a status report
            s.service_id = "MCN";
            s.msg_src = sp_id;
            s.fee_type = "01";          // free
            s.src_id = service_code;
            s.dest_terminal_ids = to;
            s.msg_content = seg.msg_content;
            link_.send(s);
            in_flight_[s.sequence_id] = next_;
            most_in_flight_ = std::max(most_in_flight_, in_flight_.size());
            ++submits_;
            if (parts_->done()) {
                if (seg.pk_total > 1)
                    std::printf("MT to %s in %d segments: %s\n", messages_[next_].to.c_str(), seg.pk_total,
                                messages_[next_].text.c_str());
                parts_.reset();
                ++next_;
            }
        }
    }

    void on_submit_resp(const cmpp::submit_resp& r) {
        const auto it = in_flight_.find(r.sequence_id);  // responses come in any order
        if (it == in_flight_.end()) {
            std::printf("SUBMIT_RESP %u answers no SUBMIT\n", static_cast<unsigned>(r.sequence_id));
            return link_.close("protocol error");
        }
        if (r.result != 0) {
            const cmpp::code_text why = cmpp::describe(static_cast<cmpp::submit_result>(r.result), ver_);
            std::printf("SUBMIT %u refused: Result %u (%.*s, %.*s)\n", static_cast<unsigned>(r.sequence_id),
                        static_cast<unsigned>(r.result), int(why.chinese.size()), why.chinese.data(),
                        int(why.english.size()), why.english.data());
            return link_.close("submit refused");
        }
        // The Msg_Id is what the status report will name. (A real gateway may send the report
        // before this response; a client then keeps unmatched reports for a while.)
        awaiting_report_[r.msg_id] = it->second;
        in_flight_.erase(it);
        submit_more();
        finish_if_done();
    }

    void on_deliver(const cmpp::deliver& d) {
        cmpp::deliver_resp ack;
        ack.ver = ver_;
        ack.sequence_id = d.sequence_id;
        ack.msg_id = d.msg_id;  // the DELIVER's own Msg_Id, not the reported one
        if (d.registered_delivery == 1) {
            cmpp::status_report report;
            if (const smsgw::result r = cmpp::decode(d.msg_content, report); !r) {
                std::printf("bad status report: %s at %zu\n", r.message(), r.offset);
                ack.result = 1;  // 消息结构错
            } else if (const auto it = awaiting_report_.find(report.msg_id); it != awaiting_report_.end()) {
                ++reports_;
                if (report.stat != "DELIVRD")  // EXPIRED, UNDELIV, ... (parse_stat() classifies them)
                    std::printf("message %zu: %.*s\n", it->second, int(report.stat.size()), report.stat.data());
                awaiting_report_.erase(it);
            } else {
                std::printf("report for an unknown Msg_Id\n");
            }
        } else {
            on_mo(d, ack);
        }
        link_.send(ack);
        finish_if_done();
    }

    // A long MO message arrives as DELIVERs in any order; the reassembler matches them by the
    // UDH's reference (never by Pk_total/Pk_number, which gateways get wrong).
    void on_mo(const cmpp::deliver& d, cmpp::deliver_resp& ack) {
        cmpp::reassembly_status st;
        const auto now = static_cast<std::uint64_t>(std::time(nullptr));
        if (const smsgw::result r = reassembler_.add({d.src_terminal_id, d.dest_id, d.tp_udhi, d.msg_fmt,
                                                      d.msg_content},
                                                     now, st);
            !r) {
            std::printf("MO segment refused: %s at %zu\n", r.message(), r.offset);
            ack.result = 1;
            return;
        }
        if (st.what == cmpp::reassembly_status::state::waiting) return;
        const bool single = st.what == cmpp::reassembly_status::state::single;
        const std::size_t segments = single ? 1 : reassembler_.slot(st.slot).total();
        const std::string text = whole_text(reassembler_, st, d.msg_fmt);
        std::printf("MO from %.*s in %zu segments: %s\n", int(d.src_terminal_id.size()), d.src_terminal_id.data(),
                    segments, text.c_str());
        ++mo_messages_;
    }

    // Everything answered, reported and received, and a link check seen each way: TERMINATE.
    void finish_if_done() {
        if (terminating_ || next_ < messages_.size() || !in_flight_.empty() || !awaiting_report_.empty() ||
            mo_messages_ == 0 || link_.tests_answered == 0 || link_.tests_received == 0)
            return;
        terminating_ = true;
        std::printf("%zu SUBMITs for %zu messages, at most %zu unanswered; %d status reports matched; "
                    "link checks: %d sent and answered, %d received; %d PDUs, %d reads ended inside one\n",
                    submits_, messages_.size(), most_in_flight_, reports_, link_.tests_answered, link_.tests_received,
                    link_.pdus, link_.pieces);
        cmpp::terminate t;
        t.sequence_id = link_.sequence.next();
        link_.send(t);
    }

    void on_closed(const char* why) {
        deadline_.cancel();
        if (exit_ != 0) std::printf("closed: %s\n", why);
    }

    cmpp_link link_;
    asio::steady_timer deadline_;
    cmpp::version ver_;
    std::string secret_;
    cmpp::md5_digest authenticator_{};
    std::vector<outgoing> messages_;
    std::size_t next_ = 0;                      // the message being submitted
    std::optional<cmpp::splitter> parts_;       // its segments
    std::uint8_t reference_ = 1;                // the next message's UDH reference (8 bits: wraps)
    std::map<std::uint32_t, std::size_t> in_flight_;        // Sequence_Id -> message
    std::map<std::uint64_t, std::size_t> awaiting_report_;  // Msg_Id -> message
    std::size_t submits_ = 0;
    std::size_t most_in_flight_ = 0;
    int reports_ = 0;
    int mo_messages_ = 0;
    bool terminating_ = false;
    int exit_ = 1;
    cmpp::reassembly_slot slots_[4];
    unsigned char pool_[4096];
    cmpp::reassembler reassembler_{slots_, pool_};
};

}  // namespace

int main(int argc, char** argv) {
    cmpp::version ver = cmpp::version::v30;
    std::string secret = "s3cret";
    std::vector<std::string> address;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--cmpp" && i + 1 < argc && parse_version(argv[i + 1], ver)) ++i;
        else if (arg == "--secret" && i + 1 < argc) secret = argv[++i];
        else if (arg.substr(0, 2) != "--" && address.size() < 2) address.emplace_back(arg);
        else return std::fprintf(stderr, "usage: cmpp_client [--cmpp 2.0|3.0] [--secret S] [host port]\n"), 2;
    }
    if (address.empty()) {  // from cmpp_gateway's first line
        address.resize(2);
        if (!(std::cin >> address[0] >> address[1])) return std::fprintf(stderr, "no gateway address on stdin\n"), 1;
    }

    std::vector<outgoing> messages;
    for (int i = 0; i < 20; ++i)
        messages.push_back({"138001380" + std::to_string(10 + i), "验证码 " + std::to_string(4000 + i)});
    std::string notice;  // 184 characters: segments of 67, 67 and 50
    for (int i = 1; i <= 8; ++i) notice += "（" + std::to_string(i) + "）长短信分段发送，接收方按 UDH 重组。";
    messages.push_back({"13800138000", notice});

    asio::io_context io;
    asio::error_code ec;
    asio::ip::tcp::resolver resolver(io);
    const auto endpoints = resolver.resolve(address[0], address[1], ec);
    asio::ip::tcp::socket socket(io);
    if (!ec) asio::connect(socket, endpoints, ec);
    if (ec) return std::fprintf(stderr, "%s %s: %s\n", address[0].c_str(), address[1].c_str(), ec.message().c_str()), 1;
    sp_client client(std::move(socket), ver, secret, std::move(messages));
    client.start();
    io.run();
    return client.exit_code();
}
