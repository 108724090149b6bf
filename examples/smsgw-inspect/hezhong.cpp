// Hezhong video MMS API formats: `hezhong <message> [--tolerant]` decodes a JSON body, the
// QueryBalance query string or reply, or an `rpts` / `mos` push (the list, or the form body
// `rpts=...` / `mos=...` Hezhong posts), as its receiver would.
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "bind_printed.hpp"
#include "inspect.hpp"
#include "smsgw/charset.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/json_copy.hpp"
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
// The variables' object, compact as the rest of the output.
void extra(json& j, const hz::send_mms_task_request& r) {
    smsgw::codec::json::value variables;
    if (r.cont.empty() || !smsgw::codec::json::parse(r.cont.json_text(), variables)) return;
    std::string scratch(r.cont.json_text().size(), '\0');
    j.key("variables");
    smsgw::codec::json::copy(variables, j, smsgw::mutable_bytes(scratch));
}
void extra(json& j, const hz::send_variable_mms_task_request& r) {
    j.member("cont_form", r.cont.form() == hz::cont_form::string ? "string" : "array").member("entries", r.cont.size());
}

// A JSON message, the type of its groups' items and of theirs.
template <class Message, class Item = smsgw::codec::fields::detail::no_item, class Nested = smsgw::codec::fields::detail::no_item>
struct kind {};

template <class Message, class Item, class Nested>
int message(kind<Message, Item, Nested>, std::string_view name, std::string_view body, smsgw::mode m, std::string& out) {
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

// The query's fields, then the GBK of username and password as UTF-8 text.
int query_balance(std::string_view query, smsgw::mode m, std::string& out) {
    std::vector<smsgw::byte> scratch(query.size());
    hz::query_balance_request q;
    if (const smsgw::result r = hz::decode(query, q, scratch, m); !r) return fail_with(out, r);
    inspect::emit(out, [&](json& j) {
        j.member("hezhong", "query_balance");
        smsgw::codec::fields::write_json_members(j, q, {true});
        for (const auto& [key, value] : {std::pair{"username_text", q.username}, std::pair{"password_text", q.password}}) {
            std::string utf8(smsgw::charset::max_decoded_size(value.size()), '\0');
            smsgw::writer w(utf8.data(), utf8.size());
            if (smsgw::charset::decode(smsgw::charset::encoding::gbk, value, w, smsgw::mode::tolerant)) {
                j.member(key, std::string_view(utf8.data(), w.size()));
            }
        }
    });
    return 0;
}

// The member that holds a balance reply's value: the balance, or the failure code.
const char* balance_key(bool ok) { return ok ? "balance" : "error_code"; }

int balance(std::string_view body, smsgw::mode m, std::string& out) {
    hz::balance_reply b;
    if (const smsgw::result r = hz::decode(body, b, m); !r) return fail_with(out, r);
    inspect::emit(out, [&](json& j) { j.member("hezhong", "balance_reply").member(balance_key(b.ok()), b.value); });
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

// The message's name and mode from the arguments; false when they are wrong.
bool message_args(const inspect::args& a, smsgw::mode& m) {
    if (a.empty() || a.size() > 2 || (a.size() == 2 && a[1] != "--tolerant")) return false;
    m = a.size() == 2 ? smsgw::mode::tolerant : smsgw::mode::strict;
    return true;
}

// Calls f(kind<Message, Item, Nested>{}) with the JSON message `name` names; false when none does.
template <class F>
bool with_json_message(std::string_view name, F&& f) {
    if (name == "save_mms_model") return f(kind<hz::save_mms_model_request, hz::frame, hz::attachment>{}), true;
    if (name == "save_mms_model_response") return f(kind<hz::save_mms_model_response>{}), true;
    if (name == "audit_notification") return f(kind<hz::audit_notification>{}), true;
    if (name == "send_mms_task") return f(kind<hz::send_mms_task_request>{}), true;
    if (name == "send_variable_mms_task") return f(kind<hz::send_variable_mms_task_request>{}), true;
    if (name == "task_response") return f(kind<hz::task_response>{}), true;
    return false;
}

int run(const inspect::args& a, std::string_view in, std::string& out) {
    smsgw::mode m{};
    if (!message_args(a, m)) return 2;
    const std::string_view name = a[0];
    int status = 2;
    if (with_json_message(name, [&](auto k) { status = message(k, name, in, m, out); })) return status;
    if (name == "query_balance") return query_balance(in, m, out);
    if (name == "balance_reply") return balance(in, m, out);
    if (name == "rpts") return push<hz::report>(name, in, m, out);
    if (name == "mos") return push<hz::mo>(name, in, m, out);
    return 2;
}

// The inverse of each: the printed fields bound back (bind_printed.hpp) and encoded as the
// library does; a push's record as a list of one (`between` joins the records).
template <class Message, class... Items>
bool encode_bound(const smsgw::codec::json::object& printed, smsgw::codec::fields::json_options o, smsgw::mode m,
                  std::string& bytes, inspect::reader& in, smsgw::span<Items>... storage) {
    return inspect::encode_printed<Message>(
        printed, o, in, m, bytes,
        [](const Message& msg, smsgw::writer& w) {
            if constexpr (std::is_same_v<Message, hz::report> || std::is_same_v<Message, hz::mo>) {
                return hz::encode_list<Message>(smsgw::span<const Message>(&msg, 1), w);
            } else {
                return hz::encode(msg, w);
            }
        },
        storage...);
}

template <class Message, class Item, class Nested>
bool encode_message(kind<Message, Item, Nested>, const smsgw::codec::json::object& printed, smsgw::mode m, std::string& bytes,
                    inspect::reader& in) {
    std::vector<Item> storage(256);
    std::vector<Nested> nested(1024);
    return encode_bound<Message>(printed, {true}, m, bytes, in, smsgw::span<Item>(storage), smsgw::span<Nested>(nested));
}

bool encode_balance(const smsgw::codec::json::object& printed, std::string& bytes, inspect::reader& in) {
    hz::balance_reply b;
    smsgw::codec::json::value v;
    const bool ok = printed.find(balance_key(true), v);
    if (!ok && !printed.find(balance_key(false), v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".balance");
    if (!in.number(v, b.value, std::string(".") + balance_key(ok))) return false;
    smsgw::write_append(bytes, [&b](smsgw::writer& w) { return hz::encode(b, w); });
    return true;
}

bool encode(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    smsgw::mode m{};
    if (!message_args(a, m)) return false;
    const std::string_view name = a[0];
    bool ok = false;
    if (with_json_message(name, [&](auto k) { ok = encode_message(k, printed, m, bytes, in); })) return ok;
    if (name == "query_balance") return encode_bound<hz::query_balance_request>(printed, {true}, m, bytes, in);
    if (name == "balance_reply") return encode_balance(printed, bytes, in);
    if (name == "rpts") return encode_bound<hz::report>(printed, {}, m, bytes, in);
    if (name == "mos") return encode_bound<hz::mo>(printed, {}, m, bytes, in);
    return false;
}

const inspect::registrar format{
    {"hezhong",
     "<message> [--tolerant]  a Hezhong message: save_mms_model, save_mms_model_response, audit_notification, "
     "send_mms_task, send_variable_mms_task, task_response, query_balance, balance_reply, rpts, mos",
     &run, &inspect::on_object<encode>, "send_mms_task hezhong-send_mms_task/variables.json", ";"}};

}  // namespace
