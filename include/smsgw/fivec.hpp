#pragma once

/// \namespace smsgw::fivec
/// smsgw::fivec: the 5C MMS API (5c-mms-api.txt, MMS API 2.0, 2018-04-22). Requests are form
/// bodies or query strings sent to url(api); answers are `success:`/`error:` lines, a bare
/// balance, or `;`-terminated report records.
#include "smsgw/fivec/balance.hpp"
#include "smsgw/fivec/batch.hpp"
#include "smsgw/fivec/frames.hpp"
#include "smsgw/fivec/reply.hpp"
#include "smsgw/fivec/report.hpp"
#include "smsgw/fivec/request.hpp"
#include "smsgw/fivec/send.hpp"
