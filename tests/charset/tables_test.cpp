#include "smsgw/charset/tables/labels.hpp"

#include <cstdlib>
#include <string>
#include <unistd.h>

#include "test.hpp"

// The checked-in tables are what tools/gen_charset_tables.py makes of the indexes in
// ../shared/corpora/whatwg-encoding/: the generator runs again into a temporary folder.
TEST_CASE("the charset tables are in sync with their generator and the WHATWG indexes") {
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("../shared not found: charset tables not regenerated");
        return;
    }
#ifndef SMSGW_PYTHON3
    WARN("python3 not found: charset tables not regenerated");
#else
    char dir[] = "/tmp/smsgw-charset-tables-XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string source = SMSGW_SOURCE_DIR;
    const std::string command = std::string(SMSGW_PYTHON3) + " " + source + "/tools/gen_charset_tables.py --index-dir " +
                                shared + "/corpora/whatwg-encoding --out " + dir;
    bool ok = false;
    smsgw::test::run_command(command, "", ok);
    REQUIRE(ok);
    for (const char* name : {"gb18030.hpp", "big5.hpp", "windows_1252.hpp", "labels.hpp"}) {
        INFO(name);
        const std::string fresh = smsgw::test::read_file(std::string(dir) + "/" + name);
        const std::string checked_in = smsgw::test::read_file(source + "/include/smsgw/charset/tables/" + name);
        CHECK(!fresh.empty());
        CHECK((fresh == checked_in));
        std::remove((std::string(dir) + "/" + name).c_str());
    }
    rmdir(dir);
#endif
}

TEST_CASE("the label table is sorted and names the supported encodings first") {
    CHECK(smsgw::charset::tables::encoding_name[0] == "UTF-8");
    CHECK(smsgw::charset::tables::encoding_name[4] == "windows-1252");
    for (std::size_t i = 1; i < sizeof smsgw::charset::tables::labels / sizeof smsgw::charset::tables::labels[0]; ++i)
        CHECK(smsgw::charset::tables::labels[i - 1].label < smsgw::charset::tables::labels[i].label);
}
