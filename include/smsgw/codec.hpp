#pragma once

// smsgw::codec: ASCII classes, decimal numbers, date-time fields, base64, hex, percent/form encoding, MD5, UTF-8/UCS-2, the JSON reader and writer.
#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_bind.hpp"
#include "smsgw/codec/json_copy.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core.hpp"
