// Chunghwa IMSP (docs/imsp.md): a send_mms request to its form body, the gateway's answer read
// back, and the same body decoded as the gateway would (a test double's side).
#include <smsgw/imsp.hpp>

#include <cstdio>
#include <string>

namespace imsp = smsgw::imsp;

int main() {
    const imsp::content parts[] = {{"T0", "text/plain", std::string_view("此為要傳送的文字內容")}};
    imsp::send_mms_request req;
    req.account = "1xxxx";
    req.password = "xxxxxxxx";
    req.from_addr = "0912345678";
    req.to_addr = "0937044059,+886934444444";  // up to 20, joined by commas
    req.subject = "含兩段文字、及一張圖";
    req.contents = parts;
    std::string body;
    const smsgw::result e = smsgw::encode_append(req, body);  // e.field names a value at fault

    // The gateway's side: the body decoded with the checks of the encoder.
    unsigned char scratch[1024];
    imsp::content storage[4];
    imsp::send_mms_request got;
    const smsgw::result g = imsp::decode(body, got, scratch, storage);

    // The answer page: code 1, one number failed.
    const std::string_view page = "<html> <header></header> <body>1 <br> 96625;+886934444444:not PLMN <br> </body> </html>";
    imsp::send_mms_response resp;
    const smsgw::result a = imsp::decode(page, resp);
    for (const imsp::failure& f : resp.failures) std::printf("%.*s failed\n", int(f.to_address.size()), f.to_address.data());

    return e && g && got.contents.size() == 1 && a && resp.message_id == "96625" && resp.failures.size() == 1 ? 0 : 1;
}
