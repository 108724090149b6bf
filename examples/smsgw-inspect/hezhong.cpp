// Hezhong video MMS API formats: `hezhong <message> [--tolerant]` decodes a JSON body, the
// QueryBalance query string or reply, or an `rpts` / `mos` push (the list, or the form body
// `rpts=...` / `mos=...` Hezhong posts), as its receiver would.
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "inspect.hpp"
#include "smsgw/charset.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/hezhong.hpp"

namespace {

namespace hz = smsgw::hezhong;
using json = smsgw::codec::json::writer;

int fail_with(std::string& out, const smsgw::result& r) {
    inspect::emit_error(out, r);
    return 1;
}

void meaning(json& j, hz::code_text t) {
    if (t.known()) j.member("meaning", t.english).member("meaning_zh", t.chinese);
}

void extra(json&, const hz::save_mms_model_request&) {}
void extra(json& j, const hz::save_mms_model_response& r) { meaning(j, hz::describe(hz::call::save_mms_model, r.code)); }
// The variable task's table holds the other's and -11.
void extra(json& j, const hz::task_response& r) { meaning(j, hz::describe(hz::call::send_variable_mms_task, r.code_value())); }
void extra(json& j, const hz::audit_notification& a) {
    const hz::code_text s = hz::describe(a.status_code());
    const hz::code_text t = hz::describe(a.carrier_code());
    if (s.known()) j.member("status_meaning", s.english);
    if (t.known()) j.member("carrier", t.english);
}
void extra(json& j, const hz::send_mms_task_request& r) {
    if (r.cont.empty()) return;
    j.key("variables").raw(r.cont.json_text());
}
void extra(json& j, const hz::send_variable_mms_task_request& r) {
    j.member("cont_form", r.cont.form() == hz::cont_form::string ? "string" : "array").member("entries", r.cont.size());
}

template <class Message, class Item = smsgw::codec::fields::detail::no_item,
          class Nested = smsgw::codec::fields::detail::no_item>
int message(std::string_view name, std::string_view body, smsgw::mode m, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    std::vector<Item> storage(256);
    std::vector<Nested> nested(1024);
    Message msg;
    const smsgw::result r = hz::decode(body, msg, scratch, m, smsgw::span<Item>(storage), smsgw::span<Nested>(nested));
    if (!r) return fail_with(out, r);
    inspect::emit(out, [&](json& j) {
        j.member("hezhong", name);
        smsgw::codec::fields::write_json_members(j, msg, {true});
        extra(j, msg);
    });
    return 0;
}

int query_balance(std::string_view query, smsgw::mode m, std::string& out) {
    std::vector<smsgw::byte> scratch(query.size());
    hz::query_balance_request q;
    if (const smsgw::result r = hz::decode(query, q, scratch, m); !r) return fail_with(out, r);
    inspect::emit(out, [&](json& j) {
        j.member("hezhong", "query_balance").member("userid", q.userid);
        for (const auto& [key, value] : {std::pair{"username", q.username}, std::pair{"password", q.password}}) {
            std::string utf8(smsgw::charset::max_decoded_size(value.size()), '\0');
            smsgw::writer w(utf8.data(), utf8.size());
            if (smsgw::charset::decode(smsgw::charset::encoding::gbk, value, w, smsgw::mode::tolerant)) {
                j.member(key, std::string_view(utf8.data(), w.size()));
            }
            inspect::hex_member(j, std::string(key) + "_gbk_hex", value);
        }
    });
    return 0;
}

int balance(std::string_view body, smsgw::mode m, std::string& out) {
    hz::balance_reply b;
    if (const smsgw::result r = hz::decode(body, b, m); !r) return fail_with(out, r);
    inspect::emit(out, [&](json& j) {
        j.member("hezhong", "balance_reply").member(b.ok() ? "balance" : "error_code", b.value);
    });
    return 0;
}

// The records of a push, one object each, then the error that ended the list if any.
template <class Record>
int push(std::string_view parameter, std::string_view in, smsgw::mode m, std::string& out) {
    std::string list(in);
    const std::string prefix = std::string(parameter) + "=";
    if (in.substr(0, prefix.size()) == prefix) {
        const auto f = smsgw::codec::form::fields(in).find(parameter);
        smsgw::writer w(list.data(), list.size());
        if (const smsgw::result r = smsgw::codec::form::decode_value(*f, w); !r) return fail_with(out, r);
        list.resize(w.size());
    }
    const hz::record_list<Record> records(list, m);
    for (const Record& rec : records) {
        inspect::emit(out, [&](json& j) {
            j.member("hezhong", parameter);
            smsgw::codec::fields::write_json_members(j, rec);
            if constexpr (std::is_same_v<Record, hz::mo>) {
                std::string text(rec.content.size(), '\0');
                smsgw::writer w(text.data(), text.size());
                if (rec.decode_content(w) && smsgw::codec::utf8::validate(std::string_view(text.data(), w.size()))) {
                    j.member("content_text", std::string_view(text.data(), w.size()));
                }
            } else {
                j.member("delivered", rec.delivered());
            }
        });
    }
    if (!records.error()) return fail_with(out, records.error());
    return 0;
}

int run(const inspect::args& a, std::string_view in, std::string& out) {
    if (a.empty() || a.size() > 2 || (a.size() == 2 && a[1] != "--tolerant")) return 2;
    const smsgw::mode m = a.size() == 2 ? smsgw::mode::tolerant : smsgw::mode::strict;
    const std::string_view name = a[0];
    if (name == "save_mms_model") return message<hz::save_mms_model_request, hz::frame, hz::attachment>(name, in, m, out);
    if (name == "save_mms_model_response") return message<hz::save_mms_model_response>(name, in, m, out);
    if (name == "audit_notification") return message<hz::audit_notification>(name, in, m, out);
    if (name == "send_mms_task") return message<hz::send_mms_task_request>(name, in, m, out);
    if (name == "send_variable_mms_task") return message<hz::send_variable_mms_task_request>(name, in, m, out);
    if (name == "task_response") return message<hz::task_response>(name, in, m, out);
    if (name == "query_balance") return query_balance(in, m, out);
    if (name == "balance_reply") return balance(in, m, out);
    if (name == "rpts") return push<hz::report>(name, in, m, out);
    if (name == "mos") return push<hz::mo>(name, in, m, out);
    return 2;
}

const inspect::registrar format{
    {"hezhong",
     "<message> [--tolerant]  a Hezhong message: save_mms_model, save_mms_model_response, audit_notification, "
     "send_mms_task, send_variable_mms_task, task_response, query_balance, balance_reply, rpts, mos",
     &run}};

}  // namespace
