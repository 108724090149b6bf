#pragma once

/// \namespace smsgw
/// smsgw: header-only wire codecs for the SMS/MMS gateway protocols of mainland China and Taiwan.
/// This umbrella includes every module; include a module's header alone to compile less.
///
/// \namespace smsgw::charset
/// GBK/GB18030, Big5 and windows-1252 to and from UTF-8, exactly as the WHATWG Encoding Standard
/// defines them (smsgw/charset.hpp).
///
/// \namespace smsgw::charset::tables
/// The index tables the charset codecs read, generated from the WHATWG indexes by
/// tools/gen_charset_tables.py.
#include "smsgw/charset.hpp"
#include "smsgw/cmpp.hpp"
#include "smsgw/codec.hpp"
#include "smsgw/core.hpp"
#include "smsgw/fivec.hpp"
#include "smsgw/hezhong.hpp"
#include "smsgw/imsp.hpp"
#include "smsgw/mime.hpp"
#include "smsgw/mitake.hpp"
#include "smsgw/sms.hpp"
#include "smsgw/smsplat.hpp"
