// `smsgw-inspect cmpp capture.pcap`: every TCP connection of the capture, each direction put
// back together (tcp_stream.hpp) and cut into PDUs by the library's framer. Each PDU prints as
// the `cmpp` format does, after its frame (the one its last byte came in), time, flow and
// direction (SP->ISMG or ISMG->SP: from the connection's CMPP_CONNECT, else from --port);
// a response also names its request's frame and the round trip, a status report the
// SUBMIT_RESP that gave its Msg_Id. Lost bytes (`gap`), bytes skipped to find the next
// plausible header (`resync`) and refused PDUs (`error`) print where they happen; requests
// never answered, responses to nothing, Msg_Ids never reported and, with --reassemble,
// long messages never completed are listed at the end, then a `summary`.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "capture.hpp"
#include "long_messages.hpp"
#include "tcp_stream.hpp"

namespace inspect {

namespace {

namespace cmpp = smsgw::cmpp;
namespace json = smsgw::codec::json;
using smsgw::bytes;

struct options {
    cmpp::version ver = cmpp::version::v20;
    cmpp::validation checks = cmpp::validation::strict;
    std::uint16_t port = 7890;
    bool reassemble = false;
};

bool parse_options(const args& a, options& o) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == "--tolerant") {
            o.checks = cmpp::validation::tolerant;
        } else if (a[i] == "--reassemble") {
            o.reassemble = true;
        } else if (a[i] == "--port" && i + 1 < a.size()) {
            const std::string value(a[++i]);
            char* end = nullptr;
            const unsigned long port = std::strtoul(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || port == 0 || port > 65535) return false;
            o.port = static_cast<std::uint16_t>(port);
        } else {
            return false;
        }
    }
    return true;
}

// Where a PDU was seen.
struct place {
    std::uint64_t frame = 0;
    timestamp time;
    std::string flow;       // "10.0.0.1:40000 -> 10.0.0.2:7890"
    const char* direction;  // "SP->ISMG", "ISMG->SP" or "unknown"
    std::uint64_t offset;   // of the PDU's first byte in its direction's stream
};

void place_members(json::writer& j, const place& p) {
    j.member("frame", p.frame).member("time", format_time(p.time)).member("flow", p.flow);
    j.member("direction", p.direction);
}

struct seen_pdu {
    place where;
    std::uint32_t command = 0;
    std::uint32_t sequence_id = 0;
};

void seen_members(json::writer& j, const seen_pdu& s, cmpp::version v) {
    place_members(j, s.where);
    const char* name = cmpp::command_name(static_cast<cmpp::command_id>(s.command), v);
    j.member("command", name).member("sequence_id", s.sequence_id);
}

class session;

// One direction of a connection: the bytes the TCP layer delivers, cut into PDUs.
class direction_parser final : public stream_receiver {
public:
    direction_parser(session& s, std::size_t connection, int side) : session_(&s), connection_(connection), side_(side) {}

    void data(bytes received, std::uint64_t at, const origin& from) override;
    void gap(std::uint64_t at, std::uint64_t missing, std::uint32_t seq, const origin& next) override;
    void end();

private:
    void parse(const origin& from);

    session* session_;
    std::size_t connection_;
    int side_;
    std::string buffer_;
    std::uint64_t buffer_at_ = 0;  // stream offset of buffer_[0]
    bool synced_ = false;          // at a PDU boundary
    std::uint64_t skipped_ = 0;    // bytes skipped while looking for one
    origin last_;
};

struct connection {
    endpoint ends[2];  // side 0 sends from ends[0] to ends[1]
    int sp_side = -1;  // the side whose sender is the SP, once a CMPP_CONNECT says so
    std::unique_ptr<direction_parser> parsers[2];
    std::unique_ptr<tcp_direction> streams[2];
};

class session {
public:
    explicit session(const options& o) : opt_(o) {}

    void segment(const tcp_segment& s) {
        ++segments_;
        auto key = std::make_pair(s.source, s.destination);
        int side = 0;
        auto it = index_.find(key);
        if (it == index_.end()) {
            it = index_.find(std::make_pair(s.destination, s.source));
            side = 1;
        }
        if (it != index_.end() && connections_[it->second]->streams[side]->reopened_by(s)) {
            index_.erase(it);  // the ports were used again: a new connection from here on
            it = index_.end();
        }
        if (it == index_.end()) {
            side = 0;
            const std::size_t n = connections_.size();
            connections_.push_back(std::make_unique<connection>());
            connection& c = *connections_.back();
            c.ends[0] = s.source;
            c.ends[1] = s.destination;
            for (int d = 0; d < 2; ++d) {
                c.parsers[d] = std::make_unique<direction_parser>(*this, n, d);
                c.streams[d] = std::make_unique<tcp_direction>(*c.parsers[d]);
            }
            it = index_.emplace(key, n).first;
        }
        connection& c = *connections_[it->second];
        if (s.has_ack) c.streams[1 - side]->acknowledged(s.ack);
        c.streams[side]->add(s);
    }

    int finish(const capture_stats& stats, std::string& out) {
        for (auto& c : connections_) {
            for (int d = 0; d < 2; ++d) {
                c->streams[d]->finish();
                c->parsers[d]->end();
                retransmissions_ += c->streams[d]->retransmissions();
                overlaps_ += c->streams[d]->overlaps();
                out_of_order_ += c->streams[d]->out_of_order();
            }
        }
        std::vector<seen_pdu> unanswered = superseded_;
        for (const auto& r : pending_) unanswered.push_back(r.second);
        std::sort(unanswered.begin(), unanswered.end(),
                  [](const seen_pdu& a, const seen_pdu& b) {
                      return std::tie(a.where.frame, a.where.offset) < std::tie(b.where.frame, b.where.offset);
                  });
        for (const seen_pdu& r : unanswered) {
            emit(out_, [&](json::writer& j) {
                j.key("unanswered_request").begin_object();
                seen_members(j, r, opt_.ver);
                j.end_object();
            });
        }
        for (const seen_pdu& r : orphans_) {
            emit(out_, [&](json::writer& j) {
                j.key("orphan_response").begin_object();
                seen_members(j, r, opt_.ver);
                j.end_object();
            });
        }
        std::size_t unreported = 0;
        for (const auto& [id, m] : msg_ids_) {
            if (m.reports != 0) continue;
            ++unreported;
            emit(out_, [&, &id = id, &m = m](json::writer& j) {
                j.key("msg_id_without_report").begin_object().member("msg_id", id);
                j.member("submit_resp_frame", m.where.frame).member("flow", m.where.flow);
                j.end_object();
            });
        }
        const std::size_t incomplete = long_.print_incomplete(out_);
        emit(out_, [&](json::writer& j) {
            j.key("summary").begin_object();
            j.member("frames", stats.frames).member("tcp_segments", segments_).member("connections", connections_.size());
            j.member("pdus", pdus_).member("errors", errors_);
            j.member("retransmissions", retransmissions_).member("overlaps", overlaps_);
            j.member("out_of_order", out_of_order_).member("gaps", gaps_).member("resyncs", resyncs_);
            j.member("unknown_commands", unknown_commands_);
            j.member("answered", answered_).member("unanswered", unanswered.size());
            j.member("orphan_responses", orphans_.size());
            j.member("reports_matched", reports_matched_).member("msg_ids_without_report", unreported);
            if (opt_.reassemble) j.member("long_messages", long_.completed()).member("incomplete_long_messages", incomplete);
            j.member("not_tcp", stats.not_tcp).member("ip_fragments", stats.fragments).member("malformed", stats.malformed);
            j.end_object();
        });
        out += out_;
        return errors_ == 0 && gaps_ == 0 && resyncs_ == 0 ? 0 : 1;
    }

    const options& opt() const { return opt_; }

    place where(std::size_t connection_index, int side, const origin& from, std::uint64_t offset) const {
        const connection& c = *connections_[connection_index];
        const endpoint& src = c.ends[side];
        const endpoint& dst = c.ends[1 - side];
        const char* direction = "unknown";
        if (c.sp_side >= 0) {
            direction = side == c.sp_side ? "SP->ISMG" : "ISMG->SP";
        } else if (dst.port == opt_.port) {
            direction = "SP->ISMG";
        } else if (src.port == opt_.port) {
            direction = "ISMG->SP";
        }
        return {from.frame, from.time, to_string(src) + " -> " + to_string(dst), direction, offset};
    }

    void gap(const place& p, std::uint64_t missing, std::uint32_t seq, std::uint64_t partial) {
        ++gaps_;
        emit(out_, [&](json::writer& j) {
            j.key("gap").begin_object();
            place_members(j, p);
            j.member("stream_offset", p.offset).member("seq", seq).member("missing", missing);
            if (partial != 0) j.member("partial_pdu_dropped", partial);
            j.end_object();
        });
    }

    void resync(const place& p, std::uint64_t skipped) {
        ++resyncs_;
        emit(out_, [&](json::writer& j) {
            j.key("resync").begin_object();
            place_members(j, p);
            j.member("stream_offset", p.offset).member("skipped", skipped).end_object();
        });
    }

    void error(const place& p, smsgw::result r) {
        ++errors_;
        emit(out_, [&](json::writer& j) {
            j.member("error", r.message()).member("offset", p.offset + r.offset);
            if (r.field != nullptr) j.member("field", r.field);
            place_members(j, p);
        });
    }

    void unknown_command(const place& p, const cmpp::header& h) {
        ++unknown_commands_;
        emit(out_, [&](json::writer& j) {
            j.key("unknown_command").begin_object();
            place_members(j, p);
            j.member("command_id", static_cast<std::uint32_t>(h.command)).member("total_length", h.total_length);
            j.member("sequence_id", h.sequence_id).end_object();
        });
    }

    void pdu(std::size_t connection_index, int side, const origin& from, std::uint64_t offset, bytes wire,
             const cmpp::header& h) {
        cmpp::pdu p;
        const smsgw::result r = cmpp::decode(wire, p, {opt_.ver, opt_.checks});
        connection& c = *connections_[connection_index];
        if (r && h.command == cmpp::command_id::connect) c.sp_side = side;
        const place at = where(connection_index, side, from, offset);
        if (!r) {
            error(at, r);
            return;
        }
        ++pdus_;
        const seen_pdu seen{at, static_cast<std::uint32_t>(h.command), h.sequence_id};
        const seen_pdu* request = nullptr;
        seen_pdu answered;
        const auto key = std::make_tuple(connection_index, side, seen.command, seen.sequence_id);
        if ((seen.command & 0x80000000u) == 0) {
            const auto [it, fresh] = pending_.emplace(key, seen);
            if (!fresh) {  // the Sequence_Id again before its answer: the older one stays unanswered
                superseded_.push_back(it->second);
                it->second = seen;
            }
        } else {
            const auto it = pending_.find(std::make_tuple(connection_index, 1 - side, seen.command & 0x7fffffffu,
                                                          seen.sequence_id));
            if (it != pending_.end()) {
                answered = it->second;
                request = &answered;
                pending_.erase(it);
                ++answered_;
            } else {
                orphans_.push_back(seen);
            }
        }
        const msg_id_record* report_for = nullptr;
        if (const auto* resp = std::get_if<cmpp::submit_resp>(&p.body); resp != nullptr && resp->result == 0) {
            msg_ids_[resp->msg_id] = msg_id_record{at, 0};
        }
        if (const auto* d = std::get_if<cmpp::deliver>(&p.body); d != nullptr && d->registered_delivery == 1) {
            cmpp::status_report report;
            if (cmpp::decode(content_bytes(*d), report)) {
                const auto it = msg_ids_.find(report.msg_id);
                if (it != msg_ids_.end()) {
                    ++it->second.reports;
                    ++reports_matched_;
                    report_for = &it->second;
                }
            }
        }
        const std::string reassembly_error = opt_.reassemble ? long_.add(p, at.frame) : std::string();
        emit(out_, [&](json::writer& j) {
            place_members(j, at);
            print_cmpp_pdu(j, p, opt_.ver, wire.size());
            if (request != nullptr) {
                j.member("request_frame", request->where.frame);
                j.member("rtt_us", micros_between(request->where.time, at.time));
            }
            if (report_for != nullptr) j.member("submit_resp_frame", report_for->where.frame);
            if (!reassembly_error.empty()) j.member("reassembly_error", reassembly_error);
        });
        long_.print_completed(out_);
    }

private:
    struct msg_id_record {
        place where;  // of the SUBMIT_RESP
        std::size_t reports = 0;
    };

    options opt_;
    std::string out_;
    std::vector<std::unique_ptr<connection>> connections_;
    std::map<std::pair<endpoint, endpoint>, std::size_t> index_;
    // Requests waiting for their response: (connection, side, Command_Id, Sequence_Id).
    std::map<std::tuple<std::size_t, int, std::uint32_t, std::uint32_t>, seen_pdu> pending_;
    std::vector<seen_pdu> orphans_;
    std::vector<seen_pdu> superseded_;  // requests whose Sequence_Id came again before an answer
    std::map<std::uint64_t, msg_id_record> msg_ids_;
    long_messages long_{"frames"};
    std::uint64_t segments_ = 0, pdus_ = 0, errors_ = 0, retransmissions_ = 0, overlaps_ = 0, out_of_order_ = 0;
    std::uint64_t gaps_ = 0, resyncs_ = 0, unknown_commands_ = 0, answered_ = 0, reports_matched_ = 0;
};

// A header worth resuming at: Total_Length within what its (known) Command_Id allows.
bool plausible(bytes at, cmpp::version v) {
    cmpp::frame_options strict{v};
    strict.unknown = cmpp::unknown_command::reject;
    return at.size() >= 8 && cmpp::next_frame(at, strict).status != cmpp::frame_status::invalid;
}

void direction_parser::data(bytes received, std::uint64_t at, const origin& from) {
    if (buffer_.empty()) buffer_at_ = at;
    buffer_.append(reinterpret_cast<const char*>(received.data()), received.size());
    last_ = from;
    parse(from);
}

void direction_parser::gap(std::uint64_t at, std::uint64_t missing, std::uint32_t seq, const origin& next) {
    session_->gap(session_->where(connection_, side_, next, at), missing, seq, buffer_.size());
    buffer_.clear();
    synced_ = false;
}

void direction_parser::end() {
    if (buffer_.empty()) return;
    const place p = session_->where(connection_, side_, last_, buffer_at_);
    if (!synced_) {
        session_->resync(p, skipped_ + buffer_.size());
    } else {
        session_->error(p, smsgw::fail(smsgw::errc::truncated, buffer_.size(), "Total_Length"));
    }
    buffer_.clear();
}

void direction_parser::parse(const origin& from) {
    const options& o = session_->opt();
    cmpp::frame_options framing{o.ver};
    framing.checks = o.checks;
    std::size_t at = 0;
    for (;;) {
        const bytes rest(reinterpret_cast<const smsgw::byte*>(buffer_.data()) + at, buffer_.size() - at);
        if (!synced_) {
            std::size_t i = 0;
            while (rest.size() - i >= 8 && !plausible(rest.subspan(i), o.ver)) ++i;
            skipped_ += i;
            at += i;
            if (rest.size() - i < 8) break;  // not enough to judge yet
            synced_ = true;
            if (skipped_ != 0) session_->resync(session_->where(connection_, side_, from, buffer_at_ + at), skipped_);
            skipped_ = 0;
            continue;
        }
        const cmpp::frame f = cmpp::next_frame(rest, framing);
        if (f.status == cmpp::frame_status::need_more) break;
        const place p = session_->where(connection_, side_, from, buffer_at_ + at);
        if (f.status == cmpp::frame_status::invalid) {
            session_->error(p, f.error);
            synced_ = false;
            continue;
        }
        if (f.status == cmpp::frame_status::skip) {
            session_->unknown_command(p, f.head);
        } else {
            session_->pdu(connection_, side_, from, buffer_at_ + at, rest.first(f.size), f.head);
        }
        at += f.size;
    }
    buffer_.erase(0, at);
    buffer_at_ += at;
}

}  // namespace

int run_cmpp_capture(cmpp::version v, const args& a, std::string_view input, std::string& out) {
    options o;
    o.ver = v;
    if (!parse_options(a, o)) return 2;
    auto s = std::make_unique<session>(o);
    capture_stats stats;
    std::string problem;
    const bool read = read_capture(input, [&](const tcp_segment& seg) { s->segment(seg); }, stats, problem);
    const int status = s->finish(stats, out);
    if (!read) {
        emit(out, [&](json::writer& j) { j.member("error", problem).member("frames_read", stats.frames); });
        return 1;
    }
    return status;
}

}  // namespace inspect
