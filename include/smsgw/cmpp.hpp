#pragma once

/// \namespace smsgw::cmpp
/// smsgw::cmpp: CMPP 2.0 and 3.0 (China Mobile Peer to Peer) PDUs, their framing on a TCP
/// stream, and the helpers around them (Msg_Id, authenticators, status reports, result codes,
/// long messages, Sequence_Id).
#include "smsgw/cmpp/active_test.hpp"
#include "smsgw/cmpp/auth.hpp"
#include "smsgw/cmpp/cancel.hpp"
#include "smsgw/cmpp/codes.hpp"
#include "smsgw/cmpp/connect.hpp"
#include "smsgw/cmpp/deliver.hpp"
#include "smsgw/cmpp/framing.hpp"
#include "smsgw/cmpp/fwd.hpp"
#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/id_list.hpp"
#include "smsgw/cmpp/layout.hpp"
#include "smsgw/cmpp/long_sms.hpp"
#include "smsgw/cmpp/msg_id.hpp"
#include "smsgw/cmpp/pdu.hpp"
#include "smsgw/cmpp/query.hpp"
#include "smsgw/cmpp/report.hpp"
#include "smsgw/cmpp/route.hpp"
#include "smsgw/cmpp/route_update.hpp"
#include "smsgw/cmpp/sequence.hpp"
#include "smsgw/cmpp/submit.hpp"
#include "smsgw/cmpp/terminate.hpp"
#include "smsgw/cmpp/text.hpp"
