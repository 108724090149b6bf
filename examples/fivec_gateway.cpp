// A test double of 美联软通's 5C MMS platform (docs/fivec.md) on cpp-httplib: every request is
// decoded with the checks of smsgw::fivec and answered with the line 5C would write (plus, on a
// caixin_send it takes, headers of its own saying what it read: tell_what_was_read). One account
// (and a blocked one), a balance of 100 MMS charged one per number, a title or text containing
// 违禁 refused as a black keyword, and a status report per number sent, fetched once each (5C sends
// nothing to the customer: reports are pulled from recv/index.php).
//
//   fivec_gateway [port]     0 or none: any free port. Prints "127.0.0.1:<port>", then serves.
#include <smsgw/charset/convert.hpp>
#include <smsgw/codec/percent.hpp>
#include <smsgw/fivec.hpp>

#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string>
#include <vector>

namespace fivec = smsgw::fivec;
using fivec::error_code;

namespace {

struct pending_report {  // owned copies: a report outlives the request that caused it
    std::string msgid, id, mobile, status, time;
    std::uint64_t at = 0;  // Unix seconds, for §5.1.4's from/to
};

struct platform_state {
    std::mutex lock;
    const std::string apikey = "231d1a3dc627ebd0a7cab5b35c397d3e";
    const std::string username = "test", password = "test";
    const std::string blocked = "blocked";  // an account 5C has disabled, same password
    unsigned balance = 100;
    std::uint64_t next_msgid = 30911175558600;  // 14 digits, as 5C's are
    unsigned next_id = 2267476;
    std::vector<pending_report> reports;
};

// The path of an interface's URL: "/api/send/caixin_send.php".
std::string path(fivec::api a) {
    const std::string_view u = fivec::url(a);
    return std::string(u.substr(u.find('/', std::string_view("http://").size())));
}

void answer_reply(httplib::Response& res, const fivec::reply& r) {
    std::string body;
    if (!smsgw::encode_append(r, body)) std::abort();  // our own answers are always well formed
    res.set_content(body, "text/plain; charset=utf-8");
}
void answer_error(httplib::Response& res, error_code c) { answer_reply(res, fivec::reply{false, {}, c, {}, {}}); }

// What 5C answers when a request does not decode: the spec's string for the field at fault
// (a missing or empty title is `Error:Missing message title`...); other faults have no string of
// their own in the spec, so the double names the field, as error:msgid stands for "other".
fivec::reply refusal(const smsgw::result& r, std::string& text) {
    const std::string field = r.field ? r.field : "";
    const bool absent = r.ec == smsgw::errc::missing_field || r.ec == smsgw::errc::empty_field;
    if (absent && field == "apikey") return {false, {}, error_code::missing_apikey, {}, {}};
    if (absent && field == "password") return {false, {}, error_code::missing_password, {}, {}};
    if (absent && field == "title") return {false, {}, error_code::missing_message_title, {}, {}};
    if (absent && field == "mobile") return {false, {}, error_code::missing_recipient, {}, {}};
    if (field == "encode") return {false, {}, error_code::unrecognized_encoding, {}, {}};
    if (field == "content" && r.ec == smsgw::errc::field_too_long) return {false, {}, error_code::mms_body_too_long, {}, {}};
    text = std::string("bad ") + (field.empty() ? "request" : field);
    return {false, {}, error_code::other, text, {}};
}

// The credentials every interface checks after decoding: the error to answer, or none (other).
template <class Request>
error_code refuse_account(const Request& req, std::string_view password, const platform_state& st) {
    if (req.apikey != st.apikey || password != st.password) return error_code::apikey_or_password_error;
    if (req.username == st.blocked) return error_code::account_is_blocked;
    if (req.username != st.username) return error_code::apikey_or_password_error;
    return error_code::other;
}

// Charges `numbers` MMS and queues a report for each; the msgid the reply gives.
std::string accept(platform_state& st, const std::vector<std::string>& numbers) {
    const std::string msgid = std::to_string(st.next_msgid++);
    const std::uint64_t now = static_cast<std::uint64_t>(std::time(nullptr));
    const std::time_t t = static_cast<std::time_t>(now);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::gmtime(&t));  // the double keeps UTC
    st.balance -= static_cast<unsigned>(numbers.size());
    for (const std::string& n : numbers) {
        // Numbers starting 1380000 are the double's unreachable ones: UNDELIV.
        st.reports.push_back({msgid, std::to_string(st.next_id++), n, n.rfind("1380000", 0) == 0 ? "UNDELIV" : "DELIVRD", when, now});
    }
    return msgid;
}

std::vector<std::string> split_numbers(std::string_view list) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        out.emplace_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// 5C refuses a title or text holding a word of its list, the word after a second colon.
bool refuse_black_keyword(std::string_view text, httplib::Response& res) {
    if (text.find("违禁") == std::string_view::npos) return false;
    answer_reply(res, {false, {}, error_code::other, "Black keywords is:违禁", {}});
    return true;
}

// The double's own headers on a caixin_send it accepted (5C answers the msgid alone): the title
// and each text frame as it read them, in UTF-8, percent-encoded (X-Double-Text: the frames in
// order, joined by ','), so that a client checks what went over the wire in its encoding.
void tell_what_was_read(httplib::Response& res, const std::string& title, const std::vector<std::string>& texts) {
    namespace percent = smsgw::codec::percent;
    const auto escaped = [](const std::string& utf8) {
        std::string out;
        smsgw::write_append(out, [&](smsgw::writer& w) { return percent::encode(smsgw::bytes(utf8), w, percent::style::component); });
        return out;
    };
    std::string joined;
    for (const std::string& t : texts) joined += (joined.empty() ? "" : ",") + escaped(t);
    res.set_header("X-Double-Title", escaped(title));
    res.set_header("X-Double-Text", joined);
}

void log_refusal(const char* what, const smsgw::result& r) {
    std::fprintf(stderr, "gateway: %s: %s at %s, offset %zu\n", what, r.message(), r.field ? r.field : "?", r.offset);
}

// POST bodies are read through a content reader: cpp-httplib (0.11) parses an
// x-www-form-urlencoded body itself and answers 413 above 8 KB, which would refuse any MMS with
// a picture; read this way the body is left to smsgw.
template <class Handler>
void route_post(httplib::Server& server, fivec::api a, Handler handle) {
    server.Post(path(a), [handle](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& content) {
        std::string body;
        content([&](const char* data, std::size_t n) {
            body.append(data, n);
            return true;
        });
        handle(body, res);
    });
}

// §4 and §5 are GETs (POST is allowed too): their form is the raw query string, which
// cpp-httplib keeps in `target` (its `params` are already decoded, and smsgw decodes itself).
template <class Handler>
void route_get(httplib::Server& server, fivec::api a, Handler handle) {
    const auto get = [handle](const httplib::Request& http, httplib::Response& res) {
        const std::size_t q = http.target.find('?');
        handle(q == std::string::npos ? std::string() : http.target.substr(q + 1), res);
    };
    server.Get(path(a), get);
    route_post(server, a, handle);
}

void serve(httplib::Server& server, platform_state& st) {
    route_post(server, fivec::api::caixin_send, [&](const std::string& body, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());
        fivec::caixin_send_request req;
        std::string text;
        if (const smsgw::result r = fivec::decode(body, req, scratch); !r) {
            log_refusal("caixin_send", r);
            return answer_reply(res, refusal(r, text));
        }
        std::lock_guard<std::mutex> g(st.lock);
        if (const error_code e = refuse_account(req, req.password, st); e != error_code::other) return answer_error(res, e);
        // The title as the user wrote it (decoded twice) and every text frame, in UTF-8 (GBK
        // ones converted), checked for black keywords.
        std::string title;
        if (!smsgw::write_append(title, [&](smsgw::writer& w) { return fivec::decode_title(req, w); })) {
            std::abort();  // decode() checked the title in its charset
        }
        if (refuse_black_keyword(title, res)) return;
        std::vector<std::string> texts;
        for (const fivec::element& el : fivec::frames(req.content)) {
            if (el.kind != fivec::frame_kind::text) continue;
            std::string utf8;
            std::vector<unsigned char> raw(smsgw::codec::base64::decoded_size_max(el.data.size()));
            if (!smsgw::write_append(utf8, [&](smsgw::writer& w) { return fivec::decode_text(el, fivec::text_encoding(req), w, raw); })) {
                return answer_reply(res, {false, {}, error_code::other, "bad text", {}});
            }
            if (refuse_black_keyword(utf8, res)) return;
            texts.push_back(std::move(utf8));
        }
        const std::vector<std::string> numbers = split_numbers(req.mobile);
        if (numbers.size() > st.balance) return answer_error(res, error_code::account_balance_is_insufficient);
        const std::string msgid = accept(st, numbers);
        tell_what_was_read(res, title, texts);
        answer_reply(res, {true, msgid, {}, {}, {}});
    });

    route_post(server, fivec::api::caixin_send_batch, [&](const std::string& body, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());
        fivec::caixin_send_batch_request req;
        std::string text;
        if (const smsgw::result r = fivec::decode(body, req, scratch); !r) {
            log_refusal("caixin_send_batch", r);
            return answer_reply(res, refusal(r, text));
        }
        std::lock_guard<std::mutex> g(st.lock);
        if (const error_code e = refuse_account(req, req.password, st); e != error_code::other) return answer_error(res, e);
        // The form gave the XML back (URL-decoded twice); its head now, its recipients lazily.
        fivec::batch_document doc;
        std::string title, picture;
        smsgw::result r = fivec::decode(req.xml_data, doc);
        if (r) r = fivec::finish(doc);  // every recipient and the end of the document
        if (r) r = smsgw::write_append(title, [&](smsgw::writer& w) { return doc.title(w); });
        if (r) r = smsgw::write_append(picture, [&](smsgw::writer& w) { return doc.picture(w); });
        if (!r) {
            log_refusal("xmlData", r);
            text = std::string("bad xmlData ") + (r.field ? r.field : "");
            return answer_reply(res, {false, {}, error_code::other, text, {}});
        }
        std::vector<std::string> numbers;
        for (const fivec::batch_entry& e : doc.mms_body) {
            std::string t;
            if (!smsgw::write_append(t, [&](smsgw::writer& w) { return e.text(w); })) {
                return answer_reply(res, {false, {}, error_code::other, "bad mmsTextContent", {}});
            }
            if (refuse_black_keyword(t, res)) return;
            numbers.emplace_back(e.mms_mobile);
        }
        if (numbers.size() > st.balance) return answer_error(res, error_code::account_balance_is_insufficient);
        answer_reply(res, {true, accept(st, numbers), {}, {}, {}});
    });

    route_get(server, fivec::api::query_balance, [&](const std::string& query, httplib::Response& res) {
        std::vector<unsigned char> scratch(query.size());
        fivec::balance_query req;
        std::string text;
        if (const smsgw::result r = fivec::decode(query, req, scratch); !r) return answer_reply(res, refusal(r, text));
        std::lock_guard<std::mutex> g(st.lock);
        if (const error_code e = refuse_account(req, req.password, st); e != error_code::other) return answer_error(res, e);
        const std::string balance = std::to_string(st.balance);
        std::string body;
        if (!smsgw::encode_append(fivec::balance_reply{true, balance, {}}, body)) std::abort();
        res.set_content(body, "text/plain; charset=utf-8");
    });

    route_get(server, fivec::api::recv_report, [&](const std::string& query, httplib::Response& res) {
        std::vector<unsigned char> scratch(query.size());
        fivec::report_request req;
        std::string text;
        if (const smsgw::result r = fivec::decode(query, req, scratch); !r) return answer_reply(res, refusal(r, text));
        std::lock_guard<std::mutex> g(st.lock);
        // §5 sends the password's MD5 (either case), not the password.
        const auto md5 = fivec::password_md5(st.password);
        const bool md5_ok = smsgw::codec::ascii::iequals(req.password_md5, std::string_view(md5.data(), md5.size()));
        if (const error_code e = refuse_account(req, md5_ok ? std::string_view(st.password) : std::string_view(), st); e != error_code::other) {
            return answer_error(res, e);
        }
        // Every waiting report (§5.1.2), or those of the numbers between from and to (§5.1.4);
        // once fetched they are gone. The double answers §5.1.5's six fields for the first and
        // §5.1.6's five (extension first) for the second; its account has no extension.
        const bool by_number = !req.mobile.empty();
        const std::vector<std::string> wanted = by_number ? split_numbers(req.mobile) : std::vector<std::string>{};
        std::vector<pending_report> taken, kept;
        for (pending_report& p : st.reports) {
            bool take = !by_number;
            for (const std::string& n : wanted) take = take || (n == p.mobile && p.at >= req.from && p.at <= req.to);
            (take ? taken : kept).push_back(std::move(p));
        }
        st.reports = std::move(kept);
        std::vector<fivec::report> out;
        for (const pending_report& p : taken) {
            fivec::report r;
            r.form = by_number ? fivec::report_form::five : fivec::report_form::six;
            r.msgid = p.msgid;
            r.id = p.id;
            r.mobile = p.mobile;
            r.status = p.status;
            r.time = p.time;
            out.push_back(r);
        }
        fivec::report_reply reply;  // an empty list is written as `no record`
        reply.answer = fivec::report_answer::reports;
        reply.reports = fivec::report_list(smsgw::span<const fivec::report>(out.data(), out.size()));
        std::string body;
        if (!smsgw::encode_append(reply, body)) std::abort();
        res.set_content(body, "text/plain; charset=utf-8");
    });
}

}  // namespace

int main(int argc, char** argv) {
    platform_state st;
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
