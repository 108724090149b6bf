// IMSP MMS gateway formats: `imsp-request <command>` decodes a form body as the gateway would,
// `imsp-response <command> [--status 200|202]` decodes the gateway's answer.
#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "bind_printed.hpp"
#include "inspect.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/imsp.hpp"

namespace {

namespace imsp = smsgw::imsp;
using json = smsgw::codec::json::writer;

int fail_with(std::string& out, const smsgw::result& r) {
    inspect::emit_error(out, r);
    return 1;
}

// Text as a string when it is UTF-8, otherwise as lower-case hex under `<name>_hex`.
void text_or_hex(json& j, std::string_view name, smsgw::bytes value) {
    if (smsgw::codec::utf8::validate(smsgw::as_chars(value))) {
        j.member(name, smsgw::as_chars(value));
    } else {
        j.key(std::string(name) + "_hex").hex_string(value);
    }
}

// The two members of every answer page; the rest each answer reads from its description.
constexpr const char* code_key = "return_code";
constexpr const char* description_key = "description";

void code_members(json& j, imsp::command c, imsp::return_code code) {
    const imsp::code_text text = imsp::describe(c, code);
    j.member(code_key, static_cast<int>(code));
    if (text.known()) j.member("meaning", text.english).member("meaning_zh", text.chinese);
}

// A request body decoded as the gateway would, printed from the request's field list.
template <class Request>
int request(std::string_view body, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    std::vector<imsp::content> storage(64);
    Request r;
    smsgw::result res;
    if constexpr (std::is_same_v<Request, imsp::send_mms_request>) {
        res = imsp::decode(body, r, scratch, storage);
    } else {
        res = imsp::decode(body, r, scratch);
    }
    if (!res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("command", imsp::name(Request::command));
        smsgw::codec::fields::write_json_members(j, r, {true});
    });
    return 0;
}

// Calls f(Request{}) with the request of command c.
template <class F>
int with_request(imsp::command c, F&& f) {
    switch (c) {
    case imsp::command::login: return f(imsp::login_request{});
    case imsp::command::get_mime: return f(imsp::get_mime_request{});
    case imsp::command::change_passwd: return f(imsp::change_passwd_request{});
    case imsp::command::query: return f(imsp::query_request{});
    case imsp::command::query_batch: return f(imsp::query_batch_request{});
    case imsp::command::send_mms: return f(imsp::send_mms_request{});
    }
    return 2;
}

int run_request(const inspect::args& a, std::string_view body, std::string& out) {
    imsp::command c{};
    if (a.size() != 1 || !imsp::find_command(a[0], c)) return 2;
    return with_request(c, [&](auto r) { return request<decltype(r)>(body, out); });
}

// The printed fields bound back, the form body encoded from them.
bool encode_request(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    imsp::command c{};
    if (a.size() != 1 || !imsp::find_command(a[0], c)) return false;
    inspect::reader in(why);
    std::vector<imsp::content> storage(64);
    return with_request(c, [&](auto tag) {
               using Request = decltype(tag);
               return inspect::encode_printed<Request>(
                          printed, {true}, in, smsgw::mode::strict, bytes,
                          [](const Request& r, smsgw::writer& w) { return imsp::encode(r, w); }, smsgw::span<imsp::content>(storage))
                          ? 0
                          : 1;
           }) == 0;
}

template <class Response, class Print>
int response(std::string_view in, std::string& out, imsp::command c, Print print) {
    Response r;
    if (auto res = imsp::decode(in, r); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("command", imsp::name(c));
        code_members(j, c, r.code);
        j.member(description_key, r.description);
        print(j, r);
    });
    return 0;
}

// get_mime with HTTP 200: the §5.1 fields and each content, decoded. The keys, for printing
// them and reading them back:
constexpr const char* packet_keys[] = {"date", "to", "from", "msgid", "subject"};
constexpr const char* content_type_key = "content_type";
constexpr const char* content_id_key = "content_id";
constexpr const char* filename_key = "filename";
constexpr const char* content_key = "content";

int mo_packet(std::string_view in, std::string& out) {
    std::vector<smsgw::mime::part> storage(64);
    imsp::get_mime_response r;
    if (auto res = imsp::decode(200, in, r, storage); !res) return fail_with(out, res);
    std::string subject;
    smsgw::write_append(subject, [&](smsgw::writer& w) { return imsp::decode_subject(r, w); });
    inspect::emit(out, [&](json& j) {
        j.member("command", "get_mime").member("status", 200);
        const std::string_view values[] = {r.date, r.to, r.from, r.msgid, subject};
        for (std::size_t i = 0; i < std::size(packet_keys); ++i) j.member(packet_keys[i], values[i]);
        j.member("content_number", r.content_number).key("contents").begin_array();
        for (const smsgw::mime::part& p : r.contents()) {
            std::string name, data;
            smsgw::write_append(name, [&](smsgw::writer& w) { return smsgw::mime::filename(p, w); });
            smsgw::write_append(data, [&](smsgw::writer& w) { return smsgw::mime::decode_content(p, w); });
            j.begin_object().member(content_type_key, std::string(p.type.type) + "/" + std::string(p.type.subtype));
            j.member(content_id_key, p.content_id).member(filename_key, name).member("size", data.size());
            text_or_hex(j, content_key, data);
            j.end_object();
        }
        j.end_array();
    });
    return 0;
}

// The packet back from those members (Content_number, the sizes and what the MIME layout
// holds besides are the encoder's, checked by decoding again).
bool encode_mo_packet(const smsgw::codec::json::object& printed, std::string& bytes, inspect::reader& in) {
    imsp::mo_packet packet;
    std::string_view* targets[] = {&packet.date, &packet.to, &packet.from, &packet.msgid, &packet.subject};
    smsgw::codec::json::value v;
    for (std::size_t i = 0; i < std::size(packet_keys); ++i) {
        const std::string path = std::string(".") + packet_keys[i];
        if (!printed.find(packet_keys[i], v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), path);
        if (!in.text(v, *targets[i], path)) return false;
    }
    smsgw::codec::json::array items;
    if (!printed.find("contents", v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".contents");
    if (const smsgw::result r = v.get(items); !r) return in.refuse(r, ".contents");
    std::vector<smsgw::mime::part_spec> contents;
    for (const smsgw::codec::json::value& item : items) {
        const std::string path = ".contents[" + std::to_string(contents.size()) + "]";
        smsgw::codec::json::object c;
        if (const smsgw::result r = item.get(c); !r) return in.refuse(r, path);
        smsgw::mime::part_spec& part = contents.emplace_back();
        std::string_view data;
        for (const auto& [key, target] : {std::pair{content_type_key, &part.content_type}, std::pair{content_id_key, &part.content_id},
                                          std::pair{filename_key, &part.filename}}) {
            if (!c.find(key, v)) return in.refuse(smsgw::errc::missing_field, item, path + "." + key);
            if (!in.text(v, *target, path + "." + key)) return false;
        }
        const std::string hex_key = std::string(content_key) + "_hex";
        if (c.find(hex_key, v)) {
            if (!in.hex(v, data, path + "." + hex_key)) return false;
        } else if (!c.find(content_key, v)) {
            return in.refuse(smsgw::errc::missing_field, item, path + "." + content_key);
        } else if (!in.text(v, data, path + "." + content_key)) {
            return false;
        }
        part.content = data;
    }
    packet.contents = contents;
    const smsgw::result r = smsgw::write_append(bytes, [&packet](smsgw::writer& w) { return imsp::encode(packet, w); });
    return r ? true : in.refuse(r, r.field != nullptr ? std::string(".") + r.field : std::string());
}

int run_response(const inspect::args& a, std::string_view in, std::string& out) {
    imsp::command c{};
    if (a.empty() || !imsp::find_command(a[0], c)) return 2;
    int status = 200;
    if (a.size() == 3 && a[1] == "--status" && (a[2] == "200" || a[2] == "202")) {
        status = a[2] == "200" ? 200 : 202;
    } else if (a.size() != 1) {
        return 2;
    }
    auto nothing = [](json&, const auto&) {};
    switch (c) {
    case imsp::command::login:
        return response<imsp::login_response>(in, out, c, [](json& j, const imsp::login_response& r) {
            if (r.code == imsp::return_code::success) j.member("ip", r.ip);
        });
    case imsp::command::send_mms:
        return response<imsp::send_mms_response>(in, out, c, [](json& j, const imsp::send_mms_response& r) {
            if (r.message_id.empty()) return;
            j.member("message_id", r.message_id).key("failures").begin_array();
            for (const imsp::failure& f : r.failures) {
                j.begin_object().member("to_address", f.to_address).member("fail_reason", f.reason).end_object();
            }
            j.end_array();
        });
    case imsp::command::query:
        return response<imsp::query_response>(in, out, c, [](json& j, const imsp::query_response& r) {
            if (!r.has_state()) return;
            static constexpr const char* groups[] = {"sending", "success", "failure", "unknown"};
            j.member("state_group", groups[static_cast<int>(group(r.state()))]);
        });
    case imsp::command::query_batch:
        return response<imsp::query_batch_response>(in, out, c, [](json& j, const imsp::query_batch_response& r) {
            if (static_cast<int>(r.code) <= 0) return;
            j.key("entries").begin_array();
            for (const imsp::batch_entry& e : r.entries) {
                j.begin_object().member("msisdn", e.msisdn).member("status", static_cast<int>(e.status));
                j.member("desc", e.desc).end_object();
            }
            j.end_array();
        });
    case imsp::command::change_passwd: return response<imsp::change_passwd_response>(in, out, c, nothing);
    case imsp::command::get_mime:
        if (status == 202) return response<imsp::page>(in, out, c, nothing);
        return mo_packet(in, out);
    }
    return 2;
}

// An answer page from its code and description (what decoding derives from them is checked
// by decoding the page again), or get_mime's MO packet.
bool encode_response(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    imsp::command c{};
    if (a.empty() || !imsp::find_command(a[0], c)) return false;
    inspect::reader in(why);
    if (c == imsp::command::get_mime && !(a.size() == 3 && a[2] == "202")) return encode_mo_packet(printed, bytes, in);
    imsp::page p;
    smsgw::codec::json::value v;
    int code = 0;
    if (!printed.find(code_key, v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), std::string(".") + code_key);
    if (!in.number(v, code, std::string(".") + code_key)) return false;
    p.code = static_cast<imsp::return_code>(code);
    if (!printed.find(description_key, v)) {
        return in.refuse(smsgw::errc::missing_field, printed.as_value(), std::string(".") + description_key);
    }
    if (!in.text(v, p.description, std::string(".") + description_key)) return false;
    const smsgw::result r = smsgw::write_append(bytes, [&p](smsgw::writer& w) { return imsp::encode(p, w); });
    return r ? true : in.refuse(smsgw::fail(r.ec, v.offset()), std::string(".") + description_key);
}

const inspect::registrar request_format{
    {"imsp-request", "<command>  an IMSP form body (login, send_mms, query, query_batch, get_mime, change_passwd)",
     &run_request, &inspect::on_object<encode_request>, "login imsp-request-login/spec-example.txt"}};
const inspect::registrar response_format{
    {"imsp-response", "<command> [--status 200|202]  an IMSP answer: the <br> page, or get_mime's MIME packet (200)",
     &run_response, &inspect::on_object<encode_response>, "login imsp-response-login/spec-example-1.html"}};

}  // namespace
