// A Mitake MMS client (docs/mitake.md) on libcurl: smsgw writes each JSON body and the headers
// and reads each answer; curl only moves bytes. It runs a whole session against Mitake's server
// (the real one is https://{三竹網域名稱}, assigned per account; examples/mitake_gateway.cpp is a
// test double) and checks every answer, so it doubles as the test of the pair:
// the token, a push of a 200 KB JPEG to three numbers (one refused), the same cID pushed again,
// queryBatchDR, querySingleDR, a callback posted to the double's customer URL as Mitake posts
// it, and the failure answers the spec documents.
//
//   mitake_client <host:port>     plain HTTP to a test double; exits 0 when every answer was right
#include <smsgw/mitake.hpp>

#include <curl/curl.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace mitake = smsgw::mitake;
using mitake::batch_error;

namespace {

struct http_answer {
    long status = 0;
    std::string body;
};

// POSTs a JSON body with the given extra header lines; the answer's status and body.
http_answer post(CURL* curl, const std::string& url, const std::string& body, const std::vector<std::string>& headers) {
    http_answer a;
    curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json");
    for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &a.body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* p, std::size_t n, std::size_t m, void* out) {
        static_cast<std::string*>(out)->append(p, n * m);
        return n * m;
    });
    if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(list);
    return a;
}

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) ++failures;
}

class client {
public:
    client(CURL* curl, std::string base, std::string client_id)
        : curl_(curl), base_(std::move(base)), client_id_(std::move(client_id)) {}

    // The token call. Success keeps tokenType and accessToken for the calls that follow.
    long login(std::string_view secret) {
        std::string body;
        if (!smsgw::encode_append(mitake::token_request{client_id_, secret}, body)) return 0;
        const http_answer a = post(curl_, base_ + std::string(mitake::token_path), body, {});
        mitake::token_response t;
        std::vector<unsigned char> scratch(a.body.size());
        if (a.status == 200 && mitake::decode(a.body, t, scratch, mitake::mode::tolerant)) {
            token_type_ = std::string(t.token_type);
            access_token_ = std::string(t.access_token);
            expires_in_ = 0;
            mitake::expires_in_seconds(t, expires_in_);
        }
        return a.status;
    }
    std::uint64_t expires_in() const { return expires_in_; }
    void forget_token(std::string wrong) { access_token_ = std::move(wrong); }

    // Encodes `req` and POSTs it to message_path with the three headers of action `a`. The
    // answer's body is kept until the next call: decoded views point into it (and into the
    // caller's scratch), so copy what must outlive it.
    template <class Request>
    const http_answer& call(mitake::action a, const Request& req) {
        std::string body;
        if (const smsgw::result r = smsgw::encode_append(req, body); !r) {
            std::printf("not sent: %s at %s\n", r.message(), r.field ? r.field : "?");  // names the field at fault
            last_ = {};
            return last_;
        }
        return call_raw(mitake::action_type(a), body);
    }

    // The same with the actionType and the body written by hand (to provoke Mitake's refusals).
    const http_answer& call_raw(std::string_view action_type, const std::string& body) {
        // make_headers() writes authorization (tokenType + ' ' + accessToken) into our buffer
        // and refuses a space or a line break in either part, which would split the header.
        std::string auth(token_type_.size() + 1 + access_token_.size(), '\0');
        smsgw::writer w(auth.data(), auth.size());
        mitake::request_headers h;
        if (!mitake::make_headers(token_type_, access_token_, client_id_, mitake::action::push, w, h)) {
            last_ = {};
            return last_;
        }
        const auto line = [](const mitake::header& x) { return std::string(x.name) + ": " + std::string(x.value); };
        last_ = post(curl_, base_ + std::string(mitake::message_path), body,
                     {line(h.authorization), line(h.client_id), "actionType: " + std::string(action_type)});
        return last_;
    }

    // Where a callback goes: Mitake posts it to the URL the customer registered.
    long post_callback(const std::string& path, const std::string& body) {
        return post(curl_, base_ + path, body, {}).status;
    }

private:
    CURL* curl_;
    std::string base_, client_id_;
    std::string token_type_, access_token_;
    std::uint64_t expires_in_ = 0;
    http_answer last_;
};

// Decodes an answer with the caller's scratch and storage. Tolerant: Mitake's own examples are
// not all JSON (trailing commas, a bare UUID), and a client of the real server should read them.
template <class Response, class Item>
bool read(const http_answer& a, Response& resp, std::vector<unsigned char>& scratch, std::vector<Item>& storage) {
    scratch.resize(a.body.size());
    storage.resize(500);
    return a.status == 200 && mitake::decode(a.body, resp, scratch, storage, mitake::mode::tolerant);
}

std::string fake_jpeg(std::size_t size) {  // SOI, APP0, filler, EOI: enough for a gateway
    std::string j = "\xFF\xD8\xFF\xE0";
    for (std::size_t i = 0; j.size() < size - 2; ++i) j.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
    return j + "\xFF\xD9";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: mitake_client <host:port>\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    client mt(curl, std::string("http://") + argv[1], "test");
    using mitake::action;

    check(mt.login("wrong") == 401, "token with a wrong secret: 401 (the spec defines no failure body)");
    check(mt.login("12345") == 200 && mt.expires_in() == 33346, "token: bearer, expiresIn \"33346\" read as 33346 s");

    // push: a Chinese subject (15 at most), a 200 KB JPEG, three numbers; 0800... is no mobile
    // number, which the module cannot know (any digits pass) and Mitake answers per message.
    const std::string jpeg = fake_jpeg(200 * 1024);
    const mitake::attachment files[] = {{smsgw::bytes(jpeg), "jpg", "photo.jpg"}};
    const mitake::destination to[] = {{"0911111111", "order-4711-a"}, {"+886922222222", "order-4711-b"}, {"0800000000", {}}};
    mitake::push_request push;
    push.subject = "三竹測試主旨：含一張圖";
    push.content = "此為要傳送的文字內容";
    push.destinations = to;
    push.attachments = files;
    std::vector<unsigned char> scratch;
    std::vector<mitake::push_message> sent;
    mitake::push_response p;
    check(read(mt.call(action::push, push), p, scratch, sent) && p.code == batch_error{} && p.messages.size() == 3,
          "push: a batch of three messages");
    // batchID and msgID are beyond 2^53: kept as text, exact (a double would make ...800 of it).
    const std::string batch_id(p.batch_id);
    check(batch_id == "304934976469110784", "push: batchID beyond 2^53, exact");
    std::vector<std::string> ids;
    for (const mitake::push_message& m : p.messages) ids.emplace_back(m.msg_id);
    check(p.messages.size() == 3 && p.messages[0].read_status().outcome() == mitake::outcome::pending &&
              p.messages[0].c_id == "order-4711-a" && p.messages[1].read_status().as_status() == mitake::status::accepted,
          "push: 1 已送達三竹, pending, with its cID");
    check(p.messages.size() == 3 && p.messages[2].read_status().in == mitake::message_status::table::error &&
              p.messages[2].read_status().as_error() == mitake::message_error::bad_phone_number &&
              p.messages[2].read_status().is_final(),
          "push: 0800... answered 2011 from 附件二, final");
    check(p.cost_points == 6 && p.account_points == 9994, "push: costPoints 6, accountPoints 9994");

    // The same cID again: Mitake answers what it answered before (no second message, no points).
    const mitake::destination again[] = {{"0911111111", "order-4711-a"}};
    push.destinations = again;
    push.attachments = {};
    check(read(mt.call(action::push, push), p, scratch, sent) && p.messages.size() == 1 && p.messages[0].msg_id == ids[0] &&
              p.cost_points == 0,
          "push with a cID already sent: the first msgID, 0 points");

    // queryBatchDR: every message of the batch, delivered, and the refused one 2001: the same
    // number as 附件一's 請輸入主旨, here 附件三's 門號有錯誤 (read_status() picks the table).
    std::vector<mitake::report> reports;
    mitake::query_response q;
    check(read(mt.call(action::query_batch_dr, mitake::query_batch_request{batch_id}), q, scratch, reports) &&
              q.batch_id == batch_id && q.messages.size() == 3,
          "queryBatchDR: the batch, three reports");
    check(q.messages.size() == 3 && q.messages[0].read_status().outcome() == mitake::outcome::delivered &&
              q.messages[1].read_status().outcome() == mitake::outcome::delivered &&
              q.messages[2].read_status().as_status() == mitake::status::bad_number &&
              q.messages[2].read_status().outcome() == mitake::outcome::failed,
          "queryBatchDR: two delivered (0), one failed (2001 門號有錯誤)");

    // The callback Mitake would post for those reports, to the customer's URL (here the
    // double's /callbackurl): encoded from what the query answered, before the next call.
    std::vector<mitake::callback_message> reported;
    for (const mitake::report& r : q.messages) reported.push_back({q.batch_id, r.msg_id, r.status, r.status_time, r.point});
    std::string callback_body;
    smsgw::encode_append(mitake::callback_request{reported}, callback_body);
    check(mt.post_callback("/callbackurl", callback_body) == mitake::callback_ok_status, "callback: the customer answers 200");
    check(mt.post_callback("/callbackurl", R"({"messages":[{"batchID":1,"msgID":99999999999999999999,"status":"0"}]})") == 400,
          "callback with a msgID beyond 2^64: refused, not 200 (Mitake posts again)");

    // querySingleDR: one id of the batch.
    const mitake::msg_id one[] = {{ids[1]}};
    check(read(mt.call(action::query_single_dr, mitake::query_single_request{batch_id, one}), q, scratch, reports) &&
              q.messages.size() == 1 && q.messages[0].msg_id == ids[1] && q.messages[0].point == 3 &&
              q.messages[0].read_status().outcome() == mitake::outcome::delivered,
          "querySingleDR: the one message asked, delivered, 3 points");

    // Mitake's refusals (附件一), from requests smsgw's encoder would not write.
    push.subject = "這個主旨有十六個中文字已超過上限";
    std::string body;
    check(!smsgw::encode_append(push, body), "a 16-character Chinese subject: refused by the encoder (field_too_long)");
    check(read(mt.call_raw("push", R"({"subject":")" + std::string(push.subject) + R"(","destinations":[{"to":"0911111111"}]})"),
               p, scratch, sent) &&
              p.code == batch_error::subject_too_long,
          "the subject sent by hand: 2002 主旨長度超過上限");
    check(read(mt.call_raw("querySingleDR", R"({"batchID":)" + batch_id + R"(,"msgIDs":[]})"), q, scratch, reports) &&
              q.code == batch_error::missing_msg_id,
          "querySingleDR without msgIDs: 4002 請輸入簡訊序號");
    check(read(mt.call_raw("queryDR", R"({"batchID":)" + batch_id + "}"), q, scratch, reports) &&
              q.code == batch_error::invalid_action_type,
          "actionType queryDR: 1008 無效服務名稱");
    mt.forget_token("expired0token");
    check(read(mt.call(action::query_batch_dr, mitake::query_batch_request{batch_id}), q, scratch, reports) &&
              q.code == batch_error::invalid_authorization,
          "a token Mitake did not issue: 1003 無效認證資訊");

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    std::printf("%s\n", failures == 0 ? "every answer as expected" : "some answers were wrong");
    return failures == 0 ? 0 : 1;
}
