#pragma once

// One direction of a TCP connection put back into its byte stream. Sequence numbers are read
// modulo 2^32 relative to the next byte expected, so the stream survives their wraparound;
// bytes already delivered (retransmissions, the overlapping part of a segment) are dropped,
// a segment ahead of the next byte is held until the gap before it fills. A gap that never
// fills (the capture lost a segment) is given up as soon as the other side acknowledges bytes
// past it (they reached the receiver, so they will not be sent again), when the stream ends
// (finish()) or when more than hold_limit bytes wait behind it: the receiver hears gap() and
// the stream goes on after it.

#include <cstdint>
#include <map>
#include <string>

#include "capture.hpp"

namespace inspect {

// The frame a stream's bytes came in.
struct origin {
    std::uint64_t frame = 0;
    timestamp time;
};

class stream_receiver {
public:
    // The next bytes of the stream, in order, `at` their offset in it.
    virtual void data(smsgw::bytes received, std::uint64_t at, const origin& from) = 0;
    // `missing` bytes from offset `at` (sequence number `seq`) never arrived; the stream goes on
    // with the bytes of frame `next`.
    virtual void gap(std::uint64_t at, std::uint64_t missing, std::uint32_t seq, const origin& next) = 0;

protected:
    ~stream_receiver() = default;
};

class tcp_direction {
public:
    static constexpr std::size_t hold_limit = 1 << 20;

    explicit tcp_direction(stream_receiver& to) : to_(&to) {}

    void add(const tcp_segment& s) {
        std::uint32_t seq = s.seq;
        if (s.syn) {
            if (started_) return;  // a retransmitted SYN
            started_ = true;
            syn_seq_ = seq;
            saw_syn_ = true;
            next_seq_ = seq + 1;
            ++seq;
        } else if (!started_) {
            if (s.payload.empty()) return;
            started_ = true;  // the capture began after the handshake: the stream starts here
            next_seq_ = seq;
        }
        if (s.payload.empty()) return;
        const origin from{s.frame, s.time};
        const std::int64_t ahead = static_cast<std::int32_t>(seq - next_seq_);
        const std::int64_t length = static_cast<std::int64_t>(s.payload.size());
        if (ahead + length <= 0) {
            ++retransmissions_;
            return;
        }
        if (ahead > 0) {
            hold(next_ + static_cast<std::uint64_t>(ahead), s.payload, from);
            while (held_bytes_ > hold_limit) skip_gap();
            return;
        }
        if (ahead < 0) ++overlaps_;
        deliver(s.payload.subspan(static_cast<std::size_t>(-ahead)), from);
        drain(&from);
    }

    // The other direction acknowledged every byte before sequence number `ack`.
    void acknowledged(std::uint32_t ack) {
        while (!held_.empty() && static_cast<std::int32_t>(ack - (next_seq_ + gap_size())) >= 0) skip_gap();
    }

    // The end of the capture: every gap still open is given up.
    void finish() {
        while (!held_.empty()) skip_gap();
    }

    // True when `s` opens another connection between the same ports: a SYN with another
    // initial sequence number than the one this direction began with.
    bool reopened_by(const tcp_segment& s) const { return s.syn && started_ && (!saw_syn_ || s.seq != syn_seq_); }

    std::uint64_t retransmissions() const { return retransmissions_; }  // segments wholly seen before
    std::uint64_t overlaps() const { return overlaps_; }                // segments partly seen before
    std::uint64_t out_of_order() const { return out_of_order_; }        // segments held for a while
    std::uint64_t gaps() const { return gaps_; }

private:
    struct pending {
        std::string payload;
        origin from;
    };

    void hold(std::uint64_t at, smsgw::bytes payload, const origin& from) {
        auto it = held_.find(at);
        if (it != held_.end()) {
            if (it->second.payload.size() >= payload.size()) {
                ++retransmissions_;
                return;
            }
            held_bytes_ -= it->second.payload.size();
        } else {
            ++out_of_order_;
        }
        held_[at] = {std::string(reinterpret_cast<const char*>(payload.data()), payload.size()), from};
        held_bytes_ += payload.size();
    }

    void deliver(smsgw::bytes part, const origin& from) {
        to_->data(part, next_, from);
        next_ += part.size();
        next_seq_ += static_cast<std::uint32_t>(part.size());
    }

    // Delivers the held segments that the stream has reached, as bytes of frame `now` (the one
    // that filled the gap before them) or, when a gap was given up, of their own frames.
    void drain(const origin* now) {
        while (!held_.empty() && held_.begin()->first <= next_) {
            const auto it = held_.begin();
            const pending p = std::move(it->second);
            const std::uint64_t at = it->first;
            held_.erase(it);
            held_bytes_ -= p.payload.size();
            const std::uint64_t seen = next_ - at;
            if (seen >= p.payload.size()) {
                ++retransmissions_;
                continue;
            }
            if (seen > 0) ++overlaps_;
            const smsgw::bytes all(reinterpret_cast<const smsgw::byte*>(p.payload.data()), p.payload.size());
            deliver(all.subspan(static_cast<std::size_t>(seen)), now != nullptr ? *now : p.from);
        }
    }

    // Bytes between the stream's end and the first segment held.
    std::uint32_t gap_size() const { return static_cast<std::uint32_t>(held_.begin()->first - next_); }

    void skip_gap() {
        const auto first = held_.begin();
        const std::uint64_t missing = first->first - next_;
        ++gaps_;
        to_->gap(next_, missing, next_seq_, first->second.from);
        next_ += missing;
        next_seq_ += static_cast<std::uint32_t>(missing);
        drain(nullptr);
    }

    stream_receiver* to_;
    bool started_ = false;
    bool saw_syn_ = false;
    std::uint32_t syn_seq_ = 0;   // the SYN's sequence number, when saw_syn_
    std::uint32_t next_seq_ = 0;  // the sequence number of the next byte expected
    std::uint64_t next_ = 0;      // its offset in the stream
    std::map<std::uint64_t, pending> held_;
    std::size_t held_bytes_ = 0;
    std::uint64_t retransmissions_ = 0;
    std::uint64_t overlaps_ = 0;
    std::uint64_t out_of_order_ = 0;
    std::uint64_t gaps_ = 0;
};

}  // namespace inspect
