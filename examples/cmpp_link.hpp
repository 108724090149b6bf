// One CMPP connection over standalone Asio, as both ends of examples/cmpp_client.cpp and
// examples/cmpp_gateway.cpp use it: bytes read are cut into PDUs by a cmpp::stream_buffer and
// decoded, PDUs sent are encoded onto a write queue, and the link check of CMPP 2.0 §7.1 runs on
// an idle timer: "when no data passes on the channel, each side sends a link check every C; after
// N unanswered ones it closes the connection". Here a link check is not data (else whichever side
// has the shorter C would be the only one ever to send one), T is C and N is 3. The peer's
// ACTIVE_TESTs are answered here, then passed on like every other PDU.
// Single-threaded: every callback runs on the one io_context.
#pragma once

// Standalone Asio does not notice -fno-exceptions or -fno-rtti by itself (Boost.Config tells
// Boost.Asio); the compilers' feature macros do.
#if !defined(__cpp_exceptions) && !defined(ASIO_NO_EXCEPTIONS)
#define ASIO_NO_EXCEPTIONS 1
#endif
#if !defined(__cpp_rtti) && !defined(ASIO_NO_TYPEID)
#define ASIO_NO_TYPEID 1
#endif
#include <asio.hpp>
#include <smsgw/cmpp.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <algorithm>
#include <functional>
#include <random>
#include <string>

#if defined(ASIO_NO_EXCEPTIONS)
// Built with -fno-exceptions, Asio reports what it would throw here; these programs only call
// the overloads that return an error_code, so reaching it is a bug.
namespace asio::detail {
template <class Exception>
void throw_exception(const Exception& e) {
    std::fprintf(stderr, "asio: %s\n", e.what());
    std::abort();
}
}  // namespace asio::detail
#endif

namespace cmpp = smsgw::cmpp;

// "2.0" or "3.0", the one flag both programs take.
inline bool parse_version(const char* text, cmpp::version& v) {
    if (std::strcmp(text, "2.0") == 0) v = cmpp::version::v20;
    else if (std::strcmp(text, "3.0") == 0) v = cmpp::version::v30;
    else return false;
    return true;
}

// The local time, for CONNECT's Timestamp, Msg_Ids and status reports (CMPP's clocks are local).
inline std::tm local_now() {
    const std::time_t t = std::time(nullptr);
    std::tm out{};
    localtime_r(&t, &out);
    return out;
}

// The text of a message the reassembler holds whole (`st` from add(), not `waiting`), as UTF-8:
// Msg_Fmt 8 is UTF-16BE, anything else is shown as it is. Frees the slot.
inline std::string whole_text(cmpp::reassembler& r, const cmpp::reassembly_status& st, std::uint8_t msg_fmt) {
    std::string content;
    if (st.what == cmpp::reassembly_status::state::single) {
        content = smsgw::as_chars(st.text);
    } else {
        content.resize(r.slot(st.slot).text_size());
        smsgw::writer w(content.data(), content.size());
        r.take(st.slot, w);
    }
    if (msg_fmt != cmpp::msg_fmt_ucs2) return content;
    std::string utf8(content.size() / 2 * 3, '\0');  // a UTF-16 unit is at most 3 bytes of UTF-8
    smsgw::writer w(utf8.data(), utf8.size());
    smsgw::codec::utf8::from_utf16be(smsgw::bytes(content), w);
    utf8.resize(std::min(w.size(), utf8.size()));
    return utf8;
}

class cmpp_link {
public:
    struct options {
        cmpp::version ver = cmpp::version::v20;
        std::chrono::milliseconds idle{60000};  // the spec's C is 3 minutes; shorter here
        std::size_t max_chunk = 0;              // write at most 1..max_chunk bytes at a time (0: all)
        // strict: refuse what the spec forbids; tolerant: what real gateways send as well
        // (TP_udhi 0x40, bytes after the body, ...: docs/cmpp.md)
        cmpp::validation checks = cmpp::validation::strict;
    };
    // Every PDU received, decoded; its views point into the receive buffer and are
    // valid during the call only.
    using on_pdu = std::function<void(const cmpp::pdu&)>;
    using on_closed = std::function<void(const char* why)>;

    cmpp_link(asio::ip::tcp::socket socket, const options& opt, on_pdu pdu, on_closed closed)
        : socket_(std::move(socket)), idle_(socket_.get_executor()), opt_(opt), pdu_(std::move(pdu)),
          closed_(std::move(closed)) {
        asio::error_code ignored;  // small writes would otherwise be merged again by Nagle's algorithm
        if (opt_.max_chunk != 0) socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
    }

    void start() {
        read();
        restart_idle();
    }

    // Encodes m and queues it; the next request's Sequence_Id comes from `sequence`.
    template <class Message>
    void send(const Message& m) {
        if (!socket_.is_open()) return;
        if (const smsgw::result r = smsgw::encode_append(m, queued_); !r) {
            std::fprintf(stderr, "encode: %s at %zu (%s)\n", r.message(), r.offset, r.field ? r.field : "");
            return close("encoder refused a PDU");
        }
        if (m.command != cmpp::command_id::active_test && m.command != cmpp::command_id::active_test_resp) restart_idle();
        write();
    }

    asio::any_io_executor executor() { return socket_.get_executor(); }

    // Closes once everything queued has been written (after a refusal or a TERMINATE_RESP).
    void close_when_sent(const char* why) {
        closing_ = why;
        if (writing_.empty() && queued_.empty()) close(why);
    }

    void close(const char* why) {
        if (!socket_.is_open()) return;
        asio::error_code ignored;
        socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
        idle_.cancel();
        closed_(why);
    }

    cmpp::sequence_generator sequence;
    int tests_answered = 0;  // our ACTIVE_TESTs the peer answered
    int tests_received = 0;  // the peer's ACTIVE_TESTs we answered
    int pdus = 0;            // PDUs received
    int pieces = 0;          // reads that ended inside a PDU, which the framer completed later

private:
    void read() {
        const smsgw::mutable_bytes room = in_.space();
        socket_.async_read_some(asio::buffer(room.data(), room.size()), [this](asio::error_code ec, std::size_t n) {
            if (ec) return close(ec == asio::error::eof ? "peer closed the connection" : "read failed");
            // [snippet:cmpp-stream-buffer]
            in_.commit(n);
            smsgw::bytes pdu;  // valid until the next space(): handle() decodes it at once
            cmpp::frame f;
            while ((f = in_.next(pdu)).status == cmpp::frame_status::ready) {
                handle(pdu);
                if (!socket_.is_open()) return;
            }
            if (f.status == cmpp::frame_status::invalid) return close(f.error.message());
            // [/snippet]
            if (in_.held() != 0) ++pieces;
            read();
        });
    }

    void handle(smsgw::bytes frame) {
        ++pdus;
        cmpp::pdu p;
        if (const smsgw::result r = cmpp::decode(frame, p, {opt_.ver, opt_.checks}); !r) {
            std::fprintf(stderr, "decode: %s at %zu (%s)\n", r.message(), r.offset, r.field ? r.field : "");
            return close("undecodable PDU");
        }
        if (const auto* test = p.get<cmpp::active_test>()) {
            ++tests_received;
            cmpp::active_test_resp resp;
            resp.sequence_id = test->sequence_id;
            send(resp);
        } else if (const auto* resp = p.get<cmpp::active_test_resp>()) {
            if (resp->sequence_id == test_sequence_) {
                ++tests_answered;
                unanswered_ = 0;
            }
        } else {
            restart_idle();
        }
        pdu_(p);
    }

    void restart_idle() {
        idle_.expires_after(opt_.idle);
        idle_.async_wait([this](asio::error_code ec) {
            if (ec || !socket_.is_open()) return;  // cancelled: traffic restarted it, or closed
            if (unanswered_ == 3) return close("three ACTIVE_TESTs unanswered");
            cmpp::active_test test;
            test.sequence_id = test_sequence_ = sequence.next();
            ++unanswered_;
            send(test);
            restart_idle();
        });
    }

    void write() {
        if (!writing_.empty() || queued_.empty()) return;
        std::size_t n = queued_.size();
        if (opt_.max_chunk != 0) n = std::min(n, std::uniform_int_distribution<std::size_t>(1, opt_.max_chunk)(rng_));
        writing_.assign(queued_, 0, n);
        queued_.erase(0, n);
        asio::async_write(socket_, asio::buffer(writing_), [this](asio::error_code ec, std::size_t) {
            writing_.clear();
            if (ec) return close("write failed");
            if (closing_ != nullptr && queued_.empty()) return close(closing_);
            write();
        });
    }

    asio::ip::tcp::socket socket_;
    asio::steady_timer idle_;
    options opt_;
    cmpp::frame_options framing_{opt_.ver, 0, opt_.checks};  // 0: the largest PDU of the version
    on_pdu pdu_;
    on_closed closed_;
    unsigned char storage_[4096];  // the largest PDU of either version is 3586 bytes
    cmpp::stream_buffer in_{storage_, framing_};  // PDUs cut from what was read
    std::string queued_;      // encoded, not yet handed to the socket
    std::string writing_;     // the bytes of the write in progress
    const char* closing_ = nullptr;
    std::uint32_t test_sequence_ = 0;
    int unanswered_ = 0;
    std::minstd_rand rng_{std::random_device{}()};
};
