#pragma once

/// \namespace smsgw::mitake
/// smsgw::mitake: the Mitake MMS JSON API (mitake-mms-api.txt, version 1.18): token, push,
/// queryBatchDR, querySingleDR and the callback, every message in both directions.
#include "smsgw/mitake/body.hpp"
#include "smsgw/mitake/callback.hpp"
#include "smsgw/mitake/codes.hpp"
#include "smsgw/mitake/paths.hpp"
#include "smsgw/mitake/push.hpp"
#include "smsgw/mitake/query.hpp"
#include "smsgw/mitake/token.hpp"
