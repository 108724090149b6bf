// What every vendor module of smsgw is built on (docs/text.md): a text message described once by
// its field list, then written and read as a form body and as JSON; a `;`/`,` report list; a
// line reply reached by meaning; a `success:`/`error:` answer.
#include <smsgw/codec.hpp>

#include <cstdio>
#include <cstring>

using namespace smsgw;
namespace fields = smsgw::codec::fields;

// A balance query of an SMS platform: the struct, and its fields in spec order.
// [snippet:text-walk]
struct balance_query {
    std::string_view account;    // ASCII, at most 20
    std::string_view password;   // ASCII, at most 32
    std::uint32_t product = 0;   // a number; 0 when not sent
    std::string_view numbers;    // up to 3 mobile numbers joined by ','

    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.account, fields::ascii("account", 20));
        v(m.password, fields::ascii("password", 32));
        v(m.product, fields::number("product").if_set());
        v(m.numbers, fields::list("numbers", ',', 1, 3, [](std::string_view n) noexcept {
            return fields::check_value(n, fields::digits("", 11));
        }));
    }
};
// [/snippet]

int main() {
    const balance_query q{"demo", "s3cret", 7, "13800138000,13900139000"};

    // Form body, validated first: account=demo&password=s3cret&product=7&numbers=13800138000%2C13900139000
    char body[128];
    writer out(body, sizeof body);
    result r = fields::encode_form(q, out);
    std::printf("%.*s\n", int(out.size()), body);

    // Read back as a server would: strict mode refuses unknown and repeated names.
    unsigned char scratch[128];
    balance_query back;
    result d = fields::decode_form(std::string_view(body, out.size()), back, scratch);
    const std::string_view typo = "account=a&password=b&numbers=1&acount=x";
    result unknown = fields::decode_form(typo, back, scratch);
    // No spec field to name: the offset is the pair's, and the body says which name it was.
    const std::string_view refused = codec::form::fields(typo).at_offset(unknown.offset)->name;
    std::printf("%s at %zu: %.*s\n", unknown.message(), unknown.offset, int(refused.size()), refused.data());

    // The same list as JSON: {"account":"demo","password":"s3cret","product":7,"numbers":"..."}
    char json[128];
    writer jw(json, sizeof json);
    result j = fields::write_json(q, jw);
    std::printf("%.*s\n", int(jw.size()), json);

    // A status-report list: records by ';', fields by ',', read lazily, the error kept.
    // [snippet:text-delimited]
    constexpr codec::delimited::format reports{';', ',', 3, 3};
    codec::delimited::records list("13800138000,DELIVRD,1;13900139000,UNDELIV,2", reports);
    std::size_t delivered = 0;
    for (const codec::delimited::record& rec : list) if (rec[1] == "DELIVRD") ++delivered;
    const result listed = list.error();  // success, or the first error and its offset
    // [/snippet]

    // [snippet:text-replies]
    // A line reply whose second line is there only on success (HttpBatchSendSM).
    constexpr codec::lines::part batch_reply[] = {{"resptime,respstatus"}, {"msgid", codec::lines::occurs::optional}};
    codec::lines::reply<2> lines;
    const result l = codec::lines::decode(std::string_view("20110725160412,0\n1234567890100\n"), batch_reply, lines);
    const std::string_view msgid = lines.find("msgid")->text();

    // A prefix reply: the prefix in any case, the text after the first colon verbatim.
    static constexpr std::string_view answers[] = {"success", "error"};
    codec::prefix::reply p;
    const result pr = codec::prefix::decode(std::string_view("Error:Black keywords is:x"), answers, p);
    // [/snippet]
    std::printf("%zu delivered, msgid %.*s, %.*s\n", delivered, int(msgid.size()), msgid.data(), int(p.text.size()),
                p.text.data());

    const bool ok = delivered == 1 && listed && l && msgid == "1234567890100" && pr && p.which == 1 &&
                    p.text == "Black keywords is:x" && r && d && back.product == 7 && back.numbers == q.numbers &&
                    unknown.ec == errc::unknown_field && unknown.offset == 31 && refused == "acount" && j &&
                    std::memcmp(json, "{\"account\":\"demo\"", 17) == 0;
    return ok ? 0 : 1;
}
