// A test double of Chunghwa's IMSP MMS gateway (docs/imsp.md) on cpp-httplib: every request is
// decoded with the checks the real gateway applies and answered with the page it would send.
// One account ("1xxxx"), every message delivered at once, and the last MMS sent comes back to
// get_mime as a mobile-originated one, so that a client can check what it reads.
//
//   imsp_gateway [port]     0 or none: any free port. Prints "127.0.0.1:<port>", then serves.
#include <smsgw/imsp.hpp>

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace imsp = smsgw::imsp;
using imsp::return_code;

namespace {

struct sent_message {
    std::vector<std::string> numbers;
    std::string subject;
    std::vector<std::string> ids, types, contents;  // what get_mime hands back
};

struct gateway_state {
    std::mutex lock;
    std::string account = "1xxxx";
    std::string password = "xxxxxxxx";
    std::map<std::string, sent_message> messages;  // by message id
    std::string mo_waiting;                        // the id get_mime answers with, once
    unsigned next_id = 96625;
};

// The page every command answers with, its description the spec's text for the code.
template <class Response>
void answer(httplib::Response& res, const Response& r, int status = 200) {
    std::string body;
    if (!smsgw::encode_append(r, body)) std::abort();  // our own answers are always well formed
    res.status = status;
    res.set_content(body, "text/html");
}

template <class Response>
Response failure(imsp::command c, return_code code) {
    Response r{};
    r.code = code;
    r.description = imsp::describe(c, code).english;
    return r;
}

// Decodes the body into `req` with the gateway's checks and answers what it would when they or
// the account fail: a bad %-escape is -1, anything else -2 (the error names the parameter at
// fault), wrong credentials -21 for login and change_passwd, -4 for the others. True: answered.
template <class Response, class Request>
bool refuse_bad(const std::string& body, httplib::Response& res, Request& req, std::vector<unsigned char>& scratch,
                gateway_state& st) {
    scratch.resize(body.size());
    const smsgw::result r = imsp::decode(body, req, scratch);
    if (!r) {
        std::fprintf(stderr, "gateway: %s: %s at %s, offset %zu\n", std::string(imsp::name(Request::command)).c_str(),
                     r.message(), r.field ? r.field : "?", r.offset);
        answer(res, failure<Response>(Request::command, r.ec == smsgw::errc::bad_escape ? return_code::http_packet_error
                                                                                           : return_code::parameter_error));
        return true;
    }
    if (req.account != st.account || req.password != st.password) {
        const bool login = Request::command == imsp::command::login || Request::command == imsp::command::change_passwd;
        answer(res, failure<Response>(Request::command, login ? return_code::login_failed : return_code::authentication_failed));
        return true;
    }
    return false;
}

// Routes a command's POSTs to `handle(body, http, res)`. The body is read through a content
// reader: cpp-httplib (0.11) parses an x-www-form-urlencoded body itself and answers 413 above
// 8 KB, which would refuse any send_mms with a picture; read this way it is left to smsgw.
template <class Handler>
void route(httplib::Server& server, imsp::command c, Handler handle) {
    server.Post(std::string(imsp::path(c)),
                [handle](const httplib::Request& http, httplib::Response& res, const httplib::ContentReader& content) {
                    std::string body;
                    content([&](const char* data, std::size_t n) {
                        body.append(data, n);
                        return true;
                    });
                    handle(body, http, res);
                });
}

void serve(httplib::Server& server, gateway_state& st) {
    using imsp::command;
    route(server, command::login, [&](const std::string& body, const httplib::Request& http, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        imsp::login_request req;
        std::lock_guard<std::mutex> g(st.lock);
        if (refuse_bad<imsp::login_response>(body, res, req, scratch, st)) return;
        answer(res, imsp::login_response{return_code::success, http.remote_addr, {}});
    });

    route(server, command::send_mms, [&](const std::string& body, const httplib::Request&, httplib::Response& res) {
        std::vector<unsigned char> scratch(body.size());
        imsp::content storage[16];
        imsp::send_mms_request req;
        const smsgw::result r = imsp::decode(body, req, scratch, storage);
        std::lock_guard<std::mutex> g(st.lock);
        if (!r) {
            std::fprintf(stderr, "gateway: send_mms: %s at %s, offset %zu\n", r.message(), r.field ? r.field : "?", r.offset);
            // More than 20 numbers has its own code (-7); the rest is a parameter error.
            const return_code code = r.ec == smsgw::errc::bad_escape ? return_code::http_packet_error
                                     : r.ec == smsgw::errc::too_many && r.field == std::string_view("to_addr") ? return_code::to_addrs_exceed
                                                                                               : return_code::parameter_error;
            answer(res, failure<imsp::send_mms_response>(command::send_mms, code));
            return;
        }
        if (req.account != st.account || req.password != st.password) {
            answer(res, failure<imsp::send_mms_response>(command::send_mms, return_code::authentication_failed));
            return;
        }
        const std::string id = std::to_string(st.next_id++);
        sent_message& m = st.messages[id];
        m.subject = std::string(req.subject);
        for (const imsp::content& c : req.contents) {
            m.ids.emplace_back(c.id);
            m.types.emplace_back(c.type);
            m.contents.emplace_back(reinterpret_cast<const char*>(c.data.data()), c.data.size());
        }
        // Numbers starting 0937 are the double's "not PLMN" ones: code 1 names them.
        std::vector<imsp::failure> failed;
        std::string_view to = req.to_addr;
        for (std::size_t start = 0; start <= to.size();) {
            std::size_t comma = to.find(',', start);
            if (comma == std::string_view::npos) comma = to.size();
            const std::string_view number = to.substr(start, comma - start);
            if (number.substr(0, 4) == "0937") {
                failed.push_back({number, "not PLMN"});
            } else {
                m.numbers.emplace_back(number);
            }
            start = comma + 1;
        }
        st.mo_waiting = id;
        imsp::send_mms_response resp{failed.empty() ? return_code::success : return_code::partial_failure, id, failed, {}};
        answer(res, resp);
    });

    route(server, command::query, [&](const std::string& body, const httplib::Request&, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        imsp::query_request req;
        std::lock_guard<std::mutex> g(st.lock);
        if (refuse_bad<imsp::query_response>(body, res, req, scratch, st)) return;
        const auto m = st.messages.find(std::string(req.message_id));
        if (m == st.messages.end()) {
            answer(res, failure<imsp::query_response>(command::query, return_code::message_not_found));
            return;
        }
        const auto delivered = static_cast<return_code>(imsp::message_state::delivered);
        answer(res, imsp::query_response{delivered, imsp::describe(imsp::message_state::delivered).english});
    });

    route(server, command::query_batch, [&](const std::string& body, const httplib::Request&, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        imsp::query_batch_request req;
        std::lock_guard<std::mutex> g(st.lock);
        if (refuse_bad<imsp::query_batch_response>(body, res, req, scratch, st)) return;
        const auto m = st.messages.find(std::string(req.message_id));
        if (m == st.messages.end()) {
            answer(res, failure<imsp::query_batch_response>(command::query_batch, return_code::message_not_found));
            return;
        }
        std::vector<imsp::batch_entry> entries;
        for (const std::string& n : m->second.numbers) {
            entries.push_back({n, imsp::message_state::delivered, imsp::describe(imsp::message_state::delivered).english});
        }
        answer(res, imsp::query_batch_response{static_cast<return_code>(entries.size()), entries, {}});
    });

    route(server, command::get_mime, [&](const std::string& body, const httplib::Request&, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        imsp::get_mime_request req;
        std::lock_guard<std::mutex> g(st.lock);
        if (refuse_bad<imsp::page>(body, res, req, scratch, st)) return;
        if (st.mo_waiting.empty()) {  // 202 and code 1: nothing waiting
            answer(res, failure<imsp::page>(command::get_mime, return_code::no_mo_message), 202);
            return;
        }
        const std::string id = std::exchange(st.mo_waiting, {});
        const sent_message& m = st.messages[id];
        std::vector<std::string> names;  // "<msgid>_<n>.<ext>", as the gateway names its files
        for (std::size_t i = 0; i < m.contents.size(); ++i) {
            const char* ext = m.types[i] == "image/jpeg" ? ".jpg" : m.types[i].rfind("text/", 0) == 0 ? ".txt" : ".bin";
            names.push_back(id + "_" + std::to_string(i + 1) + ext);
        }
        std::vector<smsgw::mime::part_spec> specs;
        for (std::size_t i = 0; i < m.contents.size(); ++i) {
            smsgw::mime::part_spec p;
            p.content_type = m.types[i];
            p.content = smsgw::bytes(m.contents[i]);
            p.filename = names[i];
            p.content_id = m.ids[i];
            specs.push_back(p);
        }
        const imsp::mo_packet packet{"2005/03/08 13:52:53 CST", "0912345678", "0988123456", id, m.subject, specs};
        answer(res, packet);
    });

    route(server, command::change_passwd, [&](const std::string& body, const httplib::Request&, httplib::Response& res) {
        std::vector<unsigned char> scratch;
        imsp::change_passwd_request req;
        std::lock_guard<std::mutex> g(st.lock);
        if (refuse_bad<imsp::change_passwd_response>(body, res, req, scratch, st)) return;
        if (req.newcode.size() < 8) {  // -34: at least eight characters
            answer(res, failure<imsp::change_passwd_response>(command::change_passwd, return_code::change_password_failed));
            return;
        }
        st.password = std::string(req.newcode);
        answer(res, failure<imsp::change_passwd_response>(command::change_passwd, return_code::success));
    });
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
