// A test double of the HTTP SMS platform (docs/smsplat.md) on cpp-httplib: every call is
// decoded with the checks the platform applies, GET query or POST body alike (§9: "HTTP 的 GET
// 和 POST 方式"), and answered with the lines it would send. One account to start with
// ("jiemou-clcs-08", two products), one operator for the signed calls (Recharge, UserManage),
// every message delivered at once; after a send with needstatus=true the double, as the
// platform does, pushes one status report per number to the account's report address.
//
// The report address is configured on the real platform by its administrator, in its web
// console; the double's stand-in for that console is `POST /console/push`
// (account, url, receiver, pswd), which is not part of the spec.
//
//   smsplat_gateway [port]     0 or none: any free port. Prints "127.0.0.1:<port>", then serves.
#include <smsgw/smsplat.hpp>

#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace smsplat = smsgw::smsplat;
using smsplat::send_status;

namespace {

// What the platform's administrator agreed with the operator offline (tables 12.1, 13.1).
constexpr std::string_view operator_username = "admin01";
constexpr std::string_view operator_secretkey = "s3cr3tkey";
constexpr std::string_view des_key = "12345678";  // of the encrypted account fields
constexpr std::uint64_t fee_per_message = 5;      // Recharge converts fee to messages at this price
constexpr std::string_view sensitive_word = "赌博";  // 105 when a message holds it

struct push_config {
    std::string url;  // http://host:port/path
    std::string receiver, pswd;
};

struct account {
    std::string pswd;
    std::map<std::string, std::uint64_t> products;  // productid -> messages left
    std::string extno;
    push_config push;
};

struct platform_state {
    std::mutex lock;
    std::map<std::string, account> accounts;
    std::uint64_t next_msgid = 1234567890100;
};

// yyyyMMddHHmmss (resptime) or, from offset 2 and 10 long, YYMMDDhhmm (reportTime): local time.
std::string now_text() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d%H%M%S", &tm);
    return text;
}

template <class Reply>
void answer(httplib::Response& res, const Reply& r) {
    std::string body;
    if (!smsgw::encode_append(r, body)) std::abort();  // our own answers are always well formed
    res.set_content(body, "text/plain; charset=utf-8");
}

void answer(httplib::Response& res, send_status s, std::string_view msgid = {}) {
    const std::string t = now_text();
    answer(res, smsplat::send_reply{t, s, msgid});
}

// Decodes a sending call's parameters into `req` (its views into `scratch`) and, when they fail
// the platform's checks, answers the code table 9.3 has for the parameter at fault: a bad
// mobile, message, extno or product. For a parameter it has no code for (needstatus not
// true/false) the double answers HTTP 400. True: answered.
template <class Request>
bool refuse_bad(const std::string& params, Request& req, std::vector<unsigned char>& scratch, httplib::Response& res) {
    scratch.resize(params.size());
    const smsgw::result r = smsplat::decode(params, req, scratch);
    if (r) return false;
    const std::string_view f = r.field ? r.field : "";
    std::fprintf(stderr, "gateway: %s: %s at %s, offset %zu\n", std::string(smsplat::name(Request::endpoint)).c_str(),
                 r.message(), r.field ? r.field : "?", r.offset);
    if (f == "account") {
        answer(res, send_status::no_such_user);
    } else if (f == "pswd") {
        answer(res, send_status::wrong_password);
    } else if (f == "mobile") {
        answer(res, r.ec == smsgw::errc::too_many ? send_status::wrong_mobile_count : send_status::wrong_mobile);
    } else if (f == "params") {
        answer(res, send_status::wrong_mobile);  // a record's number, or its count of values
    } else if (f == "msg") {
        answer(res, send_status::wrong_length);
    } else if (f == "extno") {
        answer(res, send_status::wrong_extno);
    } else if (f == "product") {
        answer(res, send_status::no_such_product);
    } else {
        res.status = 400;
    }
    return true;
}

// Routes a call's GETs and POSTs to `handle(params, res)`, params the query or the body as
// sent: smsgw decodes them. A POST body is read through a content reader: cpp-httplib (0.11)
// parses an x-www-form-urlencoded body itself and answers 413 above 8 KB, which would refuse any
// HttpBatchSendSM to more than ~700 numbers; read this way it is left to smsgw.
template <class Handler>
void route(httplib::Server& server, smsplat::call c, Handler handle) {
    const std::string path(smsplat::path(c));
    server.Get(path, [handle](const httplib::Request& http, httplib::Response& res) {
        const std::size_t q = http.target.find('?');  // the raw target: httplib's params are decoded already
        handle(q == std::string::npos ? std::string() : http.target.substr(q + 1), res);
    });
    server.Post(path, [handle](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& content) {
        std::string body;
        content([&](const char* data, std::size_t n) {
            body.append(data, n);
            return true;
        });
        handle(body, res);
    });
}

// The status the double reports for a number: 139... are blacklisted by a gateway of its own
// (MBBLACK, not in table 10.2), 1380... find the system busy (ERR:104), the others are delivered.
std::string_view report_for(std::string_view mobile) {
    if (mobile.substr(0, 3) == "139") return "MBBLACK";
    if (mobile.substr(0, 4) == "1380") return "ERR:104";
    return "DELIVRD";
}

// Pushes one report per number to the account's address, as §10.3's URL gives them but POSTed.
// The reports go after the answer, from a thread of their own, as the platform sends them later.
void push_reports(const push_config& to, const std::string& msgid, std::vector<std::string> mobiles) {
    if (to.url.empty()) return;
    std::thread([to, msgid, mobiles = std::move(mobiles)] {
        const std::size_t slash = to.url.find('/', to.url.find("//") + 2);
        httplib::Client http(to.url.substr(0, slash));
        const std::string path = slash == std::string::npos ? "/" : to.url.substr(slash);
        const std::string time = now_text().substr(2, 10);  // YYMMDDhhmm
        for (const std::string& mobile : mobiles) {
            const smsplat::push_request report{to.receiver, to.pswd, msgid, time, mobile, report_for(mobile)};
            std::string body;
            if (!smsgw::encode_append(report, body)) std::abort();  // ERR:104 goes as ERR%3A104
            const httplib::Result r = http.Post(path.c_str(), body, "application/x-www-form-urlencoded");
            if (!r || r->status != 200) std::fprintf(stderr, "gateway: push to %s refused\n", to.url.c_str());
        }
    }).detach();
}

// What both sending calls do once their parameters are read: the account's credentials, the
// product billed, the quota, the content; then a msgid and, with needstatus, the reports.
void send(platform_state& st, httplib::Response& res, std::string_view acc, std::string_view pswd,
          std::string_view product, bool needstatus, const std::vector<std::string>& mobiles,
          const std::vector<std::string>& texts) {
    const auto a = st.accounts.find(std::string(acc));
    if (a == st.accounts.end()) return answer(res, send_status::no_such_user);
    if (a->second.pswd != pswd) return answer(res, send_status::wrong_password);
    auto& products = a->second.products;
    const auto p = product.empty() ? products.begin() : products.find(std::string(product));
    if (p == products.end()) return answer(res, send_status::no_such_product);
    for (const std::string& t : texts) {
        if (t.find(sensitive_word) != std::string::npos) return answer(res, send_status::sensitive_content);
    }
    if (p->second < mobiles.size()) return answer(res, send_status::no_quota);
    p->second -= mobiles.size();
    const std::string msgid = std::to_string(st.next_msgid++);
    answer(res, send_status::submitted, msgid);
    if (needstatus) push_reports(a->second.push, msgid, mobiles);
}

std::vector<std::string> split(std::string_view list, char sep) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t end = list.find(sep, start);
        if (end == std::string_view::npos) end = list.size();
        out.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The signed calls' check (codes 202 and 302): the operator, md5(username+secretkey+timestamp),
// and a timestamp within ten minutes of the platform's clock.
bool signature_ok(std::string_view username, std::string_view password, std::string_view timestamp) {
    if (username != operator_username || !smsplat::verify(password, username, operator_secretkey, timestamp)) return false;
    const std::string now = now_text();
    std::tm a{}, b{};
    if (!strptime(std::string(timestamp).c_str(), "%Y%m%d%H%M%S", &a) || !strptime(now.c_str(), "%Y%m%d%H%M%S", &b)) return false;
    a.tm_isdst = b.tm_isdst = -1;
    const double skew = std::difftime(std::mktime(&a), std::mktime(&b));
    return skew > -600 && skew < 600;
}

// The plain text of an encrypted account field; empty when it does not decrypt under the key.
std::string decrypt(std::string_view field) {
    std::string plain;
    smsgw::write_append(plain, [&](smsgw::writer& w) { return smsplat::decrypt_account(des_key, field, w); });
    return plain;
}

void serve(httplib::Server& server, platform_state& st) {
    using smsplat::call;
    route(server, call::batch_send, [&](const std::string& params, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        smsplat::batch_send_request req;
        if (refuse_bad(params, req, scratch, res)) return;
        std::lock_guard<std::mutex> g(st.lock);
        send(st, res, req.account, req.pswd, req.product, req.needstatus == "true", split(req.mobile, ','),
             {std::string(req.msg)});
    });

    route(server, call::var_sm, [&](const std::string& params, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        smsplat::var_sm_request req;
        if (refuse_bad(params, req, scratch, res)) return;
        std::lock_guard<std::mutex> g(st.lock);
        // Each record: the number, then one value per placeholder, filled in in order.
        std::vector<std::string> mobiles, texts;
        for (const smsgw::codec::delimited::record& rec : smsplat::params(req)) {
            mobiles.emplace_back(rec[0]);
            std::string text;
            std::string_view rest = req.msg;
            for (std::size_t k = 1;; ++k) {
                const std::size_t at = rest.find('{');
                if (at == std::string_view::npos) {
                    text += rest;
                    break;
                }
                const std::size_t len = rest.substr(at, 5) == "{var}" ? 5 : rest.substr(at, 6) == "{$var}" ? 6 : 1;
                text += rest.substr(0, at);
                text += len == 1 ? std::string_view("{") : rec[k];
                if (len == 1) --k;
                rest.remove_prefix(at + len);
            }
            texts.push_back(std::move(text));
        }
        send(st, res, req.account, req.pswd, req.product, req.needstatus == "true", mobiles, texts);
    });

    route(server, call::query_balance, [&](const std::string& params, httplib::Response& res) {
        std::vector<unsigned char> scratch(params.size());
        smsplat::query_balance_request req;
        const smsgw::result r = smsplat::decode(params, req, scratch);
        std::lock_guard<std::mutex> g(st.lock);
        const auto a = r ? st.accounts.find(std::string(req.account)) : st.accounts.end();
        smsplat::balance_status s = smsplat::balance_status::success;
        if (a == st.accounts.end()) {
            s = r || r.field == std::string_view("account") ? smsplat::balance_status::no_such_user
                                                            : smsplat::balance_status::wrong_password;
        } else if (a->second.pswd != req.pswd) {
            s = smsplat::balance_status::wrong_password;
        }
        std::vector<smsplat::product_balance> lines;
        if (s == smsplat::balance_status::success) {
            for (const auto& [id, left] : a->second.products) lines.push_back({id, left, 0});
        }
        // The reply's products are a lazy range over received bytes: the platform's side is a
        // function of the parts, not an encode() of the struct.
        const std::string t = now_text();
        std::string body;
        if (!smsgw::write_append(body, [&](smsgw::writer& w) { return smsplat::encode(t, s, lines, w); })) std::abort();
        res.set_content(body, "text/plain; charset=utf-8");
    });

    route(server, call::recharge, [&](const std::string& params, httplib::Response& res) {
        std::vector<unsigned char> scratch(params.size());
        smsplat::recharge_request req;
        const smsgw::result r = smsplat::decode(params, req, scratch);
        std::lock_guard<std::mutex> g(st.lock);
        const std::string t = now_text();
        const auto reply = [&](smsplat::recharge_status s) { answer(res, smsplat::recharge_reply{t, s}); };
        using smsplat::recharge_status;
        if (!r) {  // 201 when a parameter is missing, 205 when one has a wrong format
            std::fprintf(stderr, "gateway: Recharge: %s at %s\n", r.message(), r.field ? r.field : "?");
            return reply(r.ec == smsgw::errc::missing_field ? recharge_status::missing_parameter
                                                            : recharge_status::bad_parameter_format);
        }
        if (!signature_ok(req.username, req.password, req.timestamp)) return reply(recharge_status::verification_failed);
        const auto a = st.accounts.find(decrypt(req.account));
        if (a == st.accounts.end()) return reply(recharge_status::no_such_account);
        auto& products = a->second.products;
        const auto p = req.productid.empty() ? products.begin() : products.find(std::string(req.productid));
        if (p == products.end()) return reply(recharge_status::no_such_product);
        const std::uint64_t messages = req.fee / fee_per_message;
        if (req.type == smsplat::recharge_type::deduct) {
            if (p->second < messages) return reply(recharge_status::insufficient_amount);
            p->second -= messages;
        } else {
            p->second += messages;
        }
        reply(recharge_status::success);
    });

    route(server, call::user_manage, [&](const std::string& params, httplib::Response& res) {
        std::vector<unsigned char> scratch(params.size());
        smsplat::user_manage_request req;
        const smsgw::result r = smsplat::decode(params, req, scratch);
        std::lock_guard<std::mutex> g(st.lock);
        const std::string t = now_text();
        using smsplat::user_manage_status;
        // Every status but 0 carries a description (§13.3); the double's is the code's text.
        const auto reply = [&](user_manage_status s) {
            answer(res, smsplat::user_manage_reply{t, s, s == user_manage_status::success ? "" : describe(s).chinese});
        };
        if (!r) {
            std::fprintf(stderr, "gateway: UserManage: %s at %s\n", r.message(), r.field ? r.field : "?");
            return reply(r.ec == smsgw::errc::missing_field ? user_manage_status::missing_parameter
                                                            : user_manage_status::bad_parameter);
        }
        if (!signature_ok(req.username, req.password, req.timestamp)) return reply(user_manage_status::verification_failed);
        const std::string name = decrypt(req.account);
        if (name.empty()) return reply(user_manage_status::bad_parameter);
        const auto a = st.accounts.find(name);
        if (req.action == smsplat::user_action::remove) {
            if (a == st.accounts.end()) return reply(user_manage_status::user_exists_or_missing);
            st.accounts.erase(a);
            return reply(user_manage_status::success);
        }
        // action 0 adds, or changes an account that exists; the double only adds, so 303 when
        // the account exists already.
        if (a != st.accounts.end()) return reply(user_manage_status::user_exists_or_missing);
        for (const auto& [other, acc] : st.accounts) {
            if (!req.extno.empty() && acc.extno == req.extno) return reply(user_manage_status::extno_exists);
        }
        account fresh;
        fresh.pswd = decrypt(req.ac_password);
        fresh.extno = std::string(req.extno);
        for (const std::string& id : split(req.product_list, ',')) {
            if (id != "1234567" && id != "7654321") return reply(user_manage_status::no_such_product);
            fresh.products[id] = 0;  // a new account has no quota until it is recharged
        }
        st.accounts.emplace(name, std::move(fresh));
        reply(user_manage_status::success);
    });

    // The stand-in for the administrator's console: where an account's reports go.
    server.Post("/console/push", [&](const httplib::Request& http, httplib::Response& res) {
        std::lock_guard<std::mutex> g(st.lock);
        const auto a = st.accounts.find(http.get_param_value("account"));
        if (a == st.accounts.end()) return void(res.status = 404);
        a->second.push = {http.get_param_value("url"), http.get_param_value("receiver"), http.get_param_value("pswd")};
        res.set_content("ok\n", "text/plain");
    });
}

}  // namespace

int main(int argc, char** argv) {
    platform_state st;
    st.accounts["jiemou-clcs-08"] = account{"Tch123456", {{"1234567", 3000}, {"7654321", 100}}, "01", {}};
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
