// An IMSP MMS client (docs/imsp.md) on libcurl: smsgw writes each form body and reads each
// answer; curl only moves bytes. It runs a whole session against a gateway (the real one is
// https://imsp.emome.net:4443; examples/imsp_gateway.cpp is a test double) and checks every
// answer, so it doubles as the test of the pair:
// login, send_mms with a 100 KB JPEG, query, query_batch, get_mime with its parts written to
// files, change_passwd, and the failure pages the spec documents.
//
//   imsp_client <host:port>      plain HTTP to a test double; exits 0 when every answer was right
#include <smsgw/imsp.hpp>

#include <curl/curl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace imsp = smsgw::imsp;
using imsp::return_code;

namespace {

struct http_answer {
    long status = 0;
    std::string body;
};

// POSTs an x-www-form-urlencoded body; the answer's status and body.
http_answer post(CURL* curl, const std::string& url, const std::string& body) {
    http_answer a;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
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

class client {
public:
    client(CURL* curl, std::string base) : curl_(curl), base_(std::move(base)) {}

    // Encodes the request, POSTs it to its command's path and decodes the answer page into
    // `resp`. Its views point into the answer, which the client keeps until the next call:
    // copy what must outlive it (a message id) before calling again.
    template <class Request, class Response>
    long call(const Request& req, Response& resp) {
        std::string body;
        if (const smsgw::result r = smsgw::encode_append(req, body); !r) {
            std::printf("not sent: %s at %s\n", r.message(), r.field ? r.field : "?");  // names the field at fault
            return 0;
        }
        return call_raw(Request::command, body, resp);
    }

    // The same with a body written by hand (to provoke the gateway's own refusals).
    template <class Response>
    long call_raw(imsp::command c, const std::string& body, Response& resp) {
        last_ = post(curl_, base_ + std::string(imsp::path(c)), body);
        return imsp::decode(last_.body, resp) ? last_.status : -1;
    }

    // get_mime answers a MIME packet (200) or a page (202): its decoder takes the status too.
    bool get_mime(const imsp::get_mime_request& req, imsp::get_mime_response& resp, smsgw::span<smsgw::mime::part> storage) {
        std::string body;
        if (!smsgw::encode_append(req, body)) return false;
        last_ = post(curl_, base_ + std::string(imsp::path(imsp::command::get_mime)), body);
        return static_cast<bool>(imsp::decode(static_cast<int>(last_.status), last_.body, resp, storage));
    }

private:
    CURL* curl_;
    std::string base_;
    http_answer last_;  // what the last response views
};

std::string fake_jpeg(std::size_t size) {  // SOI, APP0, filler, EOI: enough for a gateway
    std::string j = "\xFF\xD8\xFF\xE0";
    for (std::size_t i = 0; j.size() < size - 2; ++i) j.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
    return j + "\xFF\xD9";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: imsp_client <host:port>\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    client gw(curl, std::string("http://") + argv[1]);

    imsp::login_request login{"1xxxx", "wrong"};
    imsp::login_response l;
    check(gw.call(login, l) == 200 && l.code == return_code::login_failed, "login with a wrong password: -21");
    login.password = "xxxxxxxx";
    check(gw.call(login, l) == 200 && l.code == return_code::success && l.ip == "127.0.0.1",
          "login: 0 and the address the gateway saw");

    // send_mms: a text and a 100 KB JPEG to two numbers; the double refuses 0937... as not PLMN.
    const std::string jpeg = fake_jpeg(100 * 1024);
    const std::string_view text = "此為要傳送的文字內容";
    const imsp::content parts[] = {{"T0", "text/plain", text}, {"I0", "image/jpeg", smsgw::bytes(jpeg)}};
    imsp::send_mms_request mms;
    mms.account = "1xxxx";
    mms.password = "xxxxxxxx";
    mms.from_addr = "0912345678";
    mms.to_addr = "0988123456,0937044059";
    mms.subject = "含兩段文字、及一張圖";
    mms.contents = parts;
    imsp::send_mms_response sent;
    check(gw.call(mms, sent) == 200 && sent.code == return_code::partial_failure && !sent.message_id.empty(),
          "send_mms: code 1 with a message id");
    const std::string id(sent.message_id);
    std::vector<std::string> refused;
    for (const imsp::failure& f : sent.failures) refused.emplace_back(f.to_address);
    check(refused == std::vector<std::string>{"0937044059"}, "send_mms: the refused number named");

    imsp::query_response q;
    check(gw.call(imsp::query_request{"1xxxx", "xxxxxxxx", id, imsp::address_type::msisdn, "0988123456"}, q) == 200 &&
              q.has_state() && q.state() == imsp::message_state::delivered,
          "query: delivered");
    check(gw.call(imsp::query_request{"1xxxx", "xxxxxxxx", "1", imsp::address_type::msisdn, "0988123456"}, q) == 200 &&
              q.code == return_code::message_not_found,
          "query of an unknown id: -31");

    imsp::query_batch_response batch;
    gw.call(imsp::query_batch_request{"1xxxx", "xxxxxxxx", id}, batch);
    std::size_t delivered = 0;
    for (const imsp::batch_entry& e : batch.entries) delivered += e.msisdn == "0988123456" && e.status == imsp::message_state::delivered;
    check(static_cast<int>(batch.code) == 1 && delivered == 1, "query_batch: one entry, delivered");

    // get_mime: the double hands back the MMS just sent; its parts go to files, as a client keeps them.
    const imsp::get_mime_request mo{"1xxxx", "xxxxxxxx"};
    smsgw::mime::part storage[8];  // the packet and its parts
    imsp::get_mime_response got;
    check(gw.get_mime(mo, got, storage) && got.has_packet() && got.msgid == id, "get_mime: 200 and the packet");
    std::string subject;
    smsgw::write_append(subject, [&](smsgw::writer& w) { return imsp::decode_subject(got, w); });
    check(subject == mms.subject, "get_mime: the subject in UTF-8");
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("imsp_client_" + id);
    std::filesystem::create_directories(dir);
    std::vector<std::string> read_back;
    for (const smsgw::mime::part& p : got.contents()) {
        std::string name, content;
        smsgw::write_append(name, [&](smsgw::writer& w) { return smsgw::mime::filename(p, w); });
        smsgw::write_append(content, [&](smsgw::writer& w) { return smsgw::mime::decode_content(p, w); });
        std::ofstream(dir / name, std::ios::binary) << content;
        std::ifstream in(dir / name, std::ios::binary);
        read_back.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::filesystem::remove_all(dir);
    check(read_back == std::vector<std::string>{std::string(text), jpeg}, "get_mime: the files hold what was sent");
    check(gw.get_mime(mo, got, storage) && got.status == 202 && got.reply.code == return_code::no_mo_message,
          "get_mime again: 202, code 1 No MO message found");

    imsp::change_passwd_response pw;
    gw.call(imsp::change_passwd_request{"1xxxx", "xxxxxxxx", "short"}, pw);
    check(pw.code == return_code::change_password_failed, "change_passwd to 5 characters: -34");
    gw.call(imsp::change_passwd_request{"1xxxx", "xxxxxxxx", "n3wPassw0d"}, pw);
    check(pw.code == return_code::success, "change_passwd: 0");
    check(gw.call(login, l) == 200 && l.code == return_code::login_failed, "login with the old password: -21");

    // The gateway's own refusals, from bodies smsgw's encoder would not write.
    imsp::page page;
    gw.call_raw(imsp::command::query, "account=1xxxx&password=%zz&message_id=1&to_address=0988123456", page);
    check(page.code == return_code::http_packet_error, "a bad %-escape: -1");
    gw.call_raw(imsp::command::query, "account=1xxxx&password=n3wPassw0d&to_address=0988123456", page);
    check(page.code == return_code::parameter_error, "message_id missing: -2");
    std::string many = "0988000000";
    for (int i = 1; i <= 20; ++i) many += ",09880000" + std::to_string(10 + i);
    mms.password = "n3wPassw0d";
    mms.to_addr = many;
    std::string body;
    check(!smsgw::encode_append(mms, body), "21 numbers: refused by the encoder (too_many)");
    gw.call_raw(imsp::command::send_mms, "account=1xxxx&password=n3wPassw0d&from_addr=0912345678&to_addr=" + many +
                                             "&subject=hi&no_contents=0", sent);
    check(sent.code == return_code::to_addrs_exceed, "21 numbers sent by hand: -7");
    gw.call(imsp::query_batch_request{"1xxxx", "xxxxxxxx", id}, batch);
    check(batch.code == return_code::authentication_failed, "the old password elsewhere: -4");

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    std::printf("%s\n", failures == 0 ? "every answer as expected" : "some answers were wrong");
    return failures == 0 ? 0 : 1;
}
