#pragma once

// smsgw core: bytes in and out, errors, results.
#include "smsgw/core/code_text.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/reader.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/version.hpp"
