#pragma once

// Whether every kernel of the JSON reader (portable, swar, and sse2 where the target has it)
// says the same of a text: each scanner at every offset of a short text, the checker from the
// first value (and from every offset of a short text). Shared by json_fuzzer and the tests.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "smsgw/detail/json_check.hpp"

namespace json_kernels {

namespace d = smsgw::codec::json::detail;
using d::kernel;

template <kernel K>
using kernel_t = std::integral_constant<kernel, K>;

// f(kernel_t<K>{}) for every kernel the target runs.
template <class F>
void for_each_kernel(F&& f) {
    f(kernel_t<kernel::portable>{});
    f(kernel_t<kernel::swar>{});
    if constexpr (d::have_sse2) f(kernel_t<kernel::sse2>{});
}

constexpr const char* name(kernel k) noexcept {
    return k == kernel::portable ? "portable" : k == kernel::swar ? "swar" : "sse2";
}

// What every scanner says at p (a position of [begin, end)), one kernel's view.
struct at_offset {
    const char* ws = nullptr;
    const char* token = nullptr;
    const char* checked = nullptr;  // check_value
    smsgw::result checked_error{};
    const char* string = nullptr;  // check_string, at a quote
    smsgw::result string_error{};
    bool escaped = false;
    const char* container = nullptr;  // container_end, at a bracket that checked
    bool is_short = false;            // short_integer
    bool negative = false;
    std::uint64_t magnitude = 0;
    const char* short_end = nullptr;
    d::step_result step{};  // step_in from p as the first step and as a later one
    const char* step_to = nullptr;
    smsgw::result step_error{};
    d::step_result next{};
    const char* next_to = nullptr;
    smsgw::result next_error{};

    bool operator==(const at_offset& o) const noexcept {
        return ws == o.ws && token == o.token && checked == o.checked && checked_error == o.checked_error &&
               string == o.string && string_error == o.string_error && escaped == o.escaped &&
               container == o.container && is_short == o.is_short && negative == o.negative &&
               magnitude == o.magnitude && short_end == o.short_end && step == o.step && step_to == o.step_to &&
               step_error == o.step_error && next == o.next && next_to == o.next_to && next_error == o.next_error;
    }
};

template <kernel K>
at_offset scan_at(const char* begin, const char* p, const char* end, bool tolerant) {
    at_offset a;
    a.ws = d::skip_ws<K>(p, end);
    a.token = d::token_end<K>(p, end);
    a.checked = d::check_value<K>(p, end, begin, tolerant, 0, 64, a.checked_error);
    if (p == end) return a;
    if (*p == '"') a.string = d::check_string<K>(p, end, begin, a.string_error, a.escaped);
    if ((*p == '{' || *p == '[') && a.checked) a.container = d::container_end<K>(p, end);
    a.is_short = d::short_integer<K>(p, end, *p == '"', tolerant, a.negative, a.magnitude, a.short_end);
    if (!a.is_short) a.negative = false, a.magnitude = 0;
    d::separator sep;
    a.step_to = p;
    a.step = d::step_in<K>(a.step_to, end, begin, '}', true, tolerant, sep, a.step_error);
    a.next_to = p;
    a.next = d::step_in<K>(a.next_to, end, begin, ']', false, tolerant, sep, a.next_error);
    if (a.next == d::step_result::element) {  // again, with the separator just learnt
        a.next_to = p;
        a.next = d::step_in<K>(a.next_to, end, begin, ']', false, tolerant, sep, a.next_error);
    }
    return a;
}

// Empty when every kernel agrees with the portable one on `text`; else what differs, and where.
inline std::string mismatch(std::string_view text, bool tolerant, std::size_t every_offset_up_to = 512) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    std::string out;
    const std::size_t n = text.size() <= every_offset_up_to ? text.size() : 0;
    for (std::size_t i = 0; i <= n && out.empty(); ++i) {
        const char* p = i == 0 ? d::skip_ws<kernel::portable>(begin, end) : begin + i;
        const at_offset want = scan_at<kernel::portable>(begin, p, end, tolerant);
        for_each_kernel([&](auto k) {
            if (out.empty() && !(scan_at<decltype(k)::value>(begin, p, end, tolerant) == want))
                out = std::string(name(decltype(k)::value)) + " differs from portable at offset " +
                      std::to_string(p - begin);
        });
    }
    return out;
}

}  // namespace json_kernels
