#pragma once

// smsgw::codec: base64, hex, percent/form encoding, MD5, UTF-8/UCS-2 and the JSON writer.
#include "smsgw/core.hpp"
