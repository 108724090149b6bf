// A test double of Beijing Hezhong's video MMS platform (docs/hezhong.md) on cpp-httplib: every
// request is decoded with the module's checks and answered as the spec's tables say, and the
// platform's pushes to the customer (the audit notice, `rpts` status reports and `mos` replies)
// are POSTed to the customer's URLs as the platform would, with cpp-httplib's client.
// One account (userid 300000, username "合众测试", password 123456); a template passes its audit
// at once; every number is delivered except 13681001599 (UNDELIV), and the first number of each
// task replies.
//
// The real platform is told the customer's URLs when the account is opened; the double learns
// them from `POST /double/customer` (body: "http://host:port"), which is not part of the API.
// The pushes go to that base + /audit, /report and /mo (the spec's example paths), before the
// task's answer, so that a client finds them waiting once its call returns.
//
//   hezhong_gateway [port]     0 or none: any free port. Prints "127.0.0.1:<port>", then serves.
#include <smsgw/hezhong.hpp>

#include <smsgw/charset.hpp>
#include <smsgw/codec/form.hpp>

#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hz = smsgw::hezhong;
using hz::return_code;

namespace {

struct platform_state {
    std::mutex lock;
    std::string userid = "300000";
    std::string username = "合众测试";  // UTF-8 here; QueryBalance carries it in GBK
    std::string password = "123456";
    std::int64_t balance = 1000;
    std::map<std::string, std::string> templates;  // mmsid -> the text of its text files
    unsigned next_id = 0x142D2B40;
    std::string customer;  // the customer's base URL, empty until told
};

std::string next_id(platform_state& st, const char* suffix) {
    char id[32];
    std::snprintf(id, sizeof id, "%08X%s", st.next_id++, suffix);
    return id;
}

template <class Message>
void answer(httplib::Response& res, const Message& m) {
    std::string body;
    if (!smsgw::encode_append(m, body)) std::abort();  // our own answers are always well formed
    res.set_content(body, "application/json;charset=UTF-8");
}

// The code a refused body earns: -5 for too many numbers, -10 when it is not JSON at all
// (a syntax error names no key), -1 for any other parameter.
return_code refusal(const smsgw::result& r) {
    if (r.ec == smsgw::errc::too_many && r.field && std::string_view(r.field) == "mobile") return return_code::too_many_mobiles;
    return r.field ? return_code::bad_parameters : return_code::bad_json;
}

template <class Request>
bool wrong_account(const Request& req, const platform_state& st) {
    return req.userid != st.userid || req.username != st.username || req.password != st.password;
}

// A task refused: the code as a string, as the task answers carry it.
void refuse_task(httplib::Response& res, hz::call c, return_code code) {
    const std::string number = std::to_string(static_cast<int>(code));
    answer(res, hz::task_response{number, {}, hz::describe(c, code).chinese});
}

// POSTs a push to the customer. The platform ignores the answer ("返回值：无").
void push(const platform_state& st, const std::string& path, const std::string& body, const char* type) {
    if (st.customer.empty()) return;
    httplib::Client customer(st.customer);
    if (!customer.Post(path.c_str(), body, type)) std::fprintf(stderr, "gateway: push to %s failed\n", path.c_str());
}

// A decoded SendVariableMmsTask entry's `param` is a json::object, not an hz::variables:
// this gives it the two members check_variables() uses.
struct object_variables {
    smsgw::codec::json::object o;
    bool has(std::string_view name) const {
        smsgw::codec::json::value v;
        return o.find(name, v);
    }
    template <class F>
    void for_each_name(F&& f) const {
        for (const smsgw::codec::json::member& m : o) {
            std::string_view name;
            if (m.key.get(name)) f(name);
        }
    }
};

// A list of records as the form body `<parameter>=...`, at most 500 records a push (§七, §八).
template <class Record>
void push_list(const platform_state& st, const char* path, std::string_view parameter, const std::vector<Record>& all) {
    for (std::size_t from = 0; from < all.size(); from += hz::max_push_records) {
        const smsgw::span<const Record> part(all.data() + from, std::min(all.size() - from, hz::max_push_records));
        std::string list;
        if (!smsgw::write_append(list, [&](smsgw::writer& w) { return hz::encode_list<Record>(part, w); })) std::abort();
        std::string body;
        smsgw::write_append(body, [&](smsgw::writer& w) {
            return smsgw::codec::form::builder(w).add(parameter, smsgw::bytes(list)).finish();
        });
        push(st, path, body, "application/x-www-form-urlencoded");
    }
}

// What the platform reports after a task: a status report per number and one reply.
void report_task(const platform_state& st, const std::string& taskid, const std::vector<std::string>& numbers, bool serial) {
    std::vector<std::string> serials;
    for (std::size_t i = 0; i < numbers.size(); ++i) serials.push_back(std::to_string(900000 + i));
    std::vector<hz::report> reports;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const bool delivered = numbers[i] != "13681001599";
        reports.push_back({numbers[i], delivered ? "DELIVRD" : "UNDELIV", taskid, "20240229103324", serial ? std::string_view(serials[i]) : std::string_view()});
    }
    push_list(st, "/report", hz::rpts_parameter, reports);

    // The reply's text is URL-encoded UTF-8 inside its record; the form encodes the list again.
    std::string content;
    smsgw::write_append(content, [](smsgw::writer& w) {
        return smsgw::codec::percent::encode(smsgw::bytes(std::string_view("收到, 谢谢; ok")), w, smsgw::codec::percent::style::form);
    });
    push_list(st, "/mo", hz::mos_parameter, std::vector<hz::mo>{{numbers.front(), "001", content, "20240229103500"}});
}

// Decodes a send task's body into `req` and answers the refusal when the body or the account
// is wrong (the error's key and offset go to stderr). True: refused.
template <class Request>
bool refuse_bad_task(hz::call c, const std::string& body, Request& req, std::vector<unsigned char>& scratch,
                     const platform_state& st, httplib::Response& res) {
    if (const smsgw::result r = hz::decode(body, req, scratch); !r) {
        std::fprintf(stderr, "gateway: %s: %s at %s, offset %zu\n", std::string(hz::path(c)).c_str(), r.message(),
                     r.field ? r.field : "?", r.offset);
        refuse_task(res, c, refusal(r));
        return true;
    }
    if (!wrong_account(req, st)) return false;
    refuse_task(res, c, return_code::wrong_password);
    return true;
}

// What both send tasks check before a task is taken: the template, and that `fills` gives
// every ${TextN} of it a value and no other (check_variables).
template <class Variables>
return_code template_refusal(const platform_state& st, std::string_view mmsid, const Variables& fills, return_code variables_wrong) {
    const auto t = st.templates.find(std::string(mmsid));
    if (t == st.templates.end()) return return_code::template_error;
    return hz::check_variables(t->second, fills) ? return_code::success : variables_wrong;
}

// Routes POSTs to `handle(body, res)`, the body read through a content reader: cpp-httplib 0.11
// parses an x-www-form-urlencoded body itself and answers 413 above 8 KB; read this way every
// body is left to smsgw whatever its type says.
template <class Handler>
void route(httplib::Server& server, const std::string& path, Handler handle) {
    server.Post(path, [handle](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& content) {
        std::string body;
        content([&](const char* data, std::size_t n) {
            body.append(data, n);
            return true;
        });
        handle(body, res);
    });
}

void serve(httplib::Server& server, platform_state& st) {
    route(server, "/double/customer", [&](const std::string& body, httplib::Response&) {
        std::lock_guard<std::mutex> g(st.lock);
        st.customer = body;
    });

    route(server, std::string(hz::path(hz::call::save_mms_model)), [&](const std::string& body, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());  // the files' bytes, decoded from hex and base64
        hz::frame frames[20];
        hz::attachment files[100];
        hz::save_mms_model_request req;
        const smsgw::result r = hz::decode(body, req, scratch, hz::mode::strict, smsgw::span<hz::frame>(frames),
                                           smsgw::span<hz::attachment>(files));
        std::lock_guard<std::mutex> g(st.lock);
        const auto failed = [&](return_code code) {
            answer(res, hz::save_mms_model_response{code, hz::describe(hz::call::save_mms_model, code).chinese, {}});
        };
        if (!r) {
            std::fprintf(stderr, "gateway: SaveMmsModel: %s at %s, offset %zu\n", r.message(), r.field ? r.field : "?", r.offset);
            return failed(refusal(r));
        }
        if (wrong_account(req, st)) return failed(return_code::wrong_password);
        // The files: a .txt must be UTF-8 (it holds the ${TextN}), a .jpg a JPEG; else -11.
        std::string text;
        for (const hz::frame& f : req.frames) {
            for (const hz::attachment& a : f.attachments) {
                const smsgw::bytes data = a.hex16str.empty() ? a.base64str : a.hex16str;
                const std::string_view name = a.file_name, s(reinterpret_cast<const char*>(data.data()), data.size());
                const bool txt = name.size() > 4 && name.substr(name.size() - 4) == ".txt";
                const bool jpg = name.size() > 4 && name.substr(name.size() - 4) == ".jpg";
                if ((txt && !smsgw::codec::utf8::validate(s)) || (jpg && (s.substr(0, 2) != "\xFF\xD8" || s.substr(s.size() - 2) != "\xFF\xD9"))) {
                    return failed(return_code::file_read_error);
                }
                if (txt) text += s;
            }
        }
        const std::string mmsid = next_id(st, "270F0001");
        st.templates[mmsid] = text;
        // The carrier's audit, at once: passed by China Mobile (§三).
        std::string notice;
        smsgw::encode_append(hz::audit_notification{st.username, mmsid, "1", "通过", "1"}, notice);
        push(st, "/audit", notice, "application/json;charset=UTF-8");
        answer(res, hz::save_mms_model_response{return_code::success, "提交成功", mmsid});
    });

    route(server, std::string(hz::path(hz::call::send_mms_task)), [&](const std::string& body, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());
        hz::send_mms_task_request req;
        std::lock_guard<std::mutex> g(st.lock);
        constexpr hz::call c = hz::call::send_mms_task;
        if (refuse_bad_task(c, body, req, scratch, st, res)) return;
        // SendMmsTask's table has no code for wrong variables: the template error (-6) stands for it.
        if (const return_code code = template_refusal(st, req.mmsid, req.cont, return_code::template_error); code != return_code::success) {
            return refuse_task(res, c, code);
        }
        std::vector<std::string> numbers;
        for (std::size_t from = 0; from <= req.mobile.size();) {
            const std::size_t comma = std::min(req.mobile.find(',', from), req.mobile.size());
            numbers.emplace_back(req.mobile.substr(from, comma - from));
            from = comma + 1;
        }
        if (st.balance < static_cast<std::int64_t>(numbers.size())) return refuse_task(res, c, return_code::insufficient_balance);
        st.balance -= static_cast<std::int64_t>(numbers.size());
        const std::string taskid = next_id(st, "270F0005");
        report_task(st, taskid, numbers, false);
        answer(res, hz::task_response{"0", taskid, "提交成功"});
    });

    route(server, std::string(hz::path(hz::call::send_variable_mms_task)), [&](const std::string& body, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());
        hz::send_variable_mms_task_request req;
        std::lock_guard<std::mutex> g(st.lock);
        constexpr hz::call c = hz::call::send_variable_mms_task;
        if (refuse_bad_task(c, body, req, scratch, st, res)) return;
        // Each entry's `param` must fill the template: -11 (变量参数有误) otherwise.
        std::vector<std::string> numbers;
        for (const hz::recipients::entry& e : req.cont) {
            if (const return_code code = template_refusal(st, req.mmsid, object_variables{e.param}, return_code::bad_variables);
                code != return_code::success) {
                return refuse_task(res, c, code);
            }
            numbers.emplace_back(e.mobile);
        }
        st.balance -= static_cast<std::int64_t>(numbers.size());
        const std::string taskid = next_id(st, "270F0006");
        report_task(st, taskid, numbers, true);  // these reports carry the fifth field
        answer(res, hz::task_response{"0", taskid, "提交成功"});
    });

    // QueryBalance is a GET; the query is read from the raw target, not from httplib's params,
    // so that smsgw percent-decodes the GBK bytes.
    server.Get(std::string(hz::path(hz::call::query_balance)), [&](const httplib::Request& http, httplib::Response& res) {
        const std::size_t q = http.target.find('?');
        const std::string query = q == std::string::npos ? "" : http.target.substr(q + 1);
        std::vector<unsigned char> scratch(query.size());
        hz::query_balance_request req;
        const smsgw::result r = hz::decode(query, req, scratch);
        std::lock_guard<std::mutex> g(st.lock);
        std::string username;  // the GBK bytes, back in UTF-8
        smsgw::write_append(username, [&](smsgw::writer& w) { return smsgw::charset::decode(smsgw::charset::encoding::gbk, req.username, w); });
        const std::string_view password(reinterpret_cast<const char*>(req.password.data()), req.password.size());
        // The spec lists no failure codes ("其他查询失败"): the double answers -1 and -3.
        hz::balance_reply reply{st.balance};
        if (!r) reply.value = -1;
        else if (req.userid != st.userid || username != st.username || password != st.password) reply.value = -3;
        std::string body;
        smsgw::encode_append(reply, body);
        res.set_content(body, "text/plain");
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
