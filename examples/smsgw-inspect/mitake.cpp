// Mitake MMS JSON API: `mitake <message> [--tolerant]` decodes a body of one of the API's
// messages, prints its fields from the message's field list, what each status and code means,
// and (tolerant mode) the members the message does not define.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

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

template <class T>
int show(std::string_view body, mitake::mode md, const char* message, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    std::vector<mitake::destination> destinations(1000);
    std::vector<mitake::attachment> attachments(64);
    std::vector<mitake::push_message> push_messages(1000);
    std::vector<mitake::msg_id> msg_ids(1000);
    std::vector<mitake::report> reports(1000);
    std::vector<mitake::callback_message> callbacks(1000);
    fields::path where;
    const mitake::decode_options o{md, &where};
    T m;
    smsgw::result r;
    if constexpr (std::is_same_v<T, mitake::push_request>) {
        r = mitake::decode(body, m, scratch, destinations, attachments, o);
    } else if constexpr (std::is_same_v<T, mitake::push_response>) {
        r = mitake::decode(body, m, scratch, push_messages, o);
    } else if constexpr (std::is_same_v<T, mitake::query_single_request>) {
        r = mitake::decode(body, m, scratch, msg_ids, o);
    } else if constexpr (std::is_same_v<T, mitake::query_response>) {
        r = mitake::decode(body, m, scratch, reports, o);
    } else if constexpr (std::is_same_v<T, mitake::callback_request>) {
        r = mitake::decode(body, m, scratch, callbacks, o);
    } else {
        r = mitake::decode(body, m, scratch, o);
    }
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

int run(const inspect::args& a, std::string_view body, std::string& out) {
    if (a.empty() || a.size() > 2 || (a.size() == 2 && a[1] != "--tolerant")) return 2;
    const mitake::mode md = a.size() == 2 ? mitake::mode::tolerant : mitake::mode::strict;
    const std::string_view m = a[0];
    if (m == "token-request") return show<mitake::token_request>(body, md, "token-request", out);
    if (m == "token-response") return show<mitake::token_response>(body, md, "token-response", out);
    if (m == "push-request") return show<mitake::push_request>(body, md, "push-request", out);
    if (m == "push-response") return show<mitake::push_response>(body, md, "push-response", out);
    if (m == "queryBatchDR-request") return show<mitake::query_batch_request>(body, md, "queryBatchDR-request", out);
    if (m == "querySingleDR-request") return show<mitake::query_single_request>(body, md, "querySingleDR-request", out);
    if (m == "queryBatchDR-response" || m == "querySingleDR-response") {
        return show<mitake::query_response>(body, md, m == "queryBatchDR-response" ? "queryBatchDR-response" : "querySingleDR-response", out);
    }
    if (m == "callback") return show<mitake::callback_request>(body, md, "callback", out);
    return 2;
}

const inspect::registrar format{
    {"mitake",
     "<message> [--tolerant]  a Mitake MMS JSON body: token-request, token-response, push-request, push-response, "
     "queryBatchDR-request, queryBatchDR-response, querySingleDR-request, querySingleDR-response, callback",
     &run}};

}  // namespace
