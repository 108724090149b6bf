#pragma once

/// @file
/// Long messages in CMPP: the User Data Header they share with every SMS protocol
/// (sms/udh.hpp, whose concatenation types cmpp:: also names), the splitter that makes the
/// segments of a SUBMIT (cmpp/splitter.hpp) and the reassembler that puts an MO message
/// back together (cmpp/reassembler.hpp).
#include "smsgw/cmpp/reassembler.hpp"
#include "smsgw/cmpp/splitter.hpp"
#include "smsgw/sms/udh.hpp"
