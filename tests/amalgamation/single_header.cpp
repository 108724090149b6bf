// The checked-in single header compiles on its own (only single_include/ is on the include
// path of this test) and offers the same API as include/.
#include <smsgw/smsgw.hpp>

#include "test.hpp"

TEST_CASE("single header: core round trip") {
    unsigned char buf[8];
    smsgw::writer w(buf);
    w.put_be32(0x80000004u);
    REQUIRE(w.finish());
    smsgw::reader r(smsgw::bytes(buf, w.size()));
    CHECK(r.be32() == 0x80000004u);
    CHECK(r.ok());
}
