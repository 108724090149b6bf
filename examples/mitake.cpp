// Mitake MMS JSON API (docs/mitake.md): a client's token request, its push and query bodies
// with their headers, and the other side of each (a test double of Mitake's server), then a
// callback as Mitake posts it and as the customer's server reads it.
#include <smsgw/mitake.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace mitake = smsgw::mitake;

int main() {
    // The token: POST mitake::token_path.
    std::string token_body;
    const smsgw::result t = smsgw::encode_append(mitake::token_request{"test", "12345"}, token_body);
    const std::string_view token_answer = R"({"accessToken":"xTV1tbhjz1k67GnC","tokenType":"bearer",)"
                                          R"("expiresIn":"33346","refreshToken":null,"scope":null})";
    unsigned char scratch[4096];
    mitake::token_response token;
    const smsgw::result ta = mitake::decode(token_answer, token, scratch);
    std::uint64_t seconds = 0;
    mitake::expires_in_seconds(token, seconds);

    // A push: POST mitake::message_path with three headers.
    char header_bytes[128];
    smsgw::writer hw(header_bytes, sizeof header_bytes);
    mitake::request_headers headers;
    const smsgw::result h =
        mitake::make_headers(token.token_type, token.access_token, "test", mitake::action::push, hw, headers);
    const unsigned char photo[] = {0xFF, 0xD8, 0xFF, 0xE0};  // the caller's bytes, base64 on the wire
    // [snippet:mitake-push]
    const mitake::destination to[] = {{"0911111111", "clientID001"}, {"0922222222", "clientID002"}};
    const mitake::attachment files[] = {{photo, "jpg", "mitake01.jpg"}};
    mitake::push_request push;
    push.subject = "mms subject";
    push.content = "mms content";
    push.destinations = to;
    push.attachments = files;
    std::string push_body;
    const smsgw::result p = smsgw::encode_append(push, push_body);  // p.field names a value at fault
    // [/snippet]

    // Mitake's side of it: the body read with the checks of the encoder.
    mitake::destination got_to[500];
    mitake::attachment got_files[8];
    mitake::push_request got;
    const smsgw::result g = mitake::decode(push_body, got, scratch, got_to, got_files);

    // The answer, as the spec prints it (trailing commas, a bare UUID, 0000000001): tolerant mode.
    const std::string_view answer = R"({"batchID":11111111-2222-3333-4444-555555555555,"messages":[)"
                                    R"({"msgID":0000000001,"cID":"clientID001","status":"1","point":3},],})";
    // [snippet:mitake-callback]
    mitake::push_message messages[500];
    mitake::push_response resp;
    const smsgw::result a = mitake::decode(answer, resp, scratch, messages, mitake::mode::tolerant);
    for (const mitake::push_message& m : resp.messages) {
        const mitake::message_status s = m.read_status();
    // [/snippet]
        std::printf("%.*s: %.*s, final: %d\n", int(m.msg_id.size()), m.msg_id.data(), int(s.describe().english.size()),
                    s.describe().english.data(), s.is_final());
    }

    // querySingleDR: ids beyond 2^53, exact.
    const mitake::msg_id ids[] = {{"304934980000714750"}, {"306379313648275460"}};
    std::string query_body;
    const smsgw::result q = smsgw::encode_append(mitake::query_single_request{"304934976469110784", ids}, query_body);

    // A callback: Mitake's test double writes it, the customer reads it and answers HTTP 200.
    const mitake::callback_message reports[] = {{"301786034222960645", "301786034575282175", "0", "20200828162035", 3}};
    std::string callback_body;
    const smsgw::result c = smsgw::encode_append(mitake::callback_request{reports}, callback_body);
    mitake::callback_message read[500];
    mitake::callback_request cb;
    const smsgw::result cr = mitake::decode(callback_body, cb, scratch, read);
    const int http_status = cr ? mitake::callback_ok_status : 400;

    return t && ta && seconds == 33346 && h && headers.authorization.value == "bearer xTV1tbhjz1k67GnC" && p && g &&
                   got.attachments.size() == 1 && a && resp.messages.size() == 1 && q &&
                   query_body == R"({"batchID":304934976469110784,"msgIDs":[304934980000714750,306379313648275460]})" &&
                   c && http_status == 200 && cb.messages[0].read_status().outcome() == mitake::outcome::delivered
               ? 0
               : 1;
}
