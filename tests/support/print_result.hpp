#pragma once

// smsgw::result printed as {error, offset, field} when a check fails.
#include <string>

#include "smsgw/core/error.hpp"
#include "test.hpp"

namespace Catch {
template <>
struct StringMaker<smsgw::result> {
    static std::string convert(const smsgw::result& r) {
        return std::string("{") + r.message() + ", " + std::to_string(r.offset) + ", " + (r.field ? r.field : "-") + "}";
    }
};
}  // namespace Catch
