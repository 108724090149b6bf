// `cont`, a JSON document inside a JSON string (§四, §五): the input's pieces between NUL bytes
// become the values of Text1, Text2, ...; SendMmsTask's variables and SendVariableMmsTask's
// recipients, in both forms, are encoded escaped twice in one pass and must decode to the same
// values. The input is also decoded as a `cont` string as it stands: never a crash, errors inside
// the message's text.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/hezhong.hpp"

namespace {

namespace hz = smsgw::hezhong;

void check(bool ok) {
    if (!ok) std::abort();
}

const std::array<std::string_view, 8> names{{"Text1", "Text2", "Text3", "Text4", "Text5", "Text6", "Text7", "Text8"}};

template <class M>
M decode_back(const std::string& body, std::vector<smsgw::byte>& scratch) {
    scratch.assign(body.size(), 0);
    M back;
    check(hz::decode(body, back, scratch).ok());
    return back;
}

std::string value_of(const smsgw::codec::json::object& param, std::string_view name) {
    smsgw::codec::json::value v;
    check(param.find(name, v));
    std::string buf(256 * 6, '\0');
    smsgw::writer w(buf.data(), buf.size());
    check(v.unescape(w).ok());
    buf.resize(w.size());
    return buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    std::vector<smsgw::byte> scratch;

    // As it stands, the string of a cont.
    const std::string head = "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"mobile\":\"1\",\"mmsid\":\"m\",\"cont\":\"";
    const std::string raw = head + std::string(in) + "\"}";
    scratch.assign(raw.size(), 0);
    hz::send_mms_task_request task;
    const smsgw::result r = hz::decode(raw, task, scratch);
    if (!r) check(r.offset <= raw.size());

    // Values to encode.
    std::array<hz::variable, names.size()> vars{};
    std::size_t n = 0;
    std::size_t start = 0;
    while (n < vars.size() && start <= in.size() && in.size() <= 256) {
        std::size_t end = in.find('\0', start);
        if (end == std::string_view::npos) end = in.size();
        vars[n] = {names[n], in.substr(start, end - start)};
        ++n;
        start = end + 1;
    }
    const smsgw::span<const hz::variable> given(vars.data(), n);
    task.cont = hz::variables(given);
    task.mobile = "1";
    if (!hz::validate(task)) return 0;
    std::string body;
    check(smsgw::encode_append(task, body).ok());
    const hz::send_mms_task_request back = decode_back<hz::send_mms_task_request>(body, scratch);
    check(back.cont.size() == n);
    std::vector<smsgw::byte> values(body.size());
    for (const hz::variable& v : given) {
        std::string_view got;
        check(back.cont.find(v.name, got, values));
        check(got == v.value);
    }
    check(hz::check_variables("${Text1}${Text2}${Text3}${Text4}${Text5}${Text6}${Text7}${Text8}", back.cont).ok() == (n == 8));

    const std::array<hz::recipient, 2> to{{{"13800138000", given}, {"13900139000", given}}};
    for (hz::cont_form form : {hz::cont_form::string, hz::cont_form::array}) {
        hz::send_variable_mms_task_request v;
        v.userid = "1";
        v.username = "u";
        v.password = "p";
        v.mmsid = "m";
        v.cont = hz::recipients(to, form);
        std::string vbody;
        check(smsgw::encode_append(v, vbody).ok());
        const hz::send_variable_mms_task_request vb = decode_back<hz::send_variable_mms_task_request>(vbody, scratch);
        check(vb.cont.form() == form && vb.cont.size() == 2);
        for (const hz::recipients::entry& e : vb.cont) {
            for (const hz::variable& x : given) check(value_of(e.param, x.name) == x.value);
        }
        std::string again;
        check(smsgw::encode_append(vb, again).ok());
        check(again == vbody);
    }
    return 0;
}
