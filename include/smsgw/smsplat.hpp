#pragma once

/// \namespace smsgw::smsplat
/// smsgw::smsplat: the HTTP SMS platform (cmpp2-and-http-sms-platform.txt, Parts II and III),
/// white-labelled by many SMS vendors. Requests are form-encoded parameters sent to
/// http://IP:PORT + path(call); answers are lines, `resptime,respstatus` first.
#include "smsgw/smsplat/balance.hpp"
#include "smsgw/smsplat/batch_send.hpp"
#include "smsgw/smsplat/codes.hpp"
#include "smsgw/smsplat/paths.hpp"
#include "smsgw/smsplat/push.hpp"
#include "smsgw/smsplat/recharge.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"
#include "smsgw/smsplat/sign.hpp"
#include "smsgw/smsplat/user_manage.hpp"
#include "smsgw/smsplat/var_sm.hpp"
