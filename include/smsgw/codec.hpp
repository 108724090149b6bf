#pragma once

// smsgw::codec: ASCII classes, decimal numbers, date-time fields, the field lists of text messages,
// base64, hex, percent/form encoding, MD5, DES, UTF-8/UCS-2, the JSON reader and writer, delimited
// lists, line and prefix replies.
#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/delimited.hpp"
#include "smsgw/codec/des.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_bind.hpp"
#include "smsgw/codec/json_copy.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/prefix_reply.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core.hpp"
