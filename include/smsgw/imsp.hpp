#pragma once

/// \namespace smsgw::imsp
/// smsgw::imsp: Chunghwa Telecom's IMSP MMS gateway (imsp-mms-gateway.txt, v2.0). Requests are
/// form bodies POSTed to base_url + path(command); answers are `<br>` pages, or for get_mime a MIME packet.
#include "smsgw/imsp/change_passwd.hpp"
#include "smsgw/imsp/codes.hpp"
#include "smsgw/imsp/get_mime.hpp"
#include "smsgw/imsp/list.hpp"
#include "smsgw/imsp/login.hpp"
#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/paths.hpp"
#include "smsgw/imsp/query.hpp"
#include "smsgw/imsp/query_batch.hpp"
#include "smsgw/imsp/request.hpp"
#include "smsgw/imsp/send_mms.hpp"
