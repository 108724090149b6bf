// Formats `cmpp` (CMPP 2.0) and `cmpp3` (CMPP 3.0): a captured TCP byte stream of concatenated
// PDUs, cut by the framer, one JSON object per PDU: command, total_length, sequence_id, then
// every field of the PDU by its spec name in snake_case, in wire order (smsgw::cmpp walks them).
// Msg_Id is also split into its parts, a status report's content is decoded into its own object
// and UCS-2 or ASCII content is shown as text beside its hex. `--tolerant` frames and decodes
// as validation::tolerant does: ranges unchecked, bytes after a body kept as `trailing`, a
// 12-byte CMPP 1.2 ACTIVE_TEST_RESP shown with `without_reserved`.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "inspect.hpp"
#include "smsgw/cmpp.hpp"
#include "smsgw/codec/utf8.hpp"

namespace {

namespace cmpp = smsgw::cmpp;
namespace json = smsgw::codec::json;
namespace utf8 = smsgw::codec::utf8;

void msg_id_parts(json::writer& j, std::string_view key, std::uint64_t id) {
    const cmpp::msg_id_parts p = cmpp::unpack_msg_id(id);
    j.key(std::string(key) + "_parts").begin_object();
    j.member("month", p.month).member("day", p.day).member("hour", p.hour).member("minute", p.minute);
    j.member("second", p.second).member("gateway", p.gateway).member("sequence", p.sequence);
    j.end_object();
}

// Text as a JSON string when it is UTF-8, else as lower-case hex under `<key>_hex`.
void text_member(json::writer& j, std::string_view key, std::string_view value) {
    if (utf8::validate(value)) {
        j.member(key, value);
    } else {
        j.key(std::string(key) + "_hex").hex_string(value);
    }
}

// A visitor of a PDU's walk that prints every field.
struct printer {
    json::writer& j;

    template <class I>
    void number(const I& value, std::size_t, cmpp::field_name f, cmpp::limit = {}) {
        j.member(f.key, value);
        if (std::string_view(f.key) == "msg_id") msg_id_parts(j, f.key, static_cast<std::uint64_t>(value));
    }
    void text(const std::string_view& value, std::size_t, cmpp::field_name f, smsgw::pad = smsgw::pad::nul_right) {
        text_member(j, f.key, value);
    }
    template <std::size_t N>
    void octets(const std::array<smsgw::byte, N>& value, cmpp::field_name f) {
        j.key(f.key).hex_string(smsgw::bytes(value.data(), N));
    }
    void ids(const cmpp::id_list& list, std::size_t, cmpp::field_name count, cmpp::field_name f, std::size_t,
             std::size_t) {
        j.member(count.key, list.size());
        j.key(f.key).begin_array();
        for (std::string_view id : list) {
            if (utf8::validate(id)) {
                j.string(id);
            } else {
                j.hex_string(id);
            }
        }
        j.end_array();
    }
    void content(const smsgw::bytes& value, std::size_t, cmpp::field_name length, cmpp::field_name f) {
        j.member(length.key, value.size());
        j.key(f.key).hex_string(value);
    }
    template <class F>
    void absent(const F&, cmpp::field_name) {}
    void may_end(bool ended, cmpp::field_name f) {
        if (ended) j.member(f.key, true);
    }
};

// Msg_Content as text (cmpp/text.hpp: ASCII, UCS-2, GB text), after its UDH when TP_udhi
// says there is one; nothing when it is not text or does not decode.
void content_text(json::writer& j, std::uint8_t msg_fmt, std::uint8_t tp_udhi, smsgw::bytes content) {
    cmpp::user_data ud;
    if (!cmpp::is_text_format(msg_fmt) || !cmpp::parse_user_data(content, tp_udhi, ud)) return;
    std::string text;
    if (smsgw::write_append(text, [&](smsgw::writer& w) { return cmpp::decode_text(msg_fmt, ud.text, w); })) {
        j.member("msg_text", text);
    }
}

void status_report(json::writer& j, smsgw::bytes content) {
    cmpp::status_report r;
    if (!cmpp::decode(content, r)) return;
    j.key("status_report").begin_object();
    j.member("msg_id", r.msg_id);
    msg_id_parts(j, "msg_id", r.msg_id);
    text_member(j, "stat", r.stat);
    text_member(j, "submit_time", r.submit_time);
    text_member(j, "done_time", r.done_time);
    text_member(j, "dest_terminal_id", r.dest_terminal_id);
    j.member("smsc_sequence", r.smsc_sequence);
    j.end_object();
}

void mo_status_report(json::writer& j, smsgw::bytes content) {
    cmpp::mo_status_report r;
    if (!cmpp::decode(content, r)) return;
    j.key("mo_status_report").begin_object();
    j.member("msg_id", r.msg_id);
    msg_id_parts(j, "msg_id", r.msg_id);
    text_member(j, "stat", r.stat);
    text_member(j, "cmpp_deliver_time", r.cmpp_deliver_time);
    text_member(j, "cmpp_deliver_resp_time", r.cmpp_deliver_resp_time);
    text_member(j, "dest_id", r.dest_id);
    text_member(j, "reserved", r.reserved);
    j.end_object();
}

template <class T>
void print_pdu(json::writer& j, const T& m, cmpp::version v, std::size_t total_length) {
    j.member("command", cmpp::command_name(T::command, v));
    j.member("total_length", total_length);
    j.member("sequence_id", m.sequence_id);
    printer p{j};
    cmpp::walk(p, m);
    if constexpr (std::is_same_v<T, cmpp::submit> || std::is_same_v<T, cmpp::deliver> || std::is_same_v<T, cmpp::fwd>) {
        content_text(j, m.msg_fmt, m.tp_udhi, m.msg_content);
    }
    if constexpr (std::is_same_v<T, cmpp::deliver>) {
        if (m.registered_delivery == 1) status_report(j, m.msg_content);
    }
    if constexpr (std::is_same_v<T, cmpp::fwd>) {
        if (m.msg_fwd_type == 3) mo_status_report(j, m.msg_content);
    }
    if (!m.trailing.empty()) j.key("trailing").hex_string(m.trailing);
}

// An error at `at` bytes into the stream.
void error_at(std::string& out, smsgw::result r, std::size_t at) {
    r.offset += at;
    inspect::emit_error(out, r);
}

int run(cmpp::version v, const inspect::args& a, std::string_view input, std::string& out) {
    const bool tolerant = a.size() == 1 && a[0] == "--tolerant";
    if (!a.empty() && !tolerant) return 2;
    const cmpp::validation checks = tolerant ? cmpp::validation::tolerant : cmpp::validation::strict;
    cmpp::frame_options opt{v};
    opt.checks = checks;
    int status = 0;
    std::size_t at = 0;
    while (at < input.size()) {
        const std::string_view rest = input.substr(at);
        const cmpp::frame f = cmpp::next_frame(rest, opt);
        if (f.status == cmpp::frame_status::need_more) {
            error_at(out, smsgw::fail(smsgw::errc::truncated, rest.size(), "Total_Length"), at);
            return 1;
        }
        if (f.status == cmpp::frame_status::invalid) {
            error_at(out, f.error, at);
            return 1;
        }
        cmpp::pdu p;
        const smsgw::result r = cmpp::decode(rest.substr(0, f.size), p, {v, checks});
        if (r) {
            inspect::emit(out, [&](json::writer& j) {
                std::visit(
                    [&](const auto& m) {
                        if constexpr (!std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) {
                            print_pdu(j, m, v, f.size);
                        }
                    },
                    p.body);
            });
        } else {
            error_at(out, r, at);
            status = 1;
        }
        at += f.size;
    }
    return status;
}

int run_cmpp(const inspect::args& a, std::string_view input, std::string& out) {
    return run(cmpp::version::v20, a, input, out);
}
int run_cmpp3(const inspect::args& a, std::string_view input, std::string& out) {
    return run(cmpp::version::v30, a, input, out);
}

const inspect::registrar cmpp_format{
    {"cmpp", "[--tolerant]  CMPP 2.0 PDUs, a captured stream of them", &run_cmpp}};
const inspect::registrar cmpp3_format{{"cmpp3", "[--tolerant]  CMPP 3.0 PDUs, a captured stream of them", &run_cmpp3}};

}  // namespace
