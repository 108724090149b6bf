// Chunghwa IMSP (docs/imsp.md): a send_mms request to its form body posted to a test double of
// the gateway, which decodes it with the encoder's checks and answers code 1 (one number failed),
// and the answer page read back.
#include <cstdio>
#include <string>

// [snippet:imsp-send]
#include <smsgw/imsp.hpp>
namespace imsp = smsgw::imsp;

std::string send(std::string_view jpeg, std::string (*post)(std::string_view url, std::string_view body)) {
    const imsp::content parts[] = {{"T0", "text/plain", std::string_view("此為要傳送的文字內容")},
                                   {"T1", "image/jpeg", jpeg}};
    imsp::send_mms_request req;
    req.account = "1xxxx";
    req.password = "xxxxxxxx";
    req.from_addr = "0912345678";
    req.to_addr = "0937044059,+886934444444";  // up to 20, joined by commas
    req.subject = "含兩段文字、及一張圖";
    req.contents = parts;
    std::string body;
    if (auto r = smsgw::encode_append(req, body); !r) return r.message();  // r.field: "to_addr"...
    const std::string page = post(std::string(imsp::base_url) + std::string(imsp::path(imsp::command::send_mms)), body);
    imsp::send_mms_response resp;
    if (!imsp::decode(page, resp)) return "not an IMSP page";
    for (const imsp::failure& f : resp.failures) std::printf("%.*s failed\n", int(f.to_address.size()), f.to_address.data());
    return std::string(resp.message_id);  // what query and query_batch need
}
// [/snippet]

// The gateway's side: the body decoded as the gateway would, then the page of code 1.
std::string gateway(std::string_view url, std::string_view body) {
    unsigned char scratch[4096];
    imsp::content storage[4];
    imsp::send_mms_request got;
    const bool ok = url == std::string(imsp::base_url) + std::string(imsp::path(imsp::command::send_mms)) &&
                    imsp::decode(body, got, scratch, storage) && got.contents.size() == 2 &&
                    got.contents[1].type == "image/jpeg";
    return ok ? "<html> <header></header> <body>1 <br> 96625;+886934444444:not PLMN <br> </body> </html>"
              : "<html> <header></header> <body>-99 <br> unexpected request <br> </body> </html>";
}

int main() {
    const char jpeg[] = {'\xFF', '\xD8', '\xFF', '\xD9'};  // SOI, EOI
    return send(std::string_view(jpeg, sizeof jpeg), gateway) == "96625" ? 0 : 1;
}
