// A 5C MMS client (docs/fivec.md) on libcurl: smsgw writes each form and reads each one-line
// answer; curl only moves bytes. It runs a whole session against the platform (the real one is
// http://m.5c.com.cn; examples/fivec_gateway.cpp is a test double) and checks every answer, so
// it doubles as the test of the pair: the balance, caixin_send with a 30 KB JPEG, a
// caixin_send_batch with a text per number, the status reports (all, then by number and time),
// the error answers the spec lists, and a caixin_send in GBK (encode=gbk) whose title and text
// the double gives back as it read them. 5C pushes nothing: the reports are fetched.
//
//   fivec_client <host:port>      plain HTTP to a test double; exits 0 when every answer was right
#include <smsgw/charset/convert.hpp>
#include <smsgw/codec/ascii.hpp>
#include <smsgw/codec/percent.hpp>
#include <smsgw/fivec.hpp>

#include <curl/curl.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace fivec = smsgw::fivec;
using fivec::error_code;

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) ++failures;
}

class client {
public:
    client(CURL* curl, std::string base) : curl_(curl), base_(std::move(base)) {}

    // The request's form, POSTed (caixin_send, caixin_send_batch) or sent as the query string
    // of a GET (balance, reports) to its interface's path on this host. Empty: not sent (the
    // encoder refused it, its error printed).
    template <class Request>
    const std::string& send(const Request& req) {
        std::string form;
        if (const smsgw::result r = smsgw::encode_append(req, form); !r) {
            std::printf("not sent: %s at %s\n", r.message(), r.field ? r.field : "?");  // names the field at fault
            answer_.clear();
            return answer_;
        }
        return send_raw(Request::call, form);
    }

    // The same with a form written by hand (to provoke the platform's own refusals).
    const std::string& send_raw(fivec::api a, const std::string& form) {
        std::string url = base_ + path(a);
        const bool get = a == fivec::api::query_balance || a == fivec::api::recv_report;
        if (get) url += "?" + form;
        answer_.clear();
        headers_.clear();
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        if (get) {
            curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, form.data());
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form.size()));
        }
        const auto append = +[](char* p, std::size_t n, std::size_t m, void* out) {
            static_cast<std::string*>(out)->append(p, n * m);
            return n * m;
        };
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &answer_);
        curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, append);
        curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &headers_);
        curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, append);
        long status = 0;
        if (curl_easy_perform(curl_) != CURLE_OK || (curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status), status != 200)) {
            answer_.clear();
        }
        return answer_;
    }

    // Decoded answers view the last answer, which the client keeps until the next call: copy
    // what must outlive it (a msgid) before calling again.
    fivec::reply reply() const {
        fivec::reply r;
        if (!fivec::decode(answer_, r)) r = fivec::reply{false, {}, error_code::other, "undecodable", {}};
        return r;
    }

    // The value of the last answer's header `name` (any letter case), percent-decoded; empty
    // when it was not there.
    std::string header(std::string_view name) const {
        const std::string_view all(headers_);
        for (std::size_t at = 0; at < all.size();) {
            std::size_t end = all.find("\r\n", at);
            if (end == std::string_view::npos) end = all.size();
            const std::string_view line = all.substr(at, end - at);
            at = end + 2;
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos || !smsgw::codec::ascii::iequals(line.substr(0, colon), name)) continue;
            const std::string_view value = smsgw::codec::ascii::trim(line.substr(colon + 1), smsgw::codec::ascii::is_blank);
            std::string out;
            smsgw::write_append(out, [&](smsgw::writer& w) { return smsgw::codec::percent::decode(value, w, smsgw::codec::percent::style::component); });
            return out;
        }
        return {};
    }

private:
    // The path of an interface's URL, on this client's host.
    static std::string path(fivec::api a) {
        const std::string_view u = fivec::url(a);
        return std::string(u.substr(u.find('/', std::string_view("http://").size())));
    }

    CURL* curl_;
    std::string base_;
    std::string answer_;
    std::string headers_;  // the last answer's header lines
};

std::string fake_jpeg(std::size_t size) {  // SOI, APP0, filler, EOI: enough for a gateway
    std::string j = "\xFF\xD8\xFF\xE0";
    for (std::size_t i = 0; j.size() < size - 2; ++i) j.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
    return j + "\xFF\xD9";
}

// UTF-8 text in GBK, through smsgw::charset (strict: empty when GBK lacks a character).
std::string gbk_of(std::string_view utf8) {
    std::string gbk;
    if (!smsgw::write_append(gbk, [&](smsgw::writer& w) { return smsgw::charset::encode(smsgw::charset::encoding::gbk, utf8, w); })) gbk.clear();
    return gbk;
}

const char* const apikey = "231d1a3dc627ebd0a7cab5b35c397d3e";

// The balance as a number, or -1 when the answer was an error or did not decode.
long balance(client& gw, const fivec::balance_query& q, fivec::balance_reply& b) {
    const std::string& a = gw.send(q);
    if (!fivec::decode(a, b) || !b.ok) return -1;
    return std::stol(std::string(b.balance));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fivec_client <host:port>\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    client gw(curl, std::string("http://") + argv[1]);

    // §4: a bare number, or an error reply.
    fivec::balance_reply b;
    check(balance(gw, fivec::balance_query{apikey, "test", "wrong"}, b) == -1 && b.error.is(error_code::apikey_or_password_error),
          "balance with a wrong password: error:APIKEY or password error");
    check(balance(gw, fivec::balance_query{apikey, "test", "test"}, b) == 100, "balance: 100");

    // §2 caixin_send: frame 1 a text and a 30 KB JPEG, frame 2 a text, to two numbers; the
    // double reports 1380000... as undelivered. The title travels URL-encoded twice.
    const std::string jpeg = fake_jpeg(30 * 1024);
    const fivec::frame_file files[] = {{1, fivec::file_type::txt, std::string_view("你好，这是第一帧")},
                                       {1, fivec::file_type::jpg, smsgw::bytes(jpeg)},
                                       {2, fivec::file_type::txt, std::string_view("再见")}};
    std::string content;
    check(static_cast<bool>(smsgw::encode_append(fivec::frame_string{files}, content)), "frame string built");
    fivec::caixin_send_request mms;
    mms.apikey = apikey;
    mms.username = "test";
    mms.password = "test";
    mms.mobile = "13811299999,13800001111";
    mms.title = "彩信标题 & 50% off";  // URL-encoded, then form-encoded: '&' and '%' are data
    mms.content = content;
    gw.send(mms);
    fivec::reply sent = gw.reply();
    check(sent.success && sent.msgid.size() == 14, "caixin_send: success:<14-digit msgid>");
    const std::string msgid(sent.msgid);

    // §3 caixin_send_batch: one picture and title, a text per number, as XML in the form.
    const fivec::batch_recipient people[] = {{"13911112222", "张三，您好"}, {"13933334444", "李四, 100% 到账 & 谢谢"}};
    fivec::batch_request_xml xml{"个性彩信", "jpg", smsgw::bytes(jpeg), people};
    std::string doc;
    check(static_cast<bool>(smsgw::encode_append(xml, doc)), "batch document built");
    fivec::caixin_send_batch_request batch{apikey, "test", "test", doc};
    gw.send(batch);
    sent = gw.reply();
    check(sent.success && !sent.msgid.empty() && sent.msgid != msgid, "caixin_send_batch: success with another msgid");
    const std::string batch_id(sent.msgid);
    const fivec::batch_recipient banned_people[] = {{"13911112222", "你好"}, {"13933334444", "违禁 100%"}};
    fivec::batch_request_xml banned_xml = xml;
    banned_xml.mms_body = banned_people;
    std::string banned_doc;
    smsgw::encode_append(banned_xml, banned_doc);
    gw.send(fivec::caixin_send_batch_request{apikey, "test", "test", banned_doc});
    check(gw.reply().text == "Black keywords is:违禁", "caixin_send_batch with a black keyword in a text: refused");
    check(balance(gw, fivec::balance_query{apikey, "test", "test"}, b) == 96, "balance: 96 after four numbers");

    // §5.1.4 first (it takes what it returns): the batch's second number, within the last hour.
    const auto md5 = fivec::password_md5("test", smsgw::codec::hex::letter_case::upper);
    const std::string_view pw(md5.data(), md5.size());
    const auto now = static_cast<std::uint64_t>(std::time(nullptr));
    fivec::report_reply got;
    const fivec::report_request by_number{"test", pw, apikey, now - 3600, now + 60, "13933334444"};
    std::size_t found = 0;
    check(fivec::decode(gw.send(by_number), got) && got.answer == fivec::report_answer::reports, "reports for a number: records");
    for (const fivec::report& r : got.reports) found += r.msgid == batch_id && r.mobile == "13933334444" && r.delivered();
    check(got.reports.error().ok() && found == 1, "reports for a number: its one report, delivered");
    check(fivec::decode(gw.send(by_number), got) && got.answer == fivec::report_answer::no_record,
          "reports for the number again: no record");

    // §5.1.2: every report waiting, each once (six fields here, §5.1.5).
    const std::string all = gw.send(fivec::report_request{"test", pw, apikey, 0, 0, {}});
    std::size_t delivered = 0, undelivered = 0, of_batch = 0;
    check(fivec::decode(all, got) && got.answer == fivec::report_answer::reports, "reports: records");
    for (const fivec::report& r : got.reports) {
        delivered += r.msgid == msgid && r.delivered();
        undelivered += r.msgid == msgid && r.mobile == "13800001111" && r.status == "UNDELIV";
        of_batch += r.msgid == batch_id && r.mobile == "13911112222" && r.delivered();
    }
    check(got.reports.error().ok() && delivered == 1 && undelivered == 1 && of_batch == 1,
          "reports: caixin_send's two (one UNDELIV) and the batch's other number");
    check(fivec::decode(gw.send(fivec::report_request{"test", pw, apikey, 0, 0, {}}), got) &&
              got.answer == fivec::report_answer::no_record,
          "reports again: no record");
    const auto wrong = fivec::password_md5("nope");
    check(fivec::decode(gw.send(fivec::report_request{"test", std::string_view(wrong.data(), wrong.size()), apikey, 0, 0, {}}), got) &&
              got.answer == fivec::report_answer::error && got.error.is(error_code::apikey_or_password_error),
          "reports with a wrong password_md5: error:APIKEY or password error");

    // The spec's error answers. A black keyword keeps the colon in its text (error:Black keywords is:违禁).
    const fivec::frame_file banned[] = {{1, fivec::file_type::txt, std::string_view("含违禁词的文本")}};
    std::string banned_content;
    smsgw::encode_append(fivec::frame_string{banned}, banned_content);
    fivec::caixin_send_request bad = mms;
    bad.content = banned_content;
    gw.send(bad);
    check(gw.reply().code == error_code::other && gw.reply().text == "Black keywords is:违禁", "a black keyword: named after the second colon");

    bad = mms;
    bad.title = "违禁 & 50%";  // the double read the title back through both encodings
    gw.send(bad);
    check(gw.reply().text == "Black keywords is:违禁", "a black keyword in the title: refused too");

    bad = mms;
    bad.username = "blocked";
    gw.send(bad);
    check(gw.reply().is(error_code::account_is_blocked), "a blocked account: error:Account is blocked");

    std::string many = "13500000000";
    for (int i = 1; i < 97; ++i) many += "," + std::to_string(13500000000 + i);
    bad = mms;
    bad.mobile = many;
    gw.send(bad);
    check(gw.reply().is(error_code::account_balance_is_insufficient), "97 numbers on a balance of 96: insufficient");

    // What the encoder refuses, sent by hand to see 5C's answer to it.
    bad = mms;
    bad.title = "";
    std::string form;
    check(!smsgw::encode_append(bad, form), "an empty title: refused by the encoder");
    gw.send_raw(fivec::api::caixin_send, std::string("apikey=") + apikey + "&username=test&password=test&mobile=13811299999&content=" +
                                             "1_1.txt%2C5L2g5aW9");
    check(gw.reply().is(error_code::missing_message_title), "no title: error:Missing message title");

    const std::string big = fake_jpeg(40 * 1024);  // 54 KB of base64: over the 50 KB of §2.1
    const fivec::frame_file huge[] = {{1, fivec::file_type::jpg, smsgw::bytes(big)}};
    std::string huge_content;
    smsgw::encode_append(fivec::frame_string{huge}, huge_content);
    bad = mms;
    bad.content = huge_content;
    check(!smsgw::encode_append(bad, form), "a 54 KB content: refused by the encoder");
    std::string escaped;  // the content as a form value: base64's '+' and '/' escaped
    smsgw::write_append(escaped, [&](smsgw::writer& w) {
        return smsgw::codec::percent::encode(smsgw::bytes(huge_content), w, smsgw::codec::percent::style::form);
    });
    gw.send_raw(fivec::api::caixin_send, std::string("apikey=") + apikey + "&username=test&password=test&mobile=13811299999&title=big&content=" + escaped);
    check(gw.reply().is(error_code::mms_body_too_long), "a 54 KB content sent by hand: error:MMS body too long.");

    gw.send_raw(fivec::api::caixin_send, std::string("apikey=") + apikey + "&username=test&password=test&mobile=13811299999&title=t&content=" +
                                             "1_1.txt%2C5L2g5aW9&encode=big5");
    check(gw.reply().is(error_code::unrecognized_encoding), "encode=big5: error:Unrecognized encoding");

    // encode=gbk (vendors.md pitfall 4): the title and the text frame in GBK, the title
    // URL-encoded twice as always. The double answers success:<msgid> and, in its own headers,
    // the title and text as it read them back in UTF-8 (X-Double-Title, X-Double-Text).
    const std::string gbk_title_utf8 = "国标码标题 & 50% 折扣", gbk_text_utf8 = "你好，这一帧是 GBK 编码的文本";
    const std::string gbk_title = gbk_of(gbk_title_utf8), gbk_text = gbk_of(gbk_text_utf8);
    check(!gbk_title.empty() && !gbk_text.empty(), "title and text converted to GBK");
    const fivec::frame_file gbk_files[] = {{1, fivec::file_type::txt, smsgw::bytes(gbk_text)}};
    std::string gbk_content;
    check(static_cast<bool>(smsgw::encode_append(fivec::frame_string{gbk_files}, gbk_content)), "GBK frame string built");
    fivec::caixin_send_request gbk = mms;
    gbk.mobile = "13811299999";
    gbk.title = gbk_title;
    gbk.content = gbk_content;
    gbk.encode = "gbk";
    gw.send(gbk);
    check(gw.reply().success && gw.reply().msgid.size() == 14, "caixin_send with encode=gbk: success:<14-digit msgid>");
    const std::string title_back = gw.header("X-Double-Title"), text_back = gw.header("X-Double-Text");
    std::printf("     GBK title of %zu bytes read back as \"%s\", text of %zu bytes as \"%s\"\n", gbk_title.size(), title_back.c_str(),
                gbk_text.size(), text_back.c_str());
    check(title_back == gbk_title_utf8 && text_back == gbk_text_utf8, "encode=gbk: the title and the text read back as written");

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    std::printf("%s\n", failures == 0 ? "every answer as expected" : "some answers were wrong");
    return failures == 0 ? 0 : 1;
}
