#pragma once

// smsgw::charset: GBK/GB18030, Big5 and windows-1252 to and from UTF-8, exactly as the WHATWG
// Encoding Standard defines them, with tables generated from its indexes
// (tools/gen_charset_tables.py); labels as the Standard's encodings.json lists them.
//
//   const smsgw::charset::label_match m = smsgw::charset::from_label("gb2312");  // m.enc == encoding::gbk
//   std::string out(smsgw::charset::max_decoded_size(in.size()), '\0');
//   smsgw::writer w(out.data(), out.size());
//   smsgw::charset::outcome r = smsgw::charset::decode(m.enc, in, w, smsgw::mode::tolerant);
//   out.resize(w.size());  // r.replaced: how many U+FFFD stand for bytes in error
#include "smsgw/charset/big5.hpp"
#include "smsgw/charset/convert.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/gb18030.hpp"
#include "smsgw/charset/stream.hpp"
#include "smsgw/charset/windows_1252.hpp"
