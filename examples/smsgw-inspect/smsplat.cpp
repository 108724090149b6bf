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

// Each reply's members, one description for printing them and reading them back: resptime,
// respstatus (printed with its meaning), then the reply's own.
template <class V, class Reply>
void walk_reply(V& v, Reply& r) {
    v.text("resptime", r.resptime);
    if constexpr (std::is_same_v<std::remove_const_t<Reply>, smsplat::send_reply>) {
        v.status(r.respstatus);
        v.text_if_set("msgid", r.msgid);
    } else {
        v.status(r.status);
    }
    if constexpr (std::is_same_v<std::remove_const_t<Reply>, smsplat::query_balance_reply>) v.products(r.products);
    if constexpr (std::is_same_v<std::remove_const_t<Reply>, smsplat::user_manage_reply>) v.text_if_set("description", r.description);
}

struct reply_printer {
    json& j;
    void text(const char* key, std::string_view value) { j.member(key, value); }
    void text_if_set(const char* key, std::string_view value) {
        if (!value.empty()) j.member(key, value);
    }
    template <class Status>
    void status(Status s) {
        code_members(j, static_cast<unsigned>(s), describe(s));
    }
    void products(const smsplat::product_list& list) {
        j.key("products").begin_array();
        for (const smsplat::product_balance& p : list) j.begin_object().member("productid", p.productid).member("balance", p.balance).end_object();
        j.end_array();
    }
};

template <class Reply>
int reply(std::string_view in, smsplat::mode m, smsplat::call c, std::string& out) {
    Reply r;
    if (auto res = smsplat::decode(in, r, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("call", smsplat::name(c));
        reply_printer p{j};
        walk_reply(p, r);
    });
    return 0;
}

// The reply walk read back from what reply_printer printed.
struct reply_reader {
    const smsgw::codec::json::object& printed;
    inspect::reader& in;
    std::vector<smsplat::product_balance> product_items;

    bool find(const char* key, smsgw::codec::json::value& v, bool required) {
        if (printed.find(key, v)) return true;
        if (required) in.refuse(smsgw::errc::missing_field, printed.as_value(), std::string(".") + key);
        return false;
    }
    void text(const char* key, std::string_view& value) {
        smsgw::codec::json::value v;
        if (find(key, v, true)) in.text(v, value, std::string(".") + key);
    }
    void text_if_set(const char* key, std::string_view& value) {
        smsgw::codec::json::value v;
        if (find(key, v, false)) in.text(v, value, std::string(".") + key);
    }
    template <class Status>
    void status(Status& s) {
        smsgw::codec::json::value v;
        unsigned code = 0;
        if (find("respstatus", v, true) && in.number(v, code, ".respstatus")) s = static_cast<Status>(code);
    }
    void products(const smsplat::product_list&) {
        smsgw::codec::json::value v;
        smsgw::codec::json::array items;
        if (!find("products", v, true)) return;
        if (const smsgw::result r = v.get(items); !r) {
            in.refuse(r, ".products");
            return;
        }
        for (const smsgw::codec::json::value& item : items) {
            const std::string path = ".products[" + std::to_string(product_items.size()) + "]";
            smsgw::codec::json::object p;
            smsgw::codec::json::value f;
            smsplat::product_balance b;
            if (const smsgw::result r = item.get(p); !r) {
                in.refuse(r, path);
                return;
            }
            if (!p.find("productid", f) || !in.text(f, b.productid, path + ".productid")) {
                in.refuse(smsgw::errc::missing_field, item, path + ".productid");
                return;
            }
            if (!p.find("balance", f) || !in.number(f, b.balance, path + ".balance")) {
                in.refuse(smsgw::errc::missing_field, item, path + ".balance");
                return;
            }
            product_items.push_back(b);
        }
    }
};

template <class Reply>
bool encode_reply(const smsgw::codec::json::object& printed, std::string& bytes, inspect::reader& in) {
    Reply r{};
    reply_reader read{printed, in, {}};
    walk_reply(read, r);
    if (!in.ok()) return false;
    const smsgw::result res = smsgw::write_append(bytes, [&](smsgw::writer& w) {
        if constexpr (std::is_same_v<Reply, smsplat::query_balance_reply>) {
            return smsplat::encode(r.resptime, r.status, smsgw::span<const smsplat::product_balance>(read.product_items), w);
        } else {
            return smsplat::encode(r, w);
        }
    });
    return res ? true : in.refuse(res, res.field != nullptr ? std::string(".") + res.field : std::string());
}

// Calls f(Reply{}) with the reply to call c; 2 when the call has none (push).
template <class F>
int with_reply(smsplat::call c, F&& f) {
    switch (c) {
    case smsplat::call::batch_send:
    case smsplat::call::var_sm: return f(smsplat::send_reply{});
    case smsplat::call::query_balance: return f(smsplat::query_balance_reply{});
    case smsplat::call::recharge: return f(smsplat::recharge_reply{});
    case smsplat::call::user_manage: return f(smsplat::user_manage_reply{});
    case smsplat::call::push: return 2;  // the spec defines no answer to a push
    }
    return 2;
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
    return with_reply(c, [&](auto tag) { return reply<decltype(tag)>(in, m, c, out); });
}

// A request's parameters from its printed fields, or a reply from its walk.
bool encode(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    smsplat::call c{};
    smsplat::mode m = smsplat::mode::strict;
    bool answer = false;
    for (std::size_t k = 1; k < a.size(); ++k) {
        answer = answer || a[k] == "--reply";
        if (a[k] == "--tolerant") m = smsplat::mode::tolerant;
    }
    if (a.empty() || !smsplat::find_call(a[0], c)) return false;
    if (answer) return with_reply(c, [&](auto tag) { return encode_reply<decltype(tag)>(printed, bytes, in) ? 0 : 1; }) == 0;
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
