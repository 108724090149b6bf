#pragma once

#include <string_view>

namespace smsgw {

/// What a protocol's return or status code means, the one shape every module's code tables
/// answer with (`describe(code)`): `chinese` as the spec words it (UTF-8), `english` the spec's
/// own English where it has one, else an English rendering. Both empty for a code the spec does
/// not name; the code itself always stays a number in its enum.
struct code_text {
    /// The vendor's own text.
    std::string_view chinese;
    /// An English text.
    std::string_view english;
    /// Whether there is a text (an unknown code has none).
    constexpr bool known() const noexcept { return !chinese.empty() || !english.empty(); }
};

}  // namespace smsgw
