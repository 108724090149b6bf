#pragma once

/// \namespace smsgw::codec
/// smsgw::codec: ASCII classes, decimal numbers, date-time fields, the field lists of text messages,
/// base64, hex, percent/form encoding, MD5, DES, UTF-8/UCS-2, the JSON reader and writer, delimited
/// lists, line and prefix replies, the XML reader and writer.
///
/// \namespace smsgw::codec::fields
/// The field specs a message's walk lists (fields.hpp), and the form and JSON encoders, decoders
/// and validators built on them (form_fields.hpp, json_fields.hpp).
///
/// \namespace smsgw::codec::json
/// JSON (RFC 8259): the reader (json_reader.hpp), the writer (json_writer.hpp), binding an
/// object's keys to variables (json_bind.hpp) and writing a read value out again (json_copy.hpp).
///
/// \namespace smsgw::codec::xml
/// XML 1.0: the pull reader (xml_reader.hpp), the writer (xml_writer.hpp) and copying a document
/// in the writer's canonical form (xml_copy.hpp).
///
/// \namespace smsgw::codec::hex
/// Base16 (RFC 4648 §8): two hex digits per byte, high nibble first (hex.hpp).
///
/// \namespace smsgw::codec::utf8
/// UTF-8 (RFC 3629) validation, decoding and conversion to and from UTF-16BE, the UCS-2 of CMPP
/// Msg_Fmt 8 (utf8.hpp).
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
#include "smsgw/codec/xml_copy.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/codec/xml_writer.hpp"
#include "smsgw/core.hpp"
