// DES-CBC as the HTTP SMS platform's Recharge and UserManage calls send `account` (docs/des.md):
// encrypted with the shared key, the key as IV, base64, then URL-encoded; and the platform's side,
// which decodes and decrypts it. DES is broken: it is here only because the platform requires it.
#include <smsgw/codec.hpp>

#include <cstdio>

using namespace smsgw;
using namespace smsgw::codec;

int main() {
    // [snippet:des-account]
    const std::string_view key = "12345678";  // agreed with the platform offline (table 12.1)

    // Client: DES/CBC/PKCS5Padding with IV = key, then base64 and form encoding.
    unsigned char cipher[des::padded_size(7)];
    writer cw(cipher);
    result r = des::encrypt_cbc(key, std::string_view("jishu01"), cw);  // 8 bytes
    char b64[16];
    writer bw(b64, sizeof b64);
    base64::encode(bytes(cipher, cw.size()), bw);  // "LW4Zjb8dOww="
    char field[32];
    writer fw(field, sizeof field);
    percent::encode(std::string_view(b64, bw.size()), fw, percent::style::form);  // "LW4Zjb8dOww%3D"
    std::printf("account=%.*s\n", int(fw.size()), field);

    // Platform: back to the account name; a wrong key shows as bad padding (or, one time in 256, as
    // a wrong name: DES has no integrity check).
    unsigned char plain[16];
    writer pw(plain);
    r = des::decrypt_cbc(key, bytes(cipher, cw.size()), pw);
    std::printf("%.*s\n", int(pw.size()), reinterpret_cast<const char*>(plain));
    writer wrong(plain);
    const result bad = des::decrypt_cbc(std::string_view("87654321"), bytes(cipher, cw.size()), wrong);
    if (!bad) std::printf("%s at byte %zu\n", bad.message(), bad.offset);

    // A schedule computed once serves many messages; any IV may be given.
    des::key_schedule ks;
    if (!des::key_schedule::make(key, ks)) return 1;
    const unsigned char iv[8] = {0x12, 0x34, 0x56, 0x78, 0x90, 0xAB, 0xCD, 0xEF};
    writer again(cipher);
    r = des::encrypt_cbc(ks, iv, std::string_view("jishu01"), again);
    // [/snippet]
    return r && fw.size() == 14 ? 0 : 1;
}
