#pragma once

#include "smsgw/cmpp/layout.hpp"

// CMPP_TERMINATE and CMPP_TERMINATE_RESP (CMPP 2.0 §8.4.2): a header without a body, the same
// in 2.0 and 3.0.
namespace smsgw::cmpp {

/// CMPP_TERMINATE.
using terminate = header_only<command_id::terminate>;
/// CMPP_TERMINATE_RESP.
using terminate_resp = header_only<command_id::terminate_resp>;

}  // namespace smsgw::cmpp
