// The HTTP SMS platform (docs/smsplat.md): a HttpBatchSendSM request to its parameters, the
// platform's side decoding it and answering, the client reading the answer; the status push the
// platform sends later, as the customer's server reads it; a Recharge signed and encrypted.
#include <smsgw/smsplat.hpp>

#include <cstdio>
#include <string>

namespace smsplat = smsgw::smsplat;

int main() {
    // The client: POST this body to http://IP:PORT/msg/HttpBatchSendSM.
    // [snippet:smsplat-batch-send]
    smsplat::batch_send_request req;
    req.account = "jiemou-clcs-08";
    req.pswd = "Tch123456";
    req.mobile = "18916626442,13800138000";  // up to 50000, joined by commas
    req.msg = "【萌萌搭】尊敬的用户您好，您的注册验证码是：1131，请完成注册";
    req.needstatus = "true";
    std::string body;
    const smsgw::result e = smsgw::encode_append(req, body);  // e.field names a value at fault

    // The platform's side (a test double): the body decoded with the encoder's checks, answered.
    unsigned char scratch[1024];
    smsplat::batch_send_request got;
    const smsgw::result g = smsplat::decode(body, got, scratch);
    std::string answer;
    smsgw::encode_append(smsplat::send_reply{"20110725160412", smsplat::send_status::submitted, "1234567890100"}, answer);

    // The client reads the answer; a failure has no msgid line, and its code keeps its number.
    smsplat::send_reply reply;
    const smsgw::result a = smsplat::decode(answer, reply);
    // [/snippet]
    std::printf("%s, msgid %.*s\n", std::string(describe(reply.respstatus).english).c_str(), int(reply.msgid.size()),
                reply.msgid.data());

    // Later the platform calls the customer's pushUrl; real pushes percent-encode ERR:104.
    const std::string_view push =
        "receiver=admin&pswd=12345&msgid=1234567890100&reportTime=1012241002&mobile=18916626442&status=ERR%3A104";
    unsigned char push_scratch[256];  // the decoded values live in their scratch: one per message kept
    smsplat::push_request report;
    const smsgw::result p = smsplat::decode(push, report, push_scratch, smsplat::mode::tolerant);

    // Recharge: the password signs username + secretkey + timestamp, the account is DES-encrypted.
    // [snippet:smsplat-recharge]
    smsplat::recharge_request recharge;
    recharge.username = "123456";
    recharge.timestamp = "20130408105900";
    const auto signature = smsplat::sign(recharge.username, "123456", recharge.timestamp);
    recharge.password = std::string_view(signature.data(), signature.size());
    recharge.operator_ = "user1";
    char account[64];
    smsgw::writer aw(account, sizeof account);
    const smsgw::result c = smsplat::encrypt_account(std::string_view("12345678"), std::string_view("jishu01"), aw);
    recharge.account = std::string_view(account, aw.size());  // LW4Zjb8dOww=
    recharge.fee = 1000;
    // [/snippet]
    std::string recharge_body;
    const smsgw::result r = smsgw::encode_append(recharge, recharge_body);

    return e && g && got.mobile == req.mobile && a && reply.msgid == "1234567890100" && p &&
                   classify(report) == smsplat::report_status::err_104 && c && r &&
                   recharge_body.find("&account=LW4Zjb8dOww%3D&") != std::string::npos
               ? 0
               : 1;
}
