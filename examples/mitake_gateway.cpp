// A test double of Mitake's MMS JSON API (docs/mitake.md) on cpp-httplib: every body is decoded
// with the checks the module applies and answered with what Mitake would send, a 附件一 code
// for a batch it refuses. One account ("test" / "12345"), ids beyond 2^53 as Mitake's are,
// every message delivered by the time it is queried. It also plays the customer's callback URL
// (POST /callbackurl), so that a client can post a callback as Mitake would and see it read.
//
//   mitake_gateway [port]     0 or none: any free port. Prints "127.0.0.1:<port>", then serves.
#include <smsgw/mitake.hpp>

#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace mitake = smsgw::mitake;
using mitake::batch_error;

namespace {

struct sent_message {
    std::string msg_id, to, c_id;
    bool bad_number = false;  // refused at push (附件二 2011): reported failed (附件三 2001) afterwards
};

struct gateway_state {
    std::mutex lock;
    std::string client_id = "test";
    std::string client_secret = "12345";
    std::set<std::string> tokens;                              // accessTokens handed out
    std::map<std::string, std::vector<sent_message>> batches;  // by batchID
    std::map<std::string, sent_message> by_c_id;              // cIDs seen: a repeat answers as before
    std::uint64_t next_batch = 304934976469110784u;           // beyond 2^53: no double holds these
    std::uint64_t next_msg = 304934980000714750u;
    std::uint64_t account_points = 10000;
    unsigned next_token = 1;
};

constexpr std::uint32_t points_per_message = 3;

std::string now_text() {  // yyyyMMddHHmmss, UTC
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char s[16];
    std::strftime(s, sizeof s, "%Y%m%d%H%M%S", &tm);
    return s;
}

template <class Body>
void answer(httplib::Response& res, const Body& b, int status = 200) {
    std::string body;
    if (!smsgw::encode_append(b, body)) std::abort();  // our own answers are always well formed
    res.status = status;
    res.set_content(body, std::string(mitake::content_type).c_str());
}

// A batch refused: {"code":...,"description":...} with HTTP 200 (the spec gives no status for
// it; the code is the answer). Both answer types write the same two members.
template <class Response = mitake::push_response>
void refuse(httplib::Response& res, batch_error e) {
    Response r{};
    r.code = e;
    r.description = mitake::describe(e).chinese;
    answer(res, r);
}

// The 附件一 code for a push the decoder refused, by the key at fault. 附件二's per-message
// errors (a cID too long, a duplicate cID, a malformed number) cannot be answered per message
// here: the decoder refuses the whole body, so the batch gets 4003.
batch_error push_error(const smsgw::result& r) {
    using smsgw::errc;
    const std::string_view f = r.field != nullptr ? r.field : "";
    const bool absent = r.ec == errc::missing_field || r.ec == errc::empty_field;
    if (f == "subject") return absent ? batch_error::missing_subject : batch_error::subject_too_long;
    if (f == "destinations" && r.ec == errc::too_many) return batch_error::too_many_destinations;
    if (f == "orderTime") return batch_error::bad_order_time_format;
    if (f == "expireTime") return batch_error::bad_expire_time_format;
    if (f == "attachContent") {
        return r.ec == errc::field_too_long ? batch_error::attachments_too_large
               : absent                     ? batch_error::missing_attach_content
                                            : batch_error::invalid_attachment;
    }
    if (f == "attachType") return absent ? batch_error::missing_attach_type : batch_error::invalid_attachment;
    if (f == "attachName") return absent ? batch_error::missing_attach_name : batch_error::attach_name_too_long;
    if (f == "projectName") return batch_error::project_name_too_long;
    return batch_error::malformed_request;
}

// The three headers of every call on message_path: 1001 without authorization or clientID,
// 1003 for a token this double did not issue or another account, 1008 for an actionType the
// spec does not name. True: answered.
bool refuse_headers(const httplib::Request& http, httplib::Response& res, gateway_state& st, mitake::action& a) {
    const std::string auth = http.get_header_value("authorization");
    if (auth.empty() || !http.has_header("clientID")) {
        refuse(res, batch_error::missing_authorization);
        return true;
    }
    const std::string bearer = "bearer ";
    if (auth.compare(0, bearer.size(), bearer) != 0 || st.tokens.count(auth.substr(bearer.size())) == 0 ||
        http.get_header_value("clientID") != st.client_id) {
        refuse(res, batch_error::invalid_authorization);
        return true;
    }
    if (!mitake::find_action(http.get_header_value("actionType"), a)) {
        refuse(res, batch_error::invalid_action_type);
        return true;
    }
    return false;
}

void log_refusal(const char* what, const smsgw::result& r) {
    std::fprintf(stderr, "gateway: %s: %s at %s, offset %zu\n", what, r.message(), r.field ? r.field : "?", r.offset);
}

void token(const httplib::Request& http, httplib::Response& res, gateway_state& st) {
    std::vector<unsigned char> scratch(http.body.size());
    mitake::token_request req;
    if (const smsgw::result r = mitake::decode(http.body, req, scratch); !r) {
        log_refusal("token", r);
        res.status = 400;
        return;
    }
    // The spec defines no failure answer for the token call: 401 without a body.
    if (req.client_id != st.client_id || req.client_secret != st.client_secret) {
        res.status = 401;
        return;
    }
    const std::string access = "mitakeDoubleToken" + std::to_string(st.next_token++);
    st.tokens.insert(access);
    answer(res, mitake::token_response{access, "bearer", "33346", {}, {}});
}

void push(const httplib::Request& http, httplib::Response& res, gateway_state& st) {
    std::vector<unsigned char> scratch(http.body.size());  // attachments' bytes and escaped strings
    std::vector<mitake::destination> to(mitake::max_destinations);  // a 501st is too_many at destinations: 1009
    std::vector<mitake::attachment> files(16);
    mitake::push_request req;
    if (const smsgw::result r = mitake::decode(http.body, req, scratch, to, files); !r) {
        log_refusal("push", r);
        refuse(res, push_error(r));
        return;
    }
    const std::string batch_id = std::to_string(st.next_batch++);
    const std::string now = now_text();
    std::vector<sent_message>& batch = st.batches[batch_id];
    std::vector<mitake::push_message> out;
    std::uint64_t cost = 0;
    for (const mitake::destination& d : req.destinations) {
        const auto seen = d.c_id.empty() ? st.by_c_id.end() : st.by_c_id.find(std::string(d.c_id));
        sent_message m;
        if (seen != st.by_c_id.end()) {
            m = seen->second;  // 若曾發送過，則直接回覆之前發送的回覆值: no new message, no points
        } else {
            m = {std::to_string(st.next_msg++), std::string(d.to), std::string(d.c_id), false};
            // The module takes any digits; Mitake checks the number itself. The double's rule:
            // a mobile number starts 09 or +886.
            m.bad_number = m.to.compare(0, 2, "09") != 0 && m.to.compare(0, 4, "+886") != 0;
            if (!m.bad_number) cost += points_per_message;
            if (!m.c_id.empty()) st.by_c_id[m.c_id] = m;
        }
        batch.push_back(m);
    }
    st.account_points -= cost;
    for (const sent_message& m : batch) {  // views into `batch`, which the state keeps
        if (m.bad_number) {
            out.push_back({m.msg_id, m.c_id, "2011", mitake::describe(mitake::message_error::bad_phone_number).chinese, now, 0});
        } else {
            out.push_back({m.msg_id, m.c_id, "1", mitake::describe(mitake::status::accepted).chinese, now, points_per_message});
        }
    }
    answer(res, mitake::push_response{batch_id, out, cost, st.account_points, {}, {}});
}

// Both queries: the batch's messages (all of them, or those named), delivered by now.
void query(const httplib::Request& http, httplib::Response& res, gateway_state& st, mitake::action a) {
    std::vector<unsigned char> scratch(http.body.size());
    std::vector<mitake::msg_id> ids(500);
    std::string_view batch_id;
    smsgw::span<const mitake::msg_id> wanted;
    smsgw::result r;
    if (a == mitake::action::query_batch_dr) {
        mitake::query_batch_request req;
        r = mitake::decode(http.body, req, scratch);
        batch_id = req.batch_id;
    } else {
        mitake::query_single_request req;
        r = mitake::decode(http.body, req, scratch, ids);
        batch_id = req.batch_id;
        wanted = req.msg_ids;
    }
    if (!r) {
        log_refusal(std::string(mitake::action_type(a)).c_str(), r);
        const std::string_view f = r.field != nullptr ? r.field : "";
        const bool absent = r.ec == smsgw::errc::missing_field || r.ec == smsgw::errc::empty_field;
        refuse<mitake::query_response>(res, absent && f == "batchID"  ? batch_error::missing_batch_id
                                            : absent && f == "msgIDs" ? batch_error::missing_msg_id
                                                                      : batch_error::malformed_request);
        return;
    }
    const auto batch = st.batches.find(std::string(batch_id));
    const std::string now = now_text();
    std::vector<mitake::report> out;
    if (batch != st.batches.end()) {
        for (const sent_message& m : batch->second) {
            bool named = wanted.empty();
            for (const mitake::msg_id& id : wanted) named = named || id.value == m.msg_id;
            if (!named) continue;
            // 附件三: 0 已送達手機, or 2001 門號有錯誤 for the number refused at push (2011 there).
            out.push_back({m.msg_id, now, m.bad_number ? "2001" : "0", m.bad_number ? 0 : points_per_message});
        }
    }
    answer(res, mitake::query_response{batch_id, out, {}, {}});
}

// The customer's side of 主動回報: read the body, then answer 200, the one status Mitake takes
// as received. A body that does not decode gets 400, so that Mitake posts it again.
void callback(const httplib::Request& http, httplib::Response& res) {
    std::vector<unsigned char> scratch(http.body.size());
    std::vector<mitake::callback_message> messages(500);
    mitake::callback_request cb;
    if (const smsgw::result r = mitake::decode(http.body, cb, scratch, messages, mitake::mode::tolerant); !r) {
        log_refusal("callback", r);
        res.status = 400;
        return;
    }
    for (const mitake::callback_message& m : cb.messages) {
        const mitake::message_status s = m.read_status();
        std::fprintf(stderr, "customer: batch %.*s message %.*s: %.*s\n", int(m.batch_id.size()), m.batch_id.data(),
                     int(m.msg_id.size()), m.msg_id.data(), int(s.describe().english.size()), s.describe().english.data());
    }
    res.status = mitake::callback_ok_status;
}

void serve(httplib::Server& server, gateway_state& st) {
    // JSON bodies: cpp-httplib's 8 KB limit applies to form bodies only, so req.body holds a
    // 300 KB push whole.
    server.Post(std::string(mitake::token_path), [&](const httplib::Request& http, httplib::Response& res) {
        std::lock_guard<std::mutex> g(st.lock);
        token(http, res, st);
    });
    server.Post(std::string(mitake::message_path), [&](const httplib::Request& http, httplib::Response& res) {
        std::lock_guard<std::mutex> g(st.lock);
        mitake::action a{};
        if (refuse_headers(http, res, st, a)) return;
        if (a == mitake::action::push) {
            push(http, res, st);
        } else {
            query(http, res, st, a);
        }
    });
    server.Post("/callbackurl", [](const httplib::Request& http, httplib::Response& res) { callback(http, res); });
}

}  // namespace

int main(int argc, char** argv) {
    gateway_state st;
    httplib::Server server;
    serve(server, st);
    const int port = argc > 1 ? std::atoi(argv[1]) : 0;
    const int bound = port > 0 ? (server.bind_to_port("127.0.0.1", port) ? port : -1) : server.bind_to_any_port("127.0.0.1");
    if (bound <= 0) {
        std::fprintf(stderr, "gateway: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::printf("127.0.0.1:%d\n", bound);
    std::fflush(stdout);
    return server.listen_after_bind() ? 0 : 1;
}
