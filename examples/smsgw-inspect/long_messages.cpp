#include "long_messages.hpp"

#include "capture.hpp"

namespace inspect {

namespace cmpp = smsgw::cmpp;
namespace json = smsgw::codec::json;

std::string long_messages::add(const cmpp::pdu& p, std::uint64_t at) {
    cmpp::received_segment s;
    if (const auto* m = std::get_if<cmpp::submit>(&p.body)) {
        s = {m->src_id, m->dest_terminal_ids.empty() ? std::string_view() : m->dest_terminal_ids[0], m->tp_udhi,
             m->msg_fmt, content_bytes(*m)};
    } else if (const auto* d = std::get_if<cmpp::deliver>(&p.body); d != nullptr && d->registered_delivery == 0) {
        s = {d->src_terminal_id, d->dest_id, d->tp_udhi, d->msg_fmt, content_bytes(*d)};
    } else {
        return {};
    }
    if (s.tp_udhi == 0) return {};
    cmpp::reassembly_status st;
    const smsgw::result r = reassembler_.add(s, at, st);
    if (!r) return r.message();
    if (st.what == cmpp::reassembly_status::state::single) return {};
    at_[st.slot].push_back(at);
    if (st.what != cmpp::reassembly_status::state::complete) return {};
    const cmpp::reassembly_slot& slot = slots_[st.slot];
    last_ = {std::string(slot.source()), std::string(slot.destination()), slot.reference(), slot.total(),
             slot.msg_fmt(), std::string(slot.text_size(), '\0'), std::move(at_[st.slot])};
    at_[st.slot].clear();
    smsgw::writer w(last_.content.data(), last_.content.size());
    reassembler_.take(st.slot, w);  // complete, and the room it needs
    ready_ = true;
    return {};
}

void long_messages::print_completed(std::string& out) {
    if (!ready_) return;
    ready_ = false;
    ++completed_;
    const message& m = last_;
    std::string text;
    const bool decoded = cmpp::is_text_format(m.msg_fmt) && smsgw::write_append(text, [&](smsgw::writer& w) {
                             return cmpp::decode_text(m.msg_fmt, smsgw::bytes(m.content), w);
                         });
    emit(out, [&](json::writer& j) {
        j.key("long_message").begin_object();
        j.member("source", m.source).member("destination", m.destination).member("reference", m.reference);
        j.member("total", m.total).member("msg_fmt", m.msg_fmt);
        j.key(where_).begin_array();
        for (std::uint64_t n : m.at) j.number(n);
        j.end_array();
        if (decoded) {
            j.member("text", text);
        } else {
            hex_member(j, "content", smsgw::bytes(m.content));
        }
        j.end_object();
    });
}

std::size_t long_messages::print_incomplete(std::string& out) const {
    std::size_t count = 0;
    for (std::size_t i = 0; i < slot_count; ++i) {
        const cmpp::reassembly_slot& s = slots_[i];
        if (!s.in_use()) continue;
        ++count;
        emit(out, [&](json::writer& j) {
            j.key("incomplete_long_message").begin_object();
            j.member("source", s.source()).member("destination", s.destination());
            j.member("reference", s.reference()).member("total", s.total()).member("received", s.received());
            j.member("first_missing", s.first_missing());
            j.key(where_).begin_array();
            for (std::uint64_t n : at_[i]) j.number(n);
            j.end_array().end_object();
        });
    }
    return count;
}

}  // namespace inspect
