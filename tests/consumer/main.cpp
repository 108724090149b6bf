// A program that uses smsgw as a consumer would: one include, a round trip, exit status.
#include <smsgw/smsgw.hpp>

#include <cstdio>
#include <cstring>

int main() {
    unsigned char buf[16];
    smsgw::writer w(buf);
    w.put_be32(0x00000004);  // CMPP_SUBMIT's Command_Id (CMPP 2.0 table 8.34)
    smsgw::reader r(smsgw::bytes(buf, w.size()));
    bool ok = w.finish() && r.be32() == 4 && SMSGW_VERSION_MAJOR >= 0;
    std::printf("smsgw %d.%d.%d consumer: %s\n", SMSGW_VERSION_MAJOR, SMSGW_VERSION_MINOR, SMSGW_VERSION_PATCH,
                ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
