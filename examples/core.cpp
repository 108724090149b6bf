// The core (README.md, Conventions): a writer into a caller buffer and a reader over its bytes.
// [snippet:core]
#include <smsgw/core.hpp>

int main() {
    unsigned char buf[64];
    smsgw::writer out(buf);
    out.put_be32(0x00000004);                          // CMPP_SUBMIT (CMPP 2.0 table 8.34)
    smsgw::write_fixed(out, "901234", 6);              // Octet String, NUL-padded (table 8.1)
    smsgw::result r = out.finish();                    // r.offset == 10 bytes written

    smsgw::reader in(smsgw::bytes(buf, r.offset));
    std::uint32_t id = in.be32();
    std::string_view sp = smsgw::trim_fixed(in.take(6));  // "901234"
    return r && in.ok() && id == 4 && sp == "901234" ? 0 : 1;
}
// [/snippet]
