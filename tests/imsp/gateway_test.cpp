#include "smsgw/imsp.hpp"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "imsp_test.hpp"

// A small IMSP gateway built with the module's decoders and encoders, answering as §3 says,
// and a client built with the same module talking to it.
namespace {

namespace imsp = smsgw::imsp;
using imsp::return_code;
using smsgw::errc;

struct http_answer {
    int status = 200;
    std::string body;
};

class test_gateway {
public:
    http_answer handle(std::string_view path, std::string_view body) {
        imsp::command c{};
        if (!imsp::find_command(path, c)) return {404, {}};
        scratch_.assign(body.size(), 0);
        switch (c) {
        case imsp::command::login: return login(body);
        case imsp::command::send_mms: return send_mms(body);
        case imsp::command::query: return query(body);
        case imsp::command::query_batch: return query_batch(body);
        case imsp::command::get_mime: return get_mime(body);
        case imsp::command::change_passwd: return change_passwd(body);
        }
        return {404, {}};
    }

private:
    struct message {
        std::vector<std::string> numbers;
    };

    // The spec's description of a code, as the gateway writes it.
    static std::string_view text(imsp::command c, return_code code) { return imsp::describe(c, code).english; }

    template <class T>
    static http_answer answer(const T& response, int status = 200) {
        http_answer a{status, {}};
        REQUIRE(smsgw::encode_append(response, a.body));
        return a;
    }

    // -1 for a broken packet, -7 for too many numbers, -2 for any other parameter (§3, §3.2).
    static return_code refusal(const smsgw::result& r, bool emome_to = false) {
        if (r.ec == errc::bad_escape) return return_code::http_packet_error;
        if (r.ec == errc::too_many && r.field != nullptr && std::string_view(r.field) == "to_addr" && !emome_to) {
            return return_code::to_addrs_exceed;
        }
        return return_code::parameter_error;
    }

    bool authentic(std::string_view account, std::string_view password) const {
        return account == account_ && password == password_;
    }

    http_answer login(std::string_view body) {
        auto reply = [](return_code c) { return answer(imsp::login_response{c, {}, text(imsp::command::login, c)}); };
        imsp::login_request r;
        if (auto res = imsp::decode(body, r, scratch_); !res) return reply(refusal(res));
        if (!authentic(r.account, r.password)) return reply(return_code::login_failed);
        return answer(imsp::login_response{return_code::success, "10.1.2.3", {}});
    }

    http_answer send_mms(std::string_view body) {
        auto reply = [](return_code c) { return answer(imsp::send_mms_response{c, {}, {}, text(imsp::command::send_mms, c)}); };
        std::array<imsp::content, 8> parts{};
        imsp::send_mms_request r;
        if (auto res = imsp::decode(body, r, scratch_, parts); !res) {
            return reply(refusal(res, body.find("to_addr_type=1") != std::string_view::npos));
        }
        if (!authentic(r.account, r.password)) return reply(return_code::authentication_failed);
        std::size_t total = 0;
        for (const imsp::content& part : r.contents) total += part.data.size();
        if (total > 100 * 1024) return reply(return_code::content_size_too_large);
        const std::string id = std::to_string(next_id_++);
        message& m = messages_[id];
        std::vector<imsp::failure> failed;
        std::string_view to = r.to_addr;
        while (!to.empty()) {
            const std::size_t comma = std::min(to.find(','), to.size());
            const std::string_view number = to.substr(0, comma);
            if (number.substr(0, 4) == "0900") {
                failed.push_back({number, "Permission Denied"});
            } else {
                m.numbers.emplace_back(number);
            }
            to.remove_prefix(comma == to.size() ? comma : comma + 1);
        }
        if (failed.empty()) return answer(imsp::send_mms_response{return_code::success, id, {}, {}});
        return answer(imsp::send_mms_response{return_code::partial_failure, id, failed, {}});
    }

    http_answer query(std::string_view body) {
        auto reply = [](return_code c) { return answer(imsp::query_response{c, text(imsp::command::query, c)}); };
        imsp::query_request r;
        if (auto res = imsp::decode(body, r, scratch_); !res) return reply(refusal(res));
        if (!authentic(r.account, r.password)) return reply(return_code::authentication_failed);
        const auto it = messages_.find(std::string(r.message_id));
        if (it == messages_.end()) return reply(return_code::message_not_found);
        for (const std::string& n : it->second.numbers) {
            if (n == r.to_address) return reply(static_cast<return_code>(imsp::message_state::delivered));
        }
        return reply(return_code::message_not_found);
    }

    http_answer query_batch(std::string_view body) {
        auto reply = [](return_code c) { return answer(imsp::query_batch_response{c, {}, text(imsp::command::query_batch, c)}); };
        imsp::query_batch_request r;
        if (auto res = imsp::decode(body, r, scratch_); !res) return reply(refusal(res));
        const auto it = messages_.find(std::string(r.message_id));
        if (it == messages_.end()) return reply(return_code::message_not_found);
        std::vector<imsp::batch_entry> entries;
        for (const std::string& n : it->second.numbers) entries.push_back({n, imsp::message_state::submitted, "Submitted to MMSC"});
        return answer(imsp::query_batch_response{return_code{static_cast<int>(entries.size())}, entries, {}});
    }

    http_answer get_mime(std::string_view body) {
        auto reply = [](return_code c) { return answer(imsp::page{c, text(imsp::command::get_mime, c)}, 202); };
        imsp::get_mime_request r;
        if (auto res = imsp::decode(body, r, scratch_); !res) return reply(refusal(res));
        return reply(return_code::no_mo_message);
    }

    http_answer change_passwd(std::string_view body) {
        auto reply = [](return_code c) {
            return answer(imsp::change_passwd_response{c, text(imsp::command::change_passwd, c)});
        };
        imsp::change_passwd_request r;
        if (auto res = imsp::decode(body, r, scratch_); !res) return reply(refusal(res));
        if (!authentic(r.account, r.password)) return reply(return_code::login_failed);
        if (r.newcode.size() < 8) return reply(return_code::change_password_failed);
        password_ = std::string(r.newcode);
        return reply(return_code::success);
    }

    std::string account_ = "1xxxx";
    std::string password_ = "secret";
    std::vector<smsgw::byte> scratch_;
    std::map<std::string, message> messages_;
    int next_id_ = 96625;
};

// The client side: encode, "post", decode the answer. A response's views point into the page
// the client keeps, valid until its next call.
struct client {
    test_gateway& gw;
    std::string page;

    template <class Response, class Request>
    Response call(imsp::command c, const Request& req, int expect_status = 200) {
        std::string body;
        REQUIRE(smsgw::encode_append(req, body));
        http_answer a = gw.handle(imsp::path(c), body);
        CHECK(a.status == expect_status);
        page = std::move(a.body);
        Response r;
        const smsgw::result res = imsp::decode(page, r);
        INFO(page);
        REQUIRE(res);
        return r;
    }
};

}  // namespace

TEST_CASE("gateway: a short conversation") {
    test_gateway gw;
    client cl{gw, {}};
    // §3.1: wrong password, then right
    auto login = cl.call<imsp::login_response, imsp::login_request>(imsp::command::login, {"1xxxx", "wrong"});
    CHECK(login.code == return_code::login_failed);
    CHECK(login.description == "Login failed");
    login = cl.call<imsp::login_response, imsp::login_request>(imsp::command::login, {"1xxxx", "secret"});
    CHECK(login.code == return_code::success);
    CHECK(login.ip == "10.1.2.3");

    // §3.2: two numbers, one refused
    const imsp::content parts[] = {{"T0", "text/plain", std::string_view("哈囉")}};
    imsp::send_mms_request mms;
    mms.account = "1xxxx";
    mms.password = "secret";
    mms.from_addr = "0912345678";
    mms.to_addr = "0937044059,0900111222";
    mms.subject = "測試";
    mms.contents = parts;
    auto sent = cl.call<imsp::send_mms_response, imsp::send_mms_request>(imsp::command::send_mms, mms);
    REQUIRE(sent.code == return_code::partial_failure);
    const std::string id(sent.message_id);
    CHECK(id == "96625");
    REQUIRE(sent.failures.size() == 1);
    CHECK(sent.failures.begin()->to_address == "0900111222");
    CHECK(sent.failures.begin()->reason == "Permission Denied");

    // §3.3 and §3.4
    auto state = cl.call<imsp::query_response, imsp::query_request>(imsp::command::query, {"1xxxx", "secret", id, imsp::address_type::msisdn, "0937044059"});
    REQUIRE(state.has_state());
    CHECK(state.state() == imsp::message_state::delivered);
    state = cl.call<imsp::query_response, imsp::query_request>(imsp::command::query, {"1xxxx", "secret", "1", imsp::address_type::msisdn, "0937044059"});
    CHECK(state.code == return_code::message_not_found);
    const auto batch =
        cl.call<imsp::query_batch_response, imsp::query_batch_request>(imsp::command::query_batch, {"1xxxx", "secret", id});
    CHECK(static_cast<int>(batch.code) == 1);
    REQUIRE(batch.entries.size() == 1);
    CHECK(batch.entries.begin()->msisdn == "0937044059");
    CHECK(batch.entries.begin()->desc == "Submitted to MMSC");

    // §3.5: nothing waiting, HTTP 202
    const auto mo = cl.call<imsp::page, imsp::get_mime_request>(imsp::command::get_mime, {"1xxxx", "secret"}, 202);
    CHECK(mo.code == return_code::no_mo_message);

    // §3.6: a new password, too short first
    auto changed = cl.call<imsp::change_passwd_response, imsp::change_passwd_request>(imsp::command::change_passwd,
                                                                                 {"1xxxx", "secret", "short"});
    CHECK(changed.code == return_code::change_password_failed);
    changed = cl.call<imsp::change_passwd_response, imsp::change_passwd_request>(imsp::command::change_passwd,
                                                                            {"1xxxx", "secret", "N3w!pass"});
    CHECK(changed.code == return_code::success);
    login = cl.call<imsp::login_response, imsp::login_request>(imsp::command::login, {"1xxxx", "N3w!pass"});
    CHECK(login.code == return_code::success);
}

TEST_CASE("gateway: what a careless client sends is answered -1, -2 or -7") {
    test_gateway gw;
    auto post = [&](imsp::command c, std::string_view body) {
        const http_answer a = gw.handle(imsp::path(c), body);
        imsp::page p;
        REQUIRE(imsp::decode(a.body, p));
        return p.code;
    };
    // §4.3 B: "%7"
    CHECK(post(imsp::command::login, "account=1xxxx&password=%7") == return_code::http_packet_error);
    // §4.2: names are lower case
    CHECK(post(imsp::command::login, "Account=1xxxx&Password=secret") == return_code::parameter_error);
    std::string many = "account=1xxxx&password=secret&from_addr=0912345678&subject=x&no_contents=0&to_addr=0937000000";
    for (int i = 1; i < 21; ++i) many += "%2C0937000000";
    CHECK(post(imsp::command::send_mms, many) == return_code::to_addrs_exceed);
    CHECK(post(imsp::command::send_mms,
               "account=1xxxx&password=secret&from_addr=0912345678&subject=x&no_contents=0&to_addr=1%2C2&to_addr_type=1") ==
          return_code::parameter_error);
    CHECK(post(imsp::command::send_mms,
               "account=1xxxx&password=secret&from_addr=0912345678&subject=&no_contents=0&to_addr=0937000000") ==
          return_code::parameter_error);
    CHECK(post(imsp::command::query, "account=1xxxx&password=secret&message_id=1") == return_code::parameter_error);
    CHECK(post(imsp::command::send_mms,
               "account=1xxxx&password=nope&from_addr=0912345678&subject=x&no_contents=0&to_addr=0937000000") ==
          return_code::authentication_failed);
}
