#pragma once

// `--reassemble` of the cmpp formats: the segments of long messages (SUBMITs and DELIVERs with
// a concatenation element) given to the library's reassembler, each message printed whole as
// `long_message` when its last segment is in, those never completed listed at the end.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "inspect.hpp"
#include "smsgw/cmpp.hpp"

namespace inspect {

class long_messages {
public:
    // `where` names what add()'s numbers count in the output: "frames" or "pdus".
    explicit long_messages(const char* where) : where_(where), reassembler_(slots_, pool_) {}
    long_messages(const long_messages&) = delete;
    long_messages& operator=(const long_messages&) = delete;

    // Files the segment `p` carries, if any; `at` is its frame or PDU number. The reassembler's
    // refusal (a duplicate segment, no room) as its message, else "".
    std::string add(const smsgw::cmpp::pdu& p, std::uint64_t at);
    // Prints the message the last add() completed, if it did.
    void print_completed(std::string& out);
    // Prints the messages still incomplete; returns how many.
    std::size_t print_incomplete(std::string& out) const;

    std::uint64_t completed() const { return completed_; }

private:
    static constexpr std::size_t slot_count = 64;

    struct message {
        std::string source;
        std::string destination;
        std::uint16_t reference = 0;
        std::uint8_t total = 0;
        std::uint8_t msg_fmt = 0;
        std::string content;  // the segments' text, in Msg_Fmt
        std::vector<std::uint64_t> at;
    };

    const char* where_;
    smsgw::cmpp::reassembly_slot slots_[slot_count];
    smsgw::byte pool_[64 * 1024];
    std::vector<std::uint64_t> at_[slot_count];  // of each slot's segments
    smsgw::cmpp::reassembler reassembler_;
    bool ready_ = false;  // last_ is a message to print
    message last_;
    std::uint64_t completed_ = 0;
};

}  // namespace inspect
