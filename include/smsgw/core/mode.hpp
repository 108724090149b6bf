#pragma once

// The one strict/tolerant option of every smsgw decoder.
namespace smsgw {

/// Strict decoding refuses what the spec forbids, with the offset and the field at fault.
/// Tolerant decoding accepts what real peers are known to send against the spec (each module
/// says which departures), keeping every byte so that nothing is lost. Both check what they
/// must to stay memory-safe.
enum class mode : unsigned char {
    strict,    ///< the default everywhere
    tolerant,
};

}  // namespace smsgw
