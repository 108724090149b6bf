// Mitake MMS JSON API: `mitake <message> [--tolerant]` decodes a body of one of the API's
// messages, prints its fields from the message's field list, what each status and code means,
// and (tolerant mode) the members the message does not define.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bind_printed.hpp"
#include "inspect.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/mitake.hpp"

namespace {

namespace mitake = smsgw::mitake;
namespace fields = smsgw::codec::fields;
using json = smsgw::codec::json::writer;

const char* outcome_name(mitake::outcome o) {
    switch (o) {
    case mitake::outcome::pending: return "pending";
    case mitake::outcome::delivered: return "delivered";
    case mitake::outcome::failed: return "failed";
    case mitake::outcome::cancelled: return "cancelled";
    case mitake::outcome::unknown: break;
    }
    return "unknown";
}

void meaning(json& j, const mitake::code_text& t) {
    if (t.known()) j.member("meaning", t.english).member("meaning_zh", t.chinese);
}

// Each message's status read to its table: 附件三 (status) or 附件二 (error).
template <class Message>
void statuses(json& j, smsgw::span<const Message> messages) {
    j.key("statuses").begin_array();
    for (const Message& m : messages) {
        const mitake::message_status s = m.read_status();
        static constexpr const char* tables[] = {"status", "error", "unknown"};
        j.begin_object().member("status", s.text).member("table", tables[static_cast<int>(s.in)]);
        meaning(j, s.describe());
        j.member("outcome", outcome_name(s.outcome())).member("final", s.is_final()).end_object();
    }
    j.end_array();
}

// What each message adds to its fields.
template <class T>
void derived(json& j, const T& m) {
    if constexpr (std::is_same_v<T, mitake::push_response> || std::is_same_v<T, mitake::query_response>) {
        if (m.code != mitake::batch_error{}) {
            j.key("code_meaning").begin_object();
            meaning(j, mitake::describe(m.code));
            j.end_object();
        }
        statuses(j, m.messages);
    } else if constexpr (std::is_same_v<T, mitake::callback_request>) {
        statuses(j, m.messages);
    } else if constexpr (std::is_same_v<T, mitake::push_request>) {
        j.member("pushes_needed", mitake::push_count(m.destinations.size()));
    }
}

// The members of the body's object that the message does not name (tolerant mode skips them).
template <class T>
void unknown_members(json& j, std::string_view body, mitake::mode md) {
    smsgw::codec::json::value root;
    smsgw::codec::json::object obj;
    if (!smsgw::codec::json::parse(body, root, {md}) || !root.get(obj)) return;
    std::vector<std::string_view> keys;
    for (const smsgw::codec::json::member& m : obj) {
        std::string_view k;
        if (!fields::names<T>(m) && m.key.get(k)) keys.push_back(k);
    }
    if (keys.empty()) return;
    j.key("unknown_members").begin_array();
    for (const std::string_view k : keys) j.string(k);
    j.end_array();
}

// The storage each message's groups decode into, and the message decoded or bound with it.
template <class T>
struct storage {
    std::vector<mitake::destination> destinations = std::vector<mitake::destination>(1000);
    std::vector<mitake::attachment> attachments = std::vector<mitake::attachment>(64);
    std::vector<mitake::push_message> push_messages = std::vector<mitake::push_message>(1000);
    std::vector<mitake::msg_id> msg_ids = std::vector<mitake::msg_id>(1000);
    std::vector<mitake::report> reports = std::vector<mitake::report>(1000);
    std::vector<mitake::callback_message> callbacks = std::vector<mitake::callback_message>(1000);

    template <class F>
    smsgw::result with(F&& f) {
        if constexpr (std::is_same_v<T, mitake::push_request>) {
            return f(smsgw::span<mitake::destination>(destinations), smsgw::span<mitake::attachment>(attachments));
        } else if constexpr (std::is_same_v<T, mitake::push_response>) {
            return f(smsgw::span<mitake::push_message>(push_messages));
        } else if constexpr (std::is_same_v<T, mitake::query_single_request>) {
            return f(smsgw::span<mitake::msg_id>(msg_ids));
        } else if constexpr (std::is_same_v<T, mitake::query_response>) {
            return f(smsgw::span<mitake::report>(reports));
        } else if constexpr (std::is_same_v<T, mitake::callback_request>) {
            return f(smsgw::span<mitake::callback_message>(callbacks));
        } else {
            return f();
        }
    }
};

template <class T>
int show(std::string_view body, mitake::mode md, const char* message, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    storage<T> store;
    fields::path where;
    const mitake::decode_options o{md, &where};
    T m;
    const smsgw::result r = store.with([&](auto... spans) { return mitake::decode(body, m, scratch, spans..., o); });
    if (!r) {
        inspect::emit_error(out, r);
        return 1;
    }
    inspect::emit(out, [&](json& j) {
        j.member("message", message);
        fields::write_json_members(j, m, {true});
        derived(j, m);
        if (md == mitake::mode::tolerant) unknown_members<T>(j, body, md);
    });
    return 0;
}

// The printed fields bound back into the message, the body encoded from it.
template <class T>
bool encode(const smsgw::codec::json::object& printed, mitake::mode md, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    storage<T> store;
    bool encoded = false;
    store.with([&](auto... spans) {
        encoded = inspect::encode_printed<T>(printed, {true}, in, md, bytes, [](const T& m, smsgw::writer& w) { return mitake::encode(m, w); },
                                             spans...);
        return smsgw::result{};
    });
    return encoded;
}

// Calls f.template operator()<T>(name) with the message `name` names, the canonical spelling
// of its name; 2 when none does.
template <class F>
int with_message(std::string_view m, F&& f) {
    if (m == "token-request") return f(mitake::token_request{}, "token-request");
    if (m == "token-response") return f(mitake::token_response{}, "token-response");
    if (m == "push-request") return f(mitake::push_request{}, "push-request");
    if (m == "push-response") return f(mitake::push_response{}, "push-response");
    if (m == "queryBatchDR-request") return f(mitake::query_batch_request{}, "queryBatchDR-request");
    if (m == "querySingleDR-request") return f(mitake::query_single_request{}, "querySingleDR-request");
    if (m == "queryBatchDR-response") return f(mitake::query_response{}, "queryBatchDR-response");
    if (m == "querySingleDR-response") return f(mitake::query_response{}, "querySingleDR-response");
    if (m == "callback") return f(mitake::callback_request{}, "callback");
    return 2;
}

// The message's name and mode from the arguments; false when they are wrong.
bool message_args(const inspect::args& a, mitake::mode& md) {
    if (a.empty() || a.size() > 2 || (a.size() == 2 && a[1] != "--tolerant")) return false;
    md = a.size() == 2 ? mitake::mode::tolerant : mitake::mode::strict;
    return true;
}

int run(const inspect::args& a, std::string_view body, std::string& out) {
    mitake::mode md{};
    if (!message_args(a, md)) return 2;
    return with_message(a[0], [&](auto tag, const char* name) { return show<decltype(tag)>(body, md, name, out); });
}

bool encode_message(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    mitake::mode md{};
    if (!message_args(a, md)) return false;
    return with_message(a[0], [&](auto tag, const char*) { return encode<decltype(tag)>(printed, md, bytes, why) ? 0 : 1; }) == 0;
}

const inspect::registrar format{
    {"mitake",
     "<message> [--tolerant]  a Mitake MMS JSON body: token-request, token-response, push-request, push-response, "
     "queryBatchDR-request, queryBatchDR-response, querySingleDR-request, querySingleDR-response, callback",
     &run, &inspect::on_object<encode_message>, "push-request mitake-push-request/spec-with-real-base64.json"}};

}  // namespace
