#pragma once

/// @file
/// \namespace smsgw::sms
/// smsgw::sms: what every SMS protocol shares, whatever carries it: the User Data Header of
/// GSM 03.40 (concatenation, port addressing and other information elements).
#include "smsgw/sms/udh.hpp"
