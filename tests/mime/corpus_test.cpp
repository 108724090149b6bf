#include "smsgw/mime/message.hpp"

#include <map>
#include <string>

#include "smsgw/codec/json_reader.hpp"
#include "test.hpp"

// ../shared/corpora/mail-parser-malformed: Dovecot's boundary torture cases and others, with
// the part structure Stalwart mail-parser reports (NNN.json for the LF form, NNN.crlf.json for
// CRLF). Every file is parsed in both forms, strict and tolerant: none may crash (the ASan/UBSan
// build checks that). In tolerant mode the structure, as "index:type/subtype[header,body,end]"
// per part, is compared with mail-parser's; where smsgw decides differently the expected
// structure is written here with the reason.

using namespace smsgw;
namespace json = smsgw::codec::json;

namespace {
std::string lf_form(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
    return out;
}
std::string crlf_form(const std::string& s) {
    std::string out;
    for (char c : lf_form(s)) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string summary(const mime::message& m) {
    std::string s;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const mime::part& p = m[i];
        s += std::to_string(i) + ":" + std::string(p.type.type) + "/" + std::string(p.type.subtype) + "[" +
             std::to_string(p.offset) + "," + std::to_string(p.body_offset) + "," +
             std::to_string(p.body_offset + p.body.size()) + "] ";
    }
    return s;
}

std::size_t number(const json::object& o, std::string_view key) {
    json::value v;
    std::size_t n = 0;
    REQUIRE(o.find(key, v));
    REQUIRE(v.get(n));
    return n;
}

std::string str(const json::object& o, std::string_view key) {
    json::value v;
    char buf[128];
    std::string_view s;
    if (!o.find(key, v) || !v.get(s, mutable_bytes(reinterpret_cast<byte*>(buf), sizeof buf))) return "";
    return std::string(s);
}

std::string reference_summary(const std::string& text) {
    json::value root;
    REQUIRE(json::parse(text, root));
    json::object doc;
    REQUIRE(root.get(doc));
    json::value v;
    REQUIRE(doc.find("parts", v));
    json::array parts;
    REQUIRE(v.get(parts));
    std::string s;
    std::size_t i = 0;
    for (const json::value& pv : parts) {
        json::object p;
        REQUIRE(pv.get(p));
        std::string type = "text/plain";
        json::value hv;
        json::array headers;
        if (p.find("headers", hv) && hv.get(headers)) {
            for (const json::value& h : headers) {
                json::object ho;
                json::value val, ctv;
                json::object valo, cto;
                if (!h.get(ho) || str(ho, "name") != "content_type" || !ho.find("value", val) || !val.get(valo) ||
                    !valo.find("ContentType", ctv) || !ctv.get(cto))
                    continue;
                type = str(cto, "c_type") + "/" + str(cto, "c_subtype");
            }
        }
        s += std::to_string(i++) + ":" + type + "[" + std::to_string(number(p, "offset_header")) + "," +
             std::to_string(number(p, "offset_body")) + "," + std::to_string(number(p, "offset_end")) + "] ";
    }
    return s;
}

// Where smsgw's structure (LF form) differs from mail-parser's, and why.
const std::map<std::string, std::pair<const char*, const char*>> differences = {
    {"000", {"0:multipart/mixed[0,48,159] 1:text/plain[55,55,55] 2:text/plain[62,86,86] 3:text/plain[94,118,118] "
             "4:text/html[126,149,149] ",
             "every `--:foo` line is a delimiter: 4 parts (the first empty); mail-parser reports none"}},
    {"001", {"0:multipart/mixed[0,46,132] 1:multipart/mixed[51,95,95] 2:text/plain[101,127,132] ",
             "`--ab` is not a delimiter of `a` (RFC 2046 §5.1.1, notes §3.1): the inner multipart has no "
             "start delimiter and the outer `--a` line after it starts a new part"}},
    {"003", {"0:multipart/mixed[0,45,129] 1:multipart/mixed[49,93,93] 2:text/plain[98,124,129] ",
             "same as 001: a line that is an outer delimiter ends the inner multipart"}},
    {"004", {"0:multipart/mixed[0,45,131] ", "`--ab`/`--ac` are no delimiters of `a`: the whole body is preamble"}},
    {"005", {"0:multipart/mixed[0,47,189] 1:multipart/mixed[53,101,101] ",
             "`--a----` is the close delimiter of the outer boundary `a--` before it can open the inner `a----`"}},
    {"007", {"0:multipart/mixed[0,45,157] 1:multipart/mixed[49,112,149] 2:text/plain[117,142,142] ",
             "the `--ab` line ends the header block (RFC 7103 §7.2, as Python does), so the part is the "
             "multipart it declares"}},
    {"008", {"0:multipart/mixed[0,46,167] 1:multipart/mixed[51,96,130] 2:text/plain[100,126,130] "
             "3:text/html[136,161,167] ",
             "the outer delimiter closes the unclosed inner multipart; the html part is the outer one's"}},
    {"009", {"0:multipart/mixed[0,45,193] 1:multipart/mixed[49,94,158] 2:text/plain[98,124,125] "
             "3:text/plain[130,156,158] 4:text/plain[163,189,193] ",
             "as 008: the last part belongs to the outer multipart"}},
    {"010", {"0:message/rfc822[0,30,88] 1:message/rfc822[30,60,88] 2:text/plain[60,86,88] ",
             "message/rfc822 bodies are parsed as embedded messages (mail-parser stops at the first)"}},
    {"011", {"0:multipart/mixed[0,45,193] 1:multipart/mixed[49,94,158] 2:text/plain[98,124,125] "
             "3:text/plain[130,156,158] 4:text/plain[163,189,193] ",
             "as 009"}},
    {"012", {"0:multipart/mixed[0,45,283] 1:multipart/mixed[49,94,218] 2:message/rfc822[98,128,155] "
             "3:text/plain[128,154,155] 4:message/rfc822[160,190,218] 5:text/plain[190,216,218] "
             "6:message/rfc822[223,253,283] 7:text/plain[253,279,283] ",
             "as 009, and embedded messages parsed"}},
    {"013", {"0:multipart/mixed[0,63,436] 1:text/plain[67,93,105] 2:multipart/mixed[110,172,172] "
             "3:text/plain[177,203,215] 4:multipart/mixed[220,282,282] 5:text/plain[287,313,325] "
             "6:multipart/mixed[330,388,388] 7:text/plain[393,419,431] 8:text/plain[436,436,436] ",
             "nested multiparts sharing the outer boundary: every such line is the outer's, the inner "
             "ones are empty; the empty part after the last delimiter is kept"}},
    {"014", {"0:multipart/mixed[0,45,92] 1:text/plain[49,75,87] 2:text/plain[92,92,92] ",
             "the empty part after the last delimiter (no close delimiter) is kept"}},
    {"016", {"0:multipart/mixed[0,126,997] 1:multipart/mixed[211,336,654] 2:multipart/mixed[420,544,654] "
             "3:text/plain[627,653,654] 4:text/plain[740,766,997] ",
             "the boundaries of 016 prefix each other; only exact delimiter lines count"}},
    {"019", {"0:multipart/alternative[0,398,2804] 1:text/html[831,874,1201] 2:text/html[1215,1258,1397] "
             "3:text/html[1411,1454,1746] 4:text/plain[1760,1803,1846] 5:text/plain[1860,1860,2235] "
             "6:text/html[2249,2292,2336] 7:text/plain[2350,2350,2725] 8:text/plain[2739,2762,2762] "
             "9:text/plain[2776,2776,2788] ",
             "a line that is not a field ends the header block (Python's MissingHeaderBodySeparatorDefect); "
             "mail-parser skips such lines and reads on"}},
    {"020", {"0:multipart/related[0,233,995] 1:multipart/alternative[255,416,766] 2:text/html[454,526,739] "
             "3:text/plain[766,766,766] 4:image/png[789,868,970] ",
             "duplicate Content-Type: the first (multipart/alternative) is used, mail-parser takes the last"}},
    {"021", {"0:multipart/related[0,221,1038] 1:multipart/alternative[243,404,809] 2:text/html[446,518,782] "
             "3:text/plain[809,809,809] 4:image/png[832,911,1013] ",
             "as 020"}},
    {"022", {"0:multipart/mixed[0,103,289] 1:text/plain[111,137,142] 2:message/rfc822[151,236,278] "
             "3:text/plain[236,236,278] ",
             "the broken message/rfc822 attachment is parsed as a message with no header fields"}},
};
}  // namespace

TEST_CASE("mail-parser-malformed: no crash, structure compared with mail-parser's") {
    const std::string dir = test::shared_dir();
    if (dir.empty()) {
        WARN("../shared not found: mail-parser-malformed corpus skipped");
        return;
    }
    std::size_t files = 0, same = 0;
    for (int n = 0; n < 100; ++n) {
        char id[4];
        std::snprintf(id, sizeof id, "%03d", n);
        const std::string base = dir + "/corpora/mail-parser-malformed/" + id;
        const std::string raw = test::read_file(base + ".eml");
        if (raw.empty()) continue;
        ++files;
        INFO("file " << id);
        const std::string lf = lf_form(raw), crlf = crlf_form(raw);
        mime::part storage[64];
        mime::message msg(storage);
        for (const std::string* form : {&raw, &lf, &crlf}) {
            test::alloc_counter allocs;
            mime::decode(*form, msg);  // strict: any error, never a crash
            REQUIRE(mime::decode(*form, msg, mime::tolerant_options));
            for (const mime::part& p : msg) {
                char buf[4096];
                writer w(buf, sizeof buf);
                mime::decode_content(p, w, mime::mode::tolerant);
            }
            CHECK(allocs.count() == 0);
        }
        REQUIRE(mime::decode(lf, msg, mime::tolerant_options));
        const std::string ours = summary(msg);
        const std::string theirs = reference_summary(test::read_file(base + ".json"));
        auto d = differences.find(id);
        if (d == differences.end()) {
            CHECK(ours == theirs);
            ++same;
        } else {
            INFO("differs from mail-parser because " << d->second.second);
            CHECK(ours == d->second.first);
            CHECK(ours != theirs);
        }
        // CRLF form: the same tree.
        mime::part storage2[64];
        mime::message crlf_msg(storage2);
        REQUIRE(mime::decode(crlf, crlf_msg, mime::tolerant_options));
        CHECK(crlf_msg.size() == msg.size());
        for (std::size_t i = 0; i < msg.size() && i < crlf_msg.size(); ++i) {
            CHECK(crlf_msg[i].type.type == msg[i].type.type);
            CHECK(crlf_msg[i].type.subtype == msg[i].type.subtype);
            CHECK(crlf_msg[i].parent == msg[i].parent);
        }
    }
    CHECK(files == 23);
    CHECK(same == 5);
}
