// The `rpts` and `mos` pushes (§七, §八), the first byte choosing which: walked in both modes. A
// list that reads in strict mode reads the same in tolerant mode and is written back byte for
// byte; records read in tolerant mode that encode read back the same in strict mode.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/hezhong.hpp"

namespace {

namespace hz = smsgw::hezhong;

void check(bool ok) {
    if (!ok) std::abort();
}

template <class Record>
std::vector<Record> read(const hz::record_list<Record>& list, std::string_view text) {
    std::vector<Record> out;
    for (const Record& r : list) out.push_back(r);
    const smsgw::result e = list.error();
    if (!e) check(e.offset <= text.size());
    check(out.size() <= hz::max_push_records);
    return out;
}

template <class Record>
std::string written(const std::vector<Record>& records, smsgw::result& r) {
    smsgw::writer measure;
    r = hz::encode_list<Record>(records, measure);
    if (!r && r.ec != smsgw::errc::buffer_too_small) return {};
    std::string s(measure.size(), '\0');
    smsgw::writer w(s.data(), s.size());
    r = hz::encode_list<Record>(records, w);
    check(r.ok() && r.offset == s.size());
    return s;
}

bool same(const hz::report& a, const hz::report& b) {
    return a.mobile == b.mobile && a.status == b.status && a.msgid == b.msgid && a.receive_time == b.receive_time &&
           a.serial == b.serial;
}
bool same(const hz::mo& a, const hz::mo& b) {
    return a.mobile == b.mobile && a.extension == b.extension && a.content == b.content && a.receive_time == b.receive_time;
}

template <class Record>
void run(std::string_view text) {
    const hz::record_list<Record> strict(text);
    const hz::record_list<Record> tolerant(text, smsgw::mode::tolerant);
    const std::vector<Record> s = read(strict, text);
    const std::vector<Record> t = read(tolerant, text);
    if (strict.error()) {
        check(tolerant.error().ok() && s.size() == t.size());
        for (std::size_t i = 0; i < s.size(); ++i) check(same(s[i], t[i]));
        if (!s.empty()) {
            smsgw::result r;
            check(written(s, r) == text);
        }
    }
    if (!tolerant.error() || t.empty()) return;
    smsgw::result r;
    const std::string again = written(t, r);
    if (!r) return;
    const hz::record_list<Record> back(again);
    const std::vector<Record> b = read(back, again);
    check(back.error().ok() && b.size() == t.size());
    for (std::size_t i = 0; i < b.size(); ++i) check(same(b[i], t[i]));
    for (const Record& x : b) {
        if constexpr (std::is_same_v<Record, hz::mo>) {
            std::string content(x.content.size(), '\0');
            smsgw::writer w(content.data(), content.size());
            const smsgw::result d = x.decode_content(w);
            if (d) check(d.offset <= x.content.size());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0) {
        run<hz::report>(text);
    } else {
        run<hz::mo>(text);
    }
    return 0;
}
