// Formats `cmpp` (CMPP 2.0) and `cmpp3` (CMPP 3.0): a captured TCP byte stream of concatenated
// PDUs, cut by the framer, one JSON object per PDU: command, total_length, sequence_id, then
// every field of the PDU by its spec name in snake_case, in wire order (smsgw::cmpp walks them).
// Msg_Id is also split into its parts, a status report's content is decoded into its own object
// and UCS-2 or ASCII content is shown as text beside its hex. `--tolerant` frames and decodes
// as validation::tolerant does: ranges unchecked, bytes after a body kept as `trailing`, a
// 12-byte CMPP 1.2 ACTIVE_TEST_RESP shown with `without_reserved`. A segment's UDH is shown
// parsed (cmpp_udh.cpp); `--reassemble` also prints each long message whole once its last
// segment is in (long_messages.hpp). A pcap or pcapng capture goes to cmpp_capture.cpp.
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "capture.hpp"
#include "inspect.hpp"
#include "long_messages.hpp"
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
        inspect::udh_member(j, m.tp_udhi, inspect::content_bytes(m));
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

}  // namespace

void inspect::print_cmpp_pdu(json::writer& j, const cmpp::pdu& p, cmpp::version v, std::size_t total_length) {
    std::visit(
        [&](const auto& m) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) print_pdu(j, m, v, total_length);
        },
        p.body);
}

namespace {
// A visitor of a PDU's walk that fills every field from the members printer wrote: the same
// walk, read the other way. What decoding derives (msg_length, dest_usr_tl, the Msg_Id parts,
// msg_text, a status report) is not read: encode.cpp checks it against the bytes. Values the
// fields cannot hold are refused here with their JSON path; the encoder checks the rest.
struct filler {
    const json::object& message;
    inspect::reader& in;
    std::deque<std::vector<std::string_view>>& id_lists;

    bool find(const char* key, json::value& v) {
        if (message.find(key, v)) return true;
        return in.refuse(smsgw::errc::missing_field, message.as_value(), std::string(".") + key);
    }
    // A string, or the hex under `<key>_hex` of one that was not UTF-8.
    bool string(cmpp::field_name f, std::string_view& out) {
        json::value v;
        const std::string hex_key = std::string(f.key) + "_hex";
        if (message.find(hex_key, v)) return in.hex(v, out, "." + hex_key);
        return find(f.key, v) && in.text(v, out, std::string(".") + f.key);
    }

    template <class I>
    void number(I& value, std::size_t width, cmpp::field_name f, cmpp::limit = {}) {
        json::value v;
        I x{};
        if (!find(f.key, v) || !in.number(v, x, std::string(".") + f.key)) return;
        if (width < sizeof(I) && static_cast<std::uint64_t>(x) >> (8 * width) != 0) {
            in.refuse(smsgw::fail(smsgw::errc::out_of_range, v.offset(), f.spec), std::string(".") + f.key);
            return;
        }
        value = x;
    }
    void text(std::string_view& value, std::size_t width, cmpp::field_name f, smsgw::pad = smsgw::pad::nul_right) {
        json::value v;
        if (!string(f, value)) return;
        if (value.size() > width) {
            message.find(f.key, v);
            in.refuse(smsgw::fail(smsgw::errc::field_too_long, v.offset(), f.spec), std::string(".") + f.key);
        }
    }
    template <std::size_t N>
    void octets(std::array<smsgw::byte, N>& value, cmpp::field_name f) {
        json::value v;
        std::string_view raw;
        if (!find(f.key, v) || !in.hex(v, raw, std::string(".") + f.key)) return;
        if (raw.size() != N) {
            in.refuse(smsgw::fail(smsgw::errc::invalid_length, v.offset(), f.spec), std::string(".") + f.key);
            return;
        }
        std::memcpy(value.data(), raw.data(), N);
    }
    void ids(cmpp::id_list& list, std::size_t width, cmpp::field_name, cmpp::field_name f, std::size_t, std::size_t) {
        json::value v;
        json::array items;
        const std::string path = std::string(".") + f.key;
        if (!find(f.key, v)) return;
        if (const smsgw::result r = v.get(items); !r) {
            in.refuse(r, path);
            return;
        }
        std::vector<std::string_view>& kept = id_lists.emplace_back();
        for (const json::value& item : items) {
            const std::string item_path = path + "[" + std::to_string(kept.size()) + "]";
            std::string_view id;
            if (!in.text(item, id, item_path)) return;
            if (id.size() > width) {
                in.refuse(smsgw::fail(smsgw::errc::field_too_long, item.offset(), f.spec), item_path);
                return;
            }
            kept.push_back(id);
        }
        list = cmpp::id_list(kept);
    }
    template <class Content>
    void content(Content& value, std::size_t, cmpp::field_name, cmpp::field_name f) {
        json::value v;
        std::string_view raw;
        if (!find(f.key, v) || !in.hex(v, raw, std::string(".") + f.key)) return;
        value = Content(reinterpret_cast<const typename Content::value_type*>(raw.data()), raw.size());
    }
    template <class F>
    void absent(F&, cmpp::field_name) {}
    void may_end(bool& ended, cmpp::field_name f) {
        json::value v;
        ended = message.find(f.key, v) && v.get(ended) && ended;
    }
};

// Calls f(id) with every Command_Id of both versions (requests 1 to 0x17, their responses).
template <class F>
void each_command(F&& f) {
    for (std::uint32_t low = 1; low <= 0x17; ++low) {
        for (const std::uint32_t id : {low, low | 0x80000000u}) f(static_cast<cmpp::command_id>(id));
    }
}

// The Command_Id the version names `name`.
bool command_named(std::string_view name, cmpp::version v, cmpp::command_id& out) {
    bool found = false;
    each_command([&](cmpp::command_id id) {
        const char* n = cmpp::command_name(id, v);
        if (!found && n != nullptr && name == n) {
            out = id;
            found = true;
        }
    });
    return found;
}

bool encode(cmpp::version v, const json::object& message, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    json::value command;
    std::string_view name;
    cmpp::command_id id{};
    if (!message.find("command", command)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".command");
    if (!in.text(command, name, ".command")) return false;
    if (!command_named(name, v, id)) return in.refuse(smsgw::errc::unknown_command, command, ".command");
    std::deque<std::vector<std::string_view>> id_lists;
    cmpp::with_pdu_type(id, v, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T m{};
        m.ver = v;
        filler fill{message, in, id_lists};
        fill.number(m.sequence_id, 4, {"Sequence_Id", "sequence_id"});
        cmpp::walk(fill, m);
        json::value trailing;
        std::string_view after;
        if (message.find("trailing", trailing) && !in.hex(trailing, after, ".trailing")) return;
        m.trailing = after;
        if (!in.ok()) return;
        if (const smsgw::result r = smsgw::write_append(bytes, [&m](smsgw::writer& w) { return cmpp::encode(m, w); }); !r) {
            in.refuse(r, "");
        }
    });
    return in.ok();
}

// Every field of every PDU of both versions, by its key: what --format text names them by.
struct spec_names {
    std::vector<cmpp::field_name> all{{"Total_Length", "total_length"}, {"Command_Id", "command"}, {"Sequence_Id", "sequence_id"}};

    void add(cmpp::field_name f) {
        for (const cmpp::field_name& known : all) {
            if (std::string_view(known.key) == f.key) return;
        }
        all.push_back(f);
    }
    template <class I>
    void number(const I&, std::size_t, cmpp::field_name f, cmpp::limit = {}) {
        add(f);
    }
    void text(const std::string_view&, std::size_t, cmpp::field_name f, smsgw::pad = smsgw::pad::nul_right) { add(f); }
    template <std::size_t N>
    void octets(const std::array<smsgw::byte, N>&, cmpp::field_name f) {
        add(f);
    }
    void ids(const cmpp::id_list&, std::size_t, cmpp::field_name count, cmpp::field_name f, std::size_t, std::size_t) {
        add(count);
        add(f);
    }
    template <class Content>
    void content(const Content&, std::size_t, cmpp::field_name length, cmpp::field_name f) {
        add(length);
        add(f);
    }
    template <class F>
    void absent(const F&, cmpp::field_name) {}
    void may_end(const bool&, cmpp::field_name) {}
};

const char* spec_name(std::string_view key) {
    static const spec_names names = [] {
        spec_names n;
        for (const cmpp::version v : {cmpp::version::v20, cmpp::version::v30}) {
            each_command([&](cmpp::command_id id) {
                cmpp::with_pdu_type(id, v, [&](auto tag) {
                    using T = typename decltype(tag)::type;
                    T m{};
                    m.ver = v;
                    cmpp::walk(n, static_cast<const T&>(m));
                });
            });
        }
        return n;
    }();
    for (const cmpp::field_name& f : names.all) {
        if (key == f.key) return f.spec;
    }
    return nullptr;
}

bool encode_cmpp(const inspect::args&, const json::object& message, std::string& bytes, inspect::refusal& why) {
    return encode(cmpp::version::v20, message, bytes, why);
}
bool encode_cmpp3(const inspect::args&, const json::object& message, std::string& bytes, inspect::refusal& why) {
    return encode(cmpp::version::v30, message, bytes, why);
}

// An error at `at` bytes into the stream.
void error_at(std::string& out, smsgw::result r, std::size_t at) {
    r.offset += at;
    inspect::emit_error(out, r);
}

int run(cmpp::version v, const inspect::args& a, std::string_view input, std::string& out) {
    if (inspect::is_capture(input)) return inspect::run_cmpp_capture(v, a, input, out);
    bool tolerant = false;
    bool reassemble = false;
    for (std::string_view arg : a) {
        if (arg == "--tolerant") {
            tolerant = true;
        } else if (arg == "--reassemble") {
            reassemble = true;
        } else {
            return 2;
        }
    }
    inspect::long_messages long_messages{"pdus"};
    std::uint64_t decoded = 0;
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
            const std::string refused = reassemble ? long_messages.add(p, ++decoded) : std::string();
            inspect::emit(out, [&](json::writer& j) {
                inspect::print_cmpp_pdu(j, p, v, f.size);
                if (!refused.empty()) j.member("reassembly_error", refused);
            });
            long_messages.print_completed(out);
        } else {
            error_at(out, r, at);
            status = 1;
        }
        at += f.size;
    }
    if (reassemble) long_messages.print_incomplete(out);
    return status;
}

int run_cmpp(const inspect::args& a, std::string_view input, std::string& out) {
    return run(cmpp::version::v20, a, input, out);
}
int run_cmpp3(const inspect::args& a, std::string_view input, std::string& out) {
    return run(cmpp::version::v30, a, input, out);
}

const inspect::registrar cmpp_format{
    {"cmpp", "[--tolerant] [--reassemble] [--port N]  CMPP 2.0 PDUs: a stream of them, or a pcap/pcapng capture",
     &run_cmpp, &inspect::on_object<encode_cmpp>, "cmpp/submit.bin", nullptr, &spec_name}};
const inspect::registrar cmpp3_format{
    {"cmpp3", "[--tolerant] [--reassemble] [--port N]  CMPP 3.0 PDUs: a stream of them, or a pcap/pcapng capture",
     &run_cmpp3, &inspect::on_object<encode_cmpp3>, "cmpp3/deliver.bin", nullptr, &spec_name}};

}  // namespace
