// IMSP answers: every typed decoder on arbitrary bytes, get_mime's MIME packet (HTTP 200)
// included. Whatever page decodes must encode again and decode to the same values (the
// gateway's own spacing, the spec's texts for empty descriptions); a packet that decodes has as
// many contents as its Content_number, each decodable; an error points inside the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/imsp.hpp"

namespace {

namespace imsp = smsgw::imsp;

void check(bool ok) {
    if (!ok) std::abort();
}

bool inside(std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

template <class T>
std::string encoded(const T& value) {
    std::string s;
    check(smsgw::encode_append(value, s).ok());
    return s;
}

template <class T>
bool decoded(std::string_view in, T& out) {
    const smsgw::result r = imsp::decode(in, out);
    if (r) {
        check(r.offset == in.size());
    } else {
        check(r.offset <= in.size() && r.ec != smsgw::errc::buffer_too_small);
    }
    return r.ok();
}

void page(std::string_view in) {
    imsp::page p;
    if (!decoded(in, p)) return;
    check(inside(p.description, in));
    const std::string again = encoded(p);
    imsp::page back;
    check(decoded(again, back));
    check(back.code == p.code && back.description == p.description);
    check(encoded(back) == again);
}

void login(std::string_view in) {
    imsp::login_response r;
    if (!decoded(in, r)) return;
    check(inside(r.ip, in));
    imsp::login_response back;
    const std::string again = encoded(r);
    check(decoded(again, back));
    check(back.code == r.code && back.ip == r.ip);
}

void send_mms(std::string_view in) {
    imsp::send_mms_response r;
    if (!decoded(in, r)) return;
    std::vector<imsp::failure> failures(r.failures.begin(), r.failures.end());
    check(failures.size() == r.failures.size());
    for (const imsp::failure& f : failures) check(inside(f.to_address, in) && inside(f.reason, in) && !f.to_address.empty());
    imsp::send_mms_response back;
    const std::string again = encoded(r);
    check(decoded(again, back));
    check(back.code == r.code && back.message_id == r.message_id);
    std::vector<imsp::failure> other(back.failures.begin(), back.failures.end());
    check(other.size() == failures.size());
    for (std::size_t i = 0; i < other.size(); ++i) {
        check(other[i].to_address == failures[i].to_address && other[i].reason == failures[i].reason);
    }
}

void query(std::string_view in) {
    imsp::query_response r;
    if (!decoded(in, r)) return;
    imsp::query_response back;
    const std::string again = encoded(r);
    check(decoded(again, back));
    check(back.code == r.code);
}

void change_passwd(std::string_view in) {
    imsp::change_passwd_response r;
    if (!decoded(in, r)) return;
    imsp::change_passwd_response back;
    const std::string again = encoded(r);
    check(decoded(again, back));
    check(back.code == r.code && back.description == r.description);
}

void get_mime(std::string_view in) {
    smsgw::mime::part storage[16];
    for (const smsgw::mime::options& opt : {smsgw::mime::strict_options, smsgw::mime::tolerant_options}) {
        imsp::get_mime_response r;
        const smsgw::result res = imsp::decode(200, in, r, storage, opt);
        if (!res) {
            check(res.offset <= in.size());
            continue;
        }
        check(res.offset == in.size() && r.has_packet() && inside(r.msgid, in) && inside(r.subject, in));
        std::uint32_t n = 0;
        for (const smsgw::mime::part& p : r.contents()) {
            ++n;
            std::vector<char> content(p.decoded_size_max());
            smsgw::writer w(content.data(), content.size());
            const smsgw::result c = smsgw::mime::decode_content(p, w, smsgw::mime::mode::tolerant);
            check(c.ok() && c.offset <= content.size());
        }
        check(n == r.content_number);
        smsgw::writer measure;
        imsp::decode_subject(r, measure);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    page(in);
    login(in);
    send_mms(in);
    query(in);
    change_passwd(in);
    get_mime(in);
    return 0;
}
