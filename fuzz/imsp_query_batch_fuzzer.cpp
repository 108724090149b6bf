// query_batch answers (§3.4): the input is the description of a page whose code is its first
// byte. Whatever decodes must count as many entries as the code says, each a view into the
// input, and encode again to a page that decodes to the same entries.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/imsp/query_batch.hpp"

namespace {

namespace imsp = smsgw::imsp;

void check(bool ok) {
    if (!ok) std::abort();
}

std::vector<imsp::batch_entry> entries_of(const imsp::query_batch_response& r) {
    return std::vector<imsp::batch_entry>(r.entries.begin(), r.entries.end());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const int code = static_cast<int>(data[0] % 32) - 4;
    const std::string description(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string page =
        "<html><header></header><body>" + std::to_string(code) + "<br>" + description + "<br></body></html>";
    imsp::query_batch_response r;
    const smsgw::result res = imsp::decode(page, r);
    if (!res) {
        check(res.offset <= page.size());
        return 0;
    }
    check(res.offset == page.size());
    const std::vector<imsp::batch_entry> entries = entries_of(r);
    check(code > 0 ? entries.size() == static_cast<std::size_t>(code) : entries.empty());
    for (const imsp::batch_entry& e : entries) {
        check(!e.msisdn.empty() && static_cast<int>(e.status) >= 0);
        check(e.msisdn.data() >= page.data() && e.desc.data() + e.desc.size() <= page.data() + page.size());
    }
    std::string again;
    check(smsgw::encode_append(r, again).ok());
    imsp::query_batch_response back;
    check(imsp::decode(again, back).ok());
    check(back.code == r.code);
    const std::vector<imsp::batch_entry> other = entries_of(back);
    check(other.size() == entries.size());
    for (std::size_t i = 0; i < other.size(); ++i) {
        check(other[i].msisdn == entries[i].msisdn && other[i].status == entries[i].status);
        check(other[i].desc == entries[i].desc);
    }
    // From the caller's array: the same page.
    std::string from_array;
    check(smsgw::encode_append(imsp::query_batch_response{r.code, other, {}}, from_array).ok());
    if (code <= 0) return 0;
    std::string twice;
    check(smsgw::encode_append(back, twice).ok());
    check(twice == from_array);
    return 0;
}
