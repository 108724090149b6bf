#pragma once

// Inlining for the few hot paths whose speed depends on it: the CMPP layout visitors, where a
// field's width is a constant only once the visitor is inlined into the PDU's walk, and the
// JSON reader's per-token fast paths and bind_fields().
//   SMSGW_ALWAYS_INLINE  on a function: inline it into every caller, whatever its size.
//   SMSGW_FLATTEN        on a function: inline everything it calls, recursively, into it.
//   SMSGW_NOINLINE       on a slow path: keep it out of line, so that a flattened caller
//                        stays small enough for the instruction cache.
// Both are hints with no effect on behaviour; on a compiler without them they expand to
// `inline` and to nothing.
#if defined(__GNUC__) || defined(__clang__)
#define SMSGW_ALWAYS_INLINE inline __attribute__((always_inline))
#define SMSGW_FLATTEN __attribute__((flatten))
#define SMSGW_NOINLINE inline __attribute__((noinline))
#elif defined(_MSC_VER)
#define SMSGW_ALWAYS_INLINE __forceinline
#define SMSGW_FLATTEN
#define SMSGW_NOINLINE inline __declspec(noinline)
#else
#define SMSGW_ALWAYS_INLINE inline
#define SMSGW_FLATTEN
#define SMSGW_NOINLINE inline
#endif
