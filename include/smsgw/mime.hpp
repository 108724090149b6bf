#pragma once

/// \namespace smsgw::mime
/// smsgw::mime: MIME messages (RFC 2045-2047, 2231) as IMSP get_mime returns them and beyond:
/// header fields, Content-Type and its parameters, encoded-words, multipart trees, transfer
/// decodings, and an encoder.
///
/// \namespace smsgw::mime::quoted_printable
/// Quoted-Printable (RFC 2045 §6.7), decoding and encoding (quoted_printable.hpp).
#include "smsgw/core.hpp"
#include "smsgw/mime/body.hpp"
#include "smsgw/mime/charset.hpp"
#include "smsgw/mime/content_type.hpp"
#include "smsgw/mime/encoded_word.hpp"
#include "smsgw/mime/encoder.hpp"
#include "smsgw/mime/headers.hpp"
#include "smsgw/mime/message.hpp"
#include "smsgw/mime/multipart.hpp"
#include "smsgw/mime/options.hpp"
#include "smsgw/mime/quoted_printable.hpp"
