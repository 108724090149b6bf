// The HTTP SMS platform: `smsplat <call> [--reply] [--tolerant]` decodes a call's parameters as
// the platform (or, for push, the customer) would, or with --reply the platform's answer. The
// parameters may be a whole URL as the spec prints them: what precedes '?' is dropped.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bind_printed.hpp"
#include "inspect.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/smsplat.hpp"

namespace {

namespace smsplat = smsgw::smsplat;
using json = smsgw::codec::json::writer;

int fail_with(std::string& out, const smsgw::result& r) {
    inspect::emit_error(out, r);
    return 1;
}

void code_members(json& j, unsigned status, const smsplat::code_text& t) {
    j.member("respstatus", status);
    if (t.known()) j.member("meaning", t.english).member("meaning_zh", t.chinese);
}

template <class Request>
int request(std::string_view in, smsplat::mode m, std::string& out) {
    const std::size_t query = in.find('?');
    const std::string_view params = query == std::string_view::npos ? in : in.substr(query + 1);
    std::vector<smsgw::byte> scratch(params.size());
    Request r;
    if (auto res = smsplat::decode(params, r, scratch, m); !res) {
        if (query != std::string_view::npos) res.offset += query + 1;
        return fail_with(out, res);
    }
    inspect::emit(out, [&](json& j) {
        j.member("call", smsplat::name(Request::endpoint));
        smsgw::codec::fields::write_json_members(j, r, {true});
        if constexpr (std::is_same_v<Request, smsplat::var_sm_request>) {
            j.key("records").begin_array();
            for (const smsgw::codec::delimited::record& rec : smsplat::params(r)) {
                j.begin_array();
                for (std::size_t k = 0; k < rec.size(); ++k) j.string(rec[k]);
                j.end_array();
            }
            j.end_array();
        }
        if constexpr (std::is_same_v<Request, smsplat::push_request>) {
            const smsplat::code_text t = describe(classify(r));
            j.member("meaning", t.english).member("meaning_zh", t.chinese);
        }
    });
    return 0;
}

template <class Reply, class Print>
int reply(std::string_view in, smsplat::mode m, smsplat::call c, std::string& out, Print print) {
    Reply r;
    if (auto res = smsplat::decode(in, r, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("call", smsplat::name(c)).member("resptime", r.resptime);
        print(j, r);
    });
    return 0;
}

// Calls f(Request{}) with the request of call c.
template <class F>
int with_request(smsplat::call c, F&& f) {
    switch (c) {
    case smsplat::call::batch_send: return f(smsplat::batch_send_request{});
    case smsplat::call::var_sm: return f(smsplat::var_sm_request{});
    case smsplat::call::push: return f(smsplat::push_request{});
    case smsplat::call::query_balance: return f(smsplat::query_balance_request{});
    case smsplat::call::recharge: return f(smsplat::recharge_request{});
    case smsplat::call::user_manage: return f(smsplat::user_manage_request{});
    }
    return 2;
}

int run(const inspect::args& a, std::string_view in, std::string& out) {
    smsplat::call c{};
    if (a.empty() || !smsplat::find_call(a[0], c)) return 2;
    bool answer = false;
    smsplat::mode m = smsplat::mode::strict;
    for (std::size_t k = 1; k < a.size(); ++k) {
        if (a[k] == "--reply") {
            answer = true;
        } else if (a[k] == "--tolerant") {
            m = smsplat::mode::tolerant;
        } else {
            return 2;
        }
    }
    if (!answer) return with_request(c, [&](auto r) { return request<decltype(r)>(in, m, out); });
    switch (c) {
    case smsplat::call::batch_send:
    case smsplat::call::var_sm:
        return reply<smsplat::send_reply>(in, m, c, out, [](json& j, const smsplat::send_reply& r) {
            code_members(j, static_cast<unsigned>(r.respstatus), describe(r.respstatus));
            if (!r.msgid.empty()) j.member("msgid", r.msgid);
        });
    case smsplat::call::query_balance:
        return reply<smsplat::query_balance_reply>(in, m, c, out, [](json& j, const smsplat::query_balance_reply& r) {
            code_members(j, static_cast<unsigned>(r.status), describe(r.status));
            j.key("products").begin_array();
            for (const smsplat::product_balance& p : r.products) {
                j.begin_object().member("productid", p.productid).member("balance", p.balance).end_object();
            }
            j.end_array();
        });
    case smsplat::call::recharge:
        return reply<smsplat::recharge_reply>(in, m, c, out, [](json& j, const smsplat::recharge_reply& r) {
            code_members(j, static_cast<unsigned>(r.status), describe(r.status));
        });
    case smsplat::call::user_manage:
        return reply<smsplat::user_manage_reply>(in, m, c, out, [](json& j, const smsplat::user_manage_reply& r) {
            code_members(j, static_cast<unsigned>(r.status), describe(r.status));
            if (!r.description.empty()) j.member("description", r.description);
        });
    case smsplat::call::push: return 2;  // the spec defines no answer to a push
    }
    return 2;
}

// A request's parameters from its printed fields; the replies do not encode.
bool encode(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    smsplat::call c{};
    smsplat::mode m = smsplat::mode::strict;
    for (std::size_t k = 1; k < a.size(); ++k) {
        if (a[k] == "--reply") return false;
        if (a[k] == "--tolerant") m = smsplat::mode::tolerant;
    }
    if (a.empty() || !smsplat::find_call(a[0], c)) return false;
    return with_request(c, [&](auto tag) {
               using Request = decltype(tag);
               return inspect::encode_printed<Request>(printed, {true}, in, m, bytes,
                                                       [](const Request& r, smsgw::writer& w) { return smsplat::encode(r, w); })
                          ? 0
                          : 1;
           }) == 0;
}

const inspect::registrar format{
    {"smsplat",
     "<call> [--reply] [--tolerant]  the HTTP SMS platform: a call's parameters (or URL), or with --reply its answer "
     "(HttpBatchSendSM, HttpVarSM, push, QueryBalance, Recharge, UserManage)",
     &run, &inspect::on_object<encode>, "HttpBatchSendSM smsplat-HttpBatchSendSM/spec-example.txt"}};

}  // namespace
