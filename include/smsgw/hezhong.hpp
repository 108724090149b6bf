#pragma once

/// \namespace smsgw::hezhong
/// smsgw::hezhong: the Hezhong video MMS API (hezhong-video-mms-api.txt, v1.3). Requests are UTF-8
/// JSON bodies POSTed to base_url + path(call) (QueryBalance a GET query); Hezhong posts audit
/// notifications as JSON and status reports and replies as `rpts=` and `mos=` lists.
#include "smsgw/hezhong/audit.hpp"
#include "smsgw/hezhong/codes.hpp"
#include "smsgw/hezhong/message.hpp"
#include "smsgw/hezhong/paths.hpp"
#include "smsgw/hezhong/query_balance.hpp"
#include "smsgw/hezhong/reports.hpp"
#include "smsgw/hezhong/save_mms_model.hpp"
#include "smsgw/hezhong/send_mms_task.hpp"
#include "smsgw/hezhong/send_variable_mms_task.hpp"
#include "smsgw/hezhong/variables.hpp"
