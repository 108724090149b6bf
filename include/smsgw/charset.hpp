#pragma once

// smsgw::charset: GBK/GB18030, Big5 and windows-1252 to and from UTF-8, exactly as the WHATWG
// Encoding Standard defines them, with tables generated from its indexes
// (tools/gen_charset_tables.py); labels as the Standard's encodings.json lists them.
#include "smsgw/charset/big5.hpp"
#include "smsgw/charset/convert.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/gb18030.hpp"
#include "smsgw/charset/stream.hpp"
#include "smsgw/charset/windows_1252.hpp"
