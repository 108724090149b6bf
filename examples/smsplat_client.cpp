// A client of the HTTP SMS platform (docs/smsplat.md) on libcurl: smsgw writes each call's
// parameters and reads each answer; curl only moves bytes. It runs a whole session against a
// platform (examples/smsplat_gateway.cpp is a test double) and checks every answer, so it
// doubles as the test of the pair. The status reports the platform pushes arrive at a small
// cpp-httplib server inside the client, the customer's "pushUrl" of chapter 10:
// QueryBalance (by GET, as the spec's URLs are), HttpBatchSendSM to three numbers and their
// three reports, to 2000 numbers, HttpVarSM with per-number values, Recharge and UserManage
// signed and with DES-encrypted accounts, and the failure answers of tables 9.3, 11.2, 12.2 and
// 13.2 the double gives.
//
//   smsplat_client <host:port>      plain HTTP to a test double; exits 0 when every answer was right
#include <smsgw/smsplat.hpp>

#include <curl/curl.h>
#include <httplib.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace smsplat = smsgw::smsplat;
using smsplat::send_status;

namespace {

struct http_answer {
    long status = 0;
    std::string body;
};

// POSTs an x-www-form-urlencoded body (or, with get, appends it to the URL after '?').
http_answer request(CURL* curl, std::string url, const std::string& body, bool get = false) {
    http_answer a;
    if (get) {
        url += "?" + body;
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &a.body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* p, std::size_t n, std::size_t m, void* out) {
        static_cast<std::string*>(out)->append(p, n * m);
        return n * m;
    });
    if (curl_easy_perform(curl) != CURLE_OK) return a;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
    return a;
}

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) ++failures;
}

class platform {
public:
    platform(CURL* curl, std::string base) : curl_(curl), base_(std::move(base)) {}

    // Encodes the call, sends it to its path and decodes the answer into `reply`, whose views
    // point into the answer, kept until the next call: copy what must outlive it (a msgid).
    // False when the request was not sent or the answer did not decode.
    template <class Request, class Reply>
    bool call(const Request& req, Reply& reply, bool get = false) {
        std::string params;
        if (const smsgw::result r = smsgw::encode_append(req, params); !r) {
            std::printf("not sent: %s at %s\n", r.message(), r.field ? r.field : "?");  // names the field at fault
            return false;
        }
        return call_raw(Request::endpoint, params, reply, get);
    }

    // The same with parameters written by hand (to provoke the platform's own refusals).
    template <class Reply>
    bool call_raw(smsplat::call c, const std::string& params, Reply& reply, bool get = false) {
        last_ = request(curl_, base_ + std::string(smsplat::path(c)), params, get);
        return last_.status == 200 && smsplat::decode(last_.body, reply);
    }

    // Not a call of the spec: the double's stand-in for the console where the platform's
    // administrator sets the account's report address.
    bool set_push(const std::string& account, const std::string& url) {
        char* u = curl_easy_escape(curl_, url.c_str(), static_cast<int>(url.size()));
        const std::string body = "account=" + account + "&url=" + u + "&receiver=admin&pswd=12345";
        curl_free(u);
        return request(curl_, base_ + "/console/push", body).status == 200;
    }

private:
    CURL* curl_;
    std::string base_;
    http_answer last_;  // what the last reply views
};

// A report as the customer keeps it: its own strings, since the decoded views die with the
// request's scratch.
struct report {
    std::string receiver, pswd, msgid, report_time, mobile, status;
    smsplat::report_status meaning{};
};

// The customer's side of chapter 10: an HTTP server the platform pushes reports to.
class push_receiver {
public:
    push_receiver() {
        server_.Post("/report", [this](const httplib::Request& http, httplib::Response& res) {
            // Tolerant: real platforms add parameters of their own (notifyTime...). A report is
            // small, so httplib's own reading of the body (8 KB at most) is enough here.
            std::vector<unsigned char> scratch(http.body.size());
            smsplat::push_request p;
            if (!smsplat::decode(http.body, p, scratch, smsplat::mode::tolerant)) {
                res.status = 400;
                return;
            }
            std::lock_guard<std::mutex> g(lock_);
            reports_.push_back({std::string(p.receiver), std::string(p.pswd), std::string(p.msgid),
                                std::string(p.report_time), std::string(p.mobile), std::string(p.status), classify(p)});
            arrived_.notify_all();
            res.set_content("ok", "text/plain");  // the spec defines no answer: any 200
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~push_receiver() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/report"; }

    // The reports for `msgid`, once `n` of them have come (or after five seconds).
    std::vector<report> wait_for(const std::string& msgid, std::size_t n) {
        std::unique_lock<std::mutex> g(lock_);
        std::vector<report> got;
        arrived_.wait_for(g, std::chrono::seconds(5), [&] {
            got.clear();
            for (const report& r : reports_) {
                if (r.msgid == msgid) got.push_back(r);
            }
            return got.size() >= n;
        });
        return got;
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex lock_;
    std::condition_variable arrived_;
    std::vector<report> reports_;
};

std::string now_text() {  // yyyyMMddHHmmss, the timestamp of the signed calls
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d%H%M%S", &tm);
    return text;
}

// The operator's credentials and the DES key, agreed with the platform offline.
constexpr std::string_view operator_username = "admin01";
constexpr std::string_view operator_secretkey = "s3cr3tkey";
constexpr std::string_view des_key = "12345678";

// A signed call's username, password (the signature) and timestamp, and its encrypted fields;
// the strings live here so that the request's views stay valid.
struct signed_fields {
    std::string timestamp = now_text();
    std::array<char, 32> signature{};
    std::string account, ac_password;

    template <class Request>
    void apply(Request& r, std::string_view secretkey = operator_secretkey) {
        signature = smsplat::sign(operator_username, secretkey, timestamp);
        r.username = operator_username;
        r.password = std::string_view(signature.data(), signature.size());
        r.timestamp = timestamp;
        r.operator_ = "user1";
    }
};

std::string encrypt(std::string_view plain) {  // base64, not yet URL-encoded: the encoder does that
    std::string out;
    smsgw::write_append(out, [&](smsgw::writer& w) { return smsplat::encrypt_account(des_key, plain, w); });
    return out;
}

std::map<std::string, std::uint64_t> balances(platform& p, std::string_view account, std::string_view pswd) {
    smsplat::query_balance_reply b;
    std::map<std::string, std::uint64_t> out;
    if (p.call(smsplat::query_balance_request{account, pswd}, b, true) && b.status == smsplat::balance_status::success) {
        for (const smsplat::product_balance& pb : b.products) out[std::string(pb.productid)] = pb.balance;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: smsplat_client <host:port>\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    platform gw(curl, std::string("http://") + argv[1]);
    push_receiver pushes;
    check(gw.set_push("jiemou-clcs-08", pushes.url()), "console: the account's reports go to our pushUrl");

    // QueryBalance by GET: the spec's calls take the query string or a POST body alike.
    smsplat::query_balance_reply b;
    check(gw.call(smsplat::query_balance_request{"jiemou-clcs-08", "wrong"}, b, true) &&
              b.status == smsplat::balance_status::wrong_password && b.products.empty(),
          "QueryBalance with a wrong password: 102, no products");
    using balance_map = std::map<std::string, std::uint64_t>;
    check(balances(gw, "jiemou-clcs-08", "Tch123456") == balance_map{{"1234567", 3000}, {"7654321", 100}},
          "QueryBalance: 0 and two products");

    // HttpBatchSendSM to three numbers, with reports: one delivered, one ERR:104 (sent
    // percent-encoded), one a status of the gateway's own.
    smsplat::batch_send_request req;
    req.account = "jiemou-clcs-08";
    req.pswd = "Tch123456";
    req.mobile = "18916626442,13800138000,13912345678";
    req.msg = "【萌萌搭】尊敬的用户您好，您的注册验证码是：1131，请完成注册";
    req.needstatus = "true";
    smsplat::send_reply sent;
    check(gw.call(req, sent) && sent.respstatus == send_status::submitted && !sent.msgid.empty(),
          "HttpBatchSendSM: 0 and a msgid");
    const std::string msgid(sent.msgid);
    std::map<std::string, smsplat::report_status> seen;
    bool credentials = true;
    for (const report& r : pushes.wait_for(msgid, 3)) {
        seen[r.mobile] = r.meaning;
        credentials = credentials && r.receiver == "admin" && r.pswd == "12345" && r.report_time.size() == 10;
    }
    check(seen == std::map<std::string, smsplat::report_status>{{"18916626442", smsplat::report_status::delivrd},
                                                                 {"13800138000", smsplat::report_status::err_104},
                                                                 {"13912345678", smsplat::report_status::other}},
          "push: three reports, DELIVRD, ERR:104 and a gateway's own (MBBLACK)");
    check(credentials, "push: receiver, pswd and reportTime as configured");

    // 2000 numbers: a 24 KB body, past cpp-httplib's 8 KB for forms; no reports asked.
    std::string many;
    for (int i = 0; i < 2000; ++i) many += (i ? ",1891600" : "1891600") + std::to_string(1000 + i);
    req.mobile = many;
    req.needstatus = "false";
    req.product = "1234567";
    check(gw.call(req, sent) && sent.respstatus == send_status::submitted, "HttpBatchSendSM to 2000 numbers: 0");
    check(balances(gw, "jiemou-clcs-08", "Tch123456")["1234567"] == 3000 - 3 - 2000, "QueryBalance: 2003 messages billed");

    // HttpVarSM: one template, a value per placeholder and number; params built by write_params.
    const std::string_view tmpl = "【懒人旅行】尊敬的会员, 您于 {var} 预订的 {var}, {var} 张, 已取消成功。";
    const std::vector<std::vector<std::string_view>> records = {
        {"13641892268", "2015-01-01", "成园温泉山庄门票", "2"}, {"18916626442", "2015-02-14", "温泉酒店", "1"}};
    std::string params;
    smsgw::write_append(params, [&](smsgw::writer& w) { return smsplat::write_params(records, smsplat::placeholders(tmpl), w); });
    smsplat::var_sm_request var;
    var.account = "jiemou-clcs-08";
    var.pswd = "Tch123456";
    var.msg = tmpl;
    var.params = params;
    var.needstatus = "true";
    check(gw.call(var, sent) && sent.respstatus == send_status::submitted, "HttpVarSM: 0 and a msgid");
    check(pushes.wait_for(std::string(sent.msgid), 2).size() == 2, "push: a report for each HttpVarSM number");
    // The double fills the template before its content check: a value can make a message sensitive.
    const std::vector<std::vector<std::string_view>> bad = {{"13641892268", "2015-01-01", "赌博", "2"}};
    params.clear();
    smsgw::write_append(params, [&](smsgw::writer& w) { return smsplat::write_params(bad, 3, w); });
    var.params = params;
    check(gw.call(var, sent) && sent.respstatus == send_status::sensitive_content && sent.msgid.empty(),
          "HttpVarSM with a sensitive value: 105, no msgid");

    // Failure answers of table 9.3, some from parameters smsgw's encoder would not write.
    req.mobile = "18916626442";
    req.product = {};
    req.pswd = "wrong";
    check(gw.call(req, sent) && sent.respstatus == send_status::wrong_password, "HttpBatchSendSM, wrong password: 102");
    req.pswd = "Tch123456";
    req.product = "999";
    check(gw.call(req, sent) && sent.respstatus == send_status::no_such_product, "a product not ordered: 112");
    req.product = {};
    req.mobile = "1891662644x";
    std::string body;
    check(!smsgw::encode_append(req, body), "a letter in a mobile: refused by the encoder");
    check(gw.call_raw(smsplat::call::batch_send,
                      "account=jiemou-clcs-08&pswd=Tch123456&mobile=1891662644x&msg=hi&needstatus=false", sent) &&
              sent.respstatus == send_status::wrong_mobile,
          "the same sent by hand: 107");
    check(gw.call_raw(smsplat::call::batch_send,
                      "account=jiemou-clcs-08&pswd=Tch123456&mobile=18916626442&msg=hi&needstatus=false&extno=12a", sent) &&
              sent.respstatus == send_status::wrong_extno,
          "an extno with a letter sent by hand: 113");
    check(gw.call_raw(smsplat::call::batch_send,
                      "account=jiemou-clcs-08&pswd=Tch123456&mobile=18916626442&msg=" + std::string(586, 'a') +
                          "&needstatus=false",
                      sent) &&
              sent.respstatus == send_status::wrong_length,
          "586 characters sent by hand: 106");

    // UserManage: open an account (every field of table 13.1 when adding), DES-encrypted name
    // and password, signed by the operator.
    signed_fields sf;
    sf.account = encrypt("jishu01");
    sf.ac_password = encrypt("pa55word");
    smsplat::user_manage_request add;
    sf.apply(add);
    add.account = sf.account;
    add.ac_password = sf.ac_password;
    add.type = smsplat::user_type::normal;
    add.true_name = "上海技术有限公司";
    add.contact_mobile = "13800138000";
    add.send_hour = "8,21";
    add.send_type = "HBW";
    add.extno = "77";
    add.signature = "【技术】";
    add.product_list = "1234567";
    add.expired_date = "20301231";
    smsplat::user_manage_reply um;
    check(gw.call(add, um) && um.status == smsplat::user_manage_status::success && um.description.empty(),
          "UserManage add: 0");
    check(gw.call(add, um) && um.status == smsplat::user_manage_status::user_exists_or_missing && !um.description.empty(),
          "UserManage add again: 303 with a description");
    signed_fields forged;
    forged.account = encrypt("jishu02");
    forged.ac_password = sf.ac_password;
    smsplat::user_manage_request add2 = add;
    forged.apply(add2, "not-the-key");
    add2.account = forged.account;
    check(gw.call(add2, um) && um.status == smsplat::user_manage_status::verification_failed,
          "UserManage signed with a wrong secret key: 302");

    // The new account logs in with the decrypted password, and has no quota until recharged.
    check(balances(gw, "jishu01", "pa55word") == balance_map{{"1234567", 0}}, "QueryBalance of the new account: 0 left");
    smsplat::batch_send_request fresh;
    fresh.account = "jishu01";
    fresh.pswd = "pa55word";
    fresh.mobile = "18916626442";
    fresh.msg = "【技术】您好";
    check(gw.call(fresh, sent) && sent.respstatus == send_status::no_quota, "HttpBatchSendSM without quota: 109");

    // Recharge: 1000 (five per message at the double) to the new account, then a deduction too large.
    signed_fields rf;
    rf.account = encrypt("jishu01");
    smsplat::recharge_request recharge;
    rf.apply(recharge);
    recharge.account = rf.account;
    recharge.fee = 1000;
    recharge.productid = "1234567";
    smsplat::recharge_reply rr;
    check(gw.call(recharge, rr) && rr.status == smsplat::recharge_status::success, "Recharge: 0");
    check(balances(gw, "jishu01", "pa55word") == balance_map{{"1234567", 200}}, "QueryBalance: 200 messages recharged");
    check(gw.call(fresh, sent) && sent.respstatus == send_status::submitted, "HttpBatchSendSM now: 0");
    recharge.type = smsplat::recharge_type::deduct;
    recharge.fee = 5000;
    check(gw.call(recharge, rr) && rr.status == smsplat::recharge_status::insufficient_amount,
          "Recharge deducting 1000 messages from 199: 204");
    recharge.type = smsplat::recharge_type::add;
    recharge.productid = "7654321";
    check(gw.call(recharge, rr) && rr.status == smsplat::recharge_status::no_such_product,
          "Recharge to a product the account lacks: 206");
    signed_fields nobody;
    nobody.account = encrypt("nobody");
    recharge.productid = {};
    recharge.account = nobody.account;
    check(gw.call(recharge, rr) && rr.status == smsplat::recharge_status::no_such_account,
          "Recharge of an unknown account: 203");
    check(gw.call_raw(smsplat::call::recharge, "username=admin01&timestamp=" + rf.timestamp, rr) &&
              rr.status == smsplat::recharge_status::missing_parameter,
          "Recharge without its password, sent by hand: 201");

    // UserManage delete: only the operator's four, action and account.
    signed_fields df;
    df.account = encrypt("jishu01");
    smsplat::user_manage_request del;
    df.apply(del);
    del.action = smsplat::user_action::remove;
    del.account = df.account;
    check(gw.call(del, um) && um.status == smsplat::user_manage_status::success, "UserManage delete: 0");
    check(gw.call(del, um) && um.status == smsplat::user_manage_status::user_exists_or_missing,
          "UserManage delete again: 303");
    check(gw.call(smsplat::query_balance_request{"jishu01", "pa55word"}, b) &&
              b.status == smsplat::balance_status::no_such_user,
          "QueryBalance of the deleted account: 101");

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    std::printf("%s\n", failures == 0 ? "every answer as expected" : "some answers were wrong");
    return failures == 0 ? 0 : 1;
}
