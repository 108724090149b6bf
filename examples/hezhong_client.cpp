// A Hezhong video MMS client (docs/hezhong.md) on libcurl: smsgw writes each request and reads
// each answer; curl only moves bytes. It also runs the customer's side of the platform's pushes,
// a small cpp-httplib server taking the audit notice (/audit), the status reports (/report,
// `rpts=`) and the replies (/mo, `mos=`). It runs a whole session against a platform (the real
// one is hz::base_url; examples/hezhong_gateway.cpp is a test double) and checks every answer
// and push, so it doubles as the test of the pair:
// QueryBalance with a GBK account, SaveMmsModel with a text and a 20 KB JPEG and its audit,
// SendMmsTask to 600 numbers and its 600 reports in two pushes and a reply, SendVariableMmsTask
// with `cont` in both forms, and the failure answers the spec's tables list.
//
//   hezhong_client <host:port>      plain HTTP to a test double; exits 0 when every answer was right
#include <smsgw/hezhong.hpp>

#include <smsgw/charset.hpp>
#include <smsgw/codec/form.hpp>

#include <curl/curl.h>
#include <httplib.h>

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hz = smsgw::hezhong;
using hz::return_code;

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) ++failures;
}

std::size_t append(char* p, std::size_t n, std::size_t m, void* out) {
    static_cast<std::string*>(out)->append(p, n * m);
    return n * m;
}

// The platform's calls: JSON bodies POSTed, QueryBalance a GET. The answer's body is kept until
// the next call: decoded answers view it (and the scratch buffer), so copy what must outlive it.
class platform {
public:
    platform(CURL* curl, std::string base) : curl_(curl), base_(std::move(base)) {
        // curl's POSTFIELDS default to x-www-form-urlencoded; the platform takes JSON.
        json_ = curl_slist_append(nullptr, "Content-Type: application/json;charset=UTF-8");
    }
    ~platform() { curl_slist_free_all(json_); }

    // Encodes the request, POSTs it to its call's path and decodes the answer into `resp`.
    template <class Request, class Response>
    bool call(hz::call c, const Request& req, Response& resp) {
        std::string body;
        if (const smsgw::result r = smsgw::encode_append(req, body); !r) {
            std::printf("not sent: %s at %s\n", r.message(), r.field ? r.field : "?");  // names the field at fault
            return false;
        }
        return call_raw(c, body, resp);
    }

    // The same with a body written by hand (to provoke the platform's own refusals).
    template <class Response>
    bool call_raw(hz::call c, const std::string& body, Response& resp) {
        if (!perform(std::string(hz::path(c)), &body)) return false;
        scratch_.assign(answer_.size(), 0);
        return static_cast<bool>(hz::decode(answer_, resp, scratch_));
    }

    // QueryBalance: the query string in the URL, a bare integer back.
    bool balance(const hz::query_balance_request& q, hz::balance_reply& reply) {
        std::string target = std::string(hz::path(hz::call::query_balance)) + "?";
        if (!smsgw::encode_append(q, target) || !perform(target, nullptr)) return false;
        // Tolerant: a platform may well end the number with a line break.
        return static_cast<bool>(hz::decode(answer_, reply, hz::mode::tolerant));
    }

    // Not the API: tells the test double where the customer's pushes go.
    bool tell_double(const std::string& customer) { return perform("/double/customer", &customer); }

private:
    bool perform(const std::string& target, const std::string* body) {
        answer_.clear();
        const std::string url = base_ + target;
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        if (body) {
            curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, json_);
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body->data());
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
        } else {
            curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
            curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
        }
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &answer_);
        curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &append);
        long status = 0;
        if (curl_easy_perform(curl_) != CURLE_OK) return false;
        curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
        return status == 200;
    }

    CURL* curl_;
    std::string base_;
    curl_slist* json_;
    std::string answer_;                  // what the last answer views
    std::vector<unsigned char> scratch_;  // and its decoded strings
};

// What the pushes brought, copied out of their bodies.
struct pushes {
    std::mutex lock;
    std::vector<std::string> audits;  // "mmsid status type"
    struct report {
        std::string mobile, status, msgid, serial;
    };
    std::vector<report> reports;
    std::size_t report_posts = 0;
    std::vector<std::string> replies;  // "mobile extension text"
    std::vector<std::string> errors;
};

// The value of `parameter` in a form body, percent-decoded: the list itself.
bool form_value(const std::string& body, std::string_view parameter, std::string& list) {
    const auto f = smsgw::codec::form::fields(body).find(parameter);
    return f &&
           smsgw::write_append(list, [&](smsgw::writer& w) { return smsgw::codec::form::decode_value(*f, w); });
}

// The customer's receiver. Its answers carry nothing: the platform reads none ("返回值：无").
// The bodies are read through a content reader: a 500-record `rpts` push is a form body of
// 20 KB, which cpp-httplib 0.11 would refuse with 413 if it parsed the form itself.
void receive(httplib::Server& server, pushes& got) {
    const auto route = [&server](const char* path, auto handle) {
        server.Post(path, [handle](const httplib::Request&, httplib::Response&, const httplib::ContentReader& content) {
            std::string body;
            content([&](const char* data, std::size_t n) {
                body.append(data, n);
                return true;
            });
            handle(body);
        });
    };
    route("/audit", [&got](const std::string& body) {
        std::vector<unsigned char> scratch(body.size());
        hz::audit_notification a;
        const smsgw::result r = hz::decode(body, a, scratch);
        std::lock_guard<std::mutex> g(got.lock);
        if (!r) return got.errors.push_back(std::string("audit: ") + r.message());
        const bool known = hz::describe(a.status_code()).known() && hz::describe(a.carrier_code()).known();
        got.audits.push_back(std::string(a.mmsid) + " " + std::string(a.status) + " " + std::string(a.type) + (known ? "" : " ?"));
    });
    route("/report", [&got](const std::string& body) {
        std::string list;
        std::lock_guard<std::mutex> g(got.lock);
        if (!form_value(body, hz::rpts_parameter, list)) return got.errors.push_back("rpts: no list");
        const hz::report_list reports(list);
        for (const hz::report& r : reports) {
            got.reports.push_back({std::string(r.mobile), std::string(r.status), std::string(r.msgid), std::string(r.serial)});
        }
        if (!reports.error()) got.errors.push_back(std::string("rpts: ") + reports.error().message());
        ++got.report_posts;
    });
    route("/mo", [&got](const std::string& body) {
        std::string list;
        std::lock_guard<std::mutex> g(got.lock);
        if (!form_value(body, hz::mos_parameter, list)) return got.errors.push_back("mos: no list");
        const hz::mo_list replies(list);
        for (const hz::mo& m : replies) {
            std::string text;  // the reply's text was URL-encoded inside the (form-encoded) list
            smsgw::write_append(text, [&](smsgw::writer& w) { return m.decode_content(w); });
            got.replies.push_back(std::string(m.mobile) + " " + std::string(m.extension) + " " + text);
        }
        if (!replies.error()) got.errors.push_back(std::string("mos: ") + replies.error().message());
    });
}

std::string fake_jpeg(std::size_t size) {  // SOI, APP0, filler, EOI: enough for a platform
    std::string j = "\xFF\xD8\xFF\xE0";
    for (std::size_t i = 0; j.size() < size - 2; ++i) j.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
    return j + "\xFF\xD9";
}

std::string gbk(std::string_view utf8) {
    std::string out;
    smsgw::write_append(out, [&](smsgw::writer& w) { return smsgw::charset::encode(smsgw::charset::encoding::gbk, utf8, w); });
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: hezhong_client <host:port>\n");
        return 2;
    }
    // The customer's receiver, on any free port of 127.0.0.1.
    pushes got;
    httplib::Server receiver;
    receive(receiver, got);
    const int port = receiver.bind_to_any_port("127.0.0.1");
    std::thread receiving([&receiver] { receiver.listen_after_bind(); });

    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    {
        platform hezhong(curl, std::string("http://") + argv[1]);
        check(port > 0 && hezhong.tell_double("http://127.0.0.1:" + std::to_string(port)), "the double knows the receiver");

        // QueryBalance: username and password travel as percent-encoded GBK.
        const std::string user = gbk("合众测试"), password = gbk("123456"), wrong = gbk("654321");
        hz::balance_reply balance;
        check(hezhong.balance({"300000", smsgw::bytes(user), smsgw::bytes(password)}, balance) && balance.ok() && balance.value == 1000,
              "QueryBalance with a GBK username: 1000");
        check(hezhong.balance({"300000", smsgw::bytes(user), smsgw::bytes(wrong)}, balance) && !balance.ok(),
              "QueryBalance with a wrong password: a negative reply");

        // SaveMmsModel: the text as HEX16, a 20 KB JPEG as base64, one frame each.
        const std::string_view text = "尊敬的${Text1}，您的${Text2}已到";
        const std::string jpeg = fake_jpeg(20 * 1024);
        const hz::attachment text_file[] = {{1, "1.txt", smsgw::bytes(text), {}}};
        const hz::attachment picture[] = {{1, "2.jpg", {}, smsgw::bytes(jpeg)}};
        const hz::frame frames[] = {{1, "5000", text_file}, {2, "3000", picture}};
        hz::save_mms_model_request model{"300000", "合众测试", "123456", "16891", smsgw::bytes(std::string_view("欢迎")), frames};
        hz::save_mms_model_response saved;
        check(hezhong.call(hz::call::save_mms_model, model, saved) && saved.code == return_code::success && !saved.mmsid.empty(),
              "SaveMmsModel: 0 and an mmsid");
        const std::string mmsid(saved.mmsid);
        {
            std::lock_guard<std::mutex> g(got.lock);
            check(got.audits == std::vector<std::string>{mmsid + " 1 1"}, "audit notice: the template passed, China Mobile");
        }
        model.password = "wrong";
        check(hezhong.call(hz::call::save_mms_model, model, saved) && saved.code == return_code::wrong_password && saved.mmsid.empty(),
              "SaveMmsModel with a wrong password: -3");
        model.password = "123456";

        // SendMmsTask to 600 numbers: `cont` is a JSON object inside a JSON string.
        std::string mobiles;
        for (int i = 0; i < 600; ++i) mobiles += (i ? ",1368100" : "1368100") + std::to_string(1000 + i);
        const hz::variable vars[] = {{"Text1", "张先生"}, {"Text2", "快递 \"加急\""}};
        hz::send_mms_task_request task;
        task.userid = "300000";
        task.username = "合众测试";
        task.password = "123456";
        task.mobile = mobiles;
        task.mmsid = mmsid;
        task.sub = "001";
        task.cont = hz::variables(vars);
        check(hz::check_variables(text, task.cont).ok(), "SendMmsTask: the variables fill the template");
        hz::task_response sent;
        check(hezhong.call(hz::call::send_mms_task, task, sent) && sent.code_value() == return_code::success && !sent.taskid.empty(),
              "SendMmsTask to 600 numbers: \"0\" and a taskid");
        const std::string taskid(sent.taskid);
        {
            std::lock_guard<std::mutex> g(got.lock);
            std::size_t delivered = 0, ours = 0;
            for (const pushes::report& r : got.reports) {
                delivered += r.status == "DELIVRD";
                ours += r.msgid == taskid && r.serial.empty();
            }
            check(got.report_posts == 2 && got.reports.size() == 600 && ours == 600, "rpts: 600 reports of the task in two pushes (500 at most)");
            check(delivered == 599 && got.reports.back().mobile == "13681001599" && got.reports.back().status == "UNDELIV",
                  "rpts: 599 DELIVRD, 13681001599 UNDELIV");
            check(got.replies == std::vector<std::string>{"13681001000 001 收到, 谢谢; ok"}, "mos: the reply's text decoded");
            got.reports.clear();
            got.replies.clear();
        }

        // SendMmsTask's refusals.
        const hz::variable one[] = {{"Text1", "张先生"}};
        task.cont = hz::variables(one);
        check(hezhong.call(hz::call::send_mms_task, task, sent) && sent.code_value() == return_code::template_error && sent.taskid.empty(),
              "SendMmsTask without ${Text2}'s value: -6");
        task.cont = hz::variables(vars);
        task.mmsid = "0000000000000000";
        check(hezhong.call(hz::call::send_mms_task, task, sent) && sent.code_value() == return_code::template_error,
              "SendMmsTask of an unknown template: -6");
        task.mmsid = mmsid;
        std::string too_many = mobiles;
        for (int i = 600; i < 1001; ++i) too_many += ",1368100" + std::to_string(1000 + i);
        task.mobile = too_many;
        std::string body;
        check(!smsgw::encode_append(task, body), "1001 numbers: refused by the encoder (too_many)");
        const std::string by_hand = R"({"userid":"300000","username":"合众测试","password":"123456","mobile":")" + too_many +
                                    R"(","mmsid":")" + mmsid + R"(","cont":""})";
        check(hezhong.call_raw(hz::call::send_mms_task, by_hand, sent) && sent.code_value() == return_code::too_many_mobiles,
              "1001 numbers sent by hand: -5");
        check(hezhong.call_raw(hz::call::send_mms_task, R"({"userid":"300000",)", sent) && sent.code_value() == return_code::bad_json,
              "a body cut short: -10");
        task.mobile = "13681001000";
        task.password = "wrong";
        check(hezhong.call(hz::call::send_mms_task, task, sent) && sent.code_value() == return_code::wrong_password,
              "SendMmsTask with a wrong password: -3");

        // SendVariableMmsTask: each number its own variables; `cont` a string holding the array
        // (the table) or the bare array (the example): the platform reads both.
        const hz::variable a[] = {{"Text1", "张先生"}, {"Text2", "快递"}};
        const hz::variable b[] = {{"Text1", "李女士"}, {"Text2", "包裹"}};
        const hz::recipient people[] = {{"13681002000", a}, {"13681002001", b}};
        hz::send_variable_mms_task_request variable{"300000", "合众测试", "123456", mmsid, "", hz::recipients(people)};
        for (const hz::cont_form form : {hz::cont_form::string, hz::cont_form::array}) {
            variable.cont = hz::recipients(people, form);
            const bool ok = hezhong.call(hz::call::send_variable_mms_task, variable, sent) && sent.code_value() == return_code::success;
            const std::string id(sent.taskid);
            std::lock_guard<std::mutex> g(got.lock);
            std::size_t with_serial = 0;
            for (const pushes::report& r : got.reports) with_serial += r.msgid == id && !r.serial.empty() && r.status == "DELIVRD";
            check(ok && with_serial == 2 && got.reports.size() == 2 && got.replies.size() == 1,
                  form == hz::cont_form::string ? "SendVariableMmsTask, cont a string: \"0\", 2 reports with a serial, a reply"
                                                : "SendVariableMmsTask, cont an array: \"0\", 2 reports with a serial, a reply");
            got.reports.clear();
            got.replies.clear();
        }
        const hz::recipient short_one[] = {{"13681002000", a}, {"13681002001", one}};
        variable.cont = hz::recipients(short_one);
        check(hezhong.call(hz::call::send_variable_mms_task, variable, sent) && sent.code_value() == return_code::bad_variables &&
                  hz::describe(hz::call::send_variable_mms_task, sent.code_value()).english == std::string_view("Bad variable parameters"),
              "SendVariableMmsTask with a number lacking ${Text2}: -11 变量参数有误");

        // What the tasks cost: 600 + 2 + 2 numbers.
        check(hezhong.balance({"300000", smsgw::bytes(user), smsgw::bytes(password)}, balance) && balance.value == 1000 - 604,
              "QueryBalance after the tasks: 396");
        std::lock_guard<std::mutex> g(got.lock);
        for (const std::string& e : got.errors) std::printf("push refused: %s\n", e.c_str());
        check(got.errors.empty(), "every push decoded");
    }
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    receiver.stop();
    receiving.join();
    std::printf("%s\n", failures == 0 ? "every answer as expected" : "some answers were wrong");
    return failures == 0 ? 0 : 1;
}
