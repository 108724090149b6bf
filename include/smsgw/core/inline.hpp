#pragma once

// Inlining forced where a benchmark shows the compiler's own choice is slower; nowhere else.
// All are hints with no effect on behaviour; on a compiler without them they expand to
// `inline` and to nothing.
//
//   SMSGW_ALWAYS_INLINE  on a function: inline it into every caller, whatever its size. For a
//                        small function called with constant arguments in a loop, whose
//                        calls the compiler leaves out of line once the caller is large.
//   SMSGW_FLATTEN        on a function: inline everything it calls, recursively, into it. For
//                        an entry point whose callees are templates on the caller's types.
//   SMSGW_NOINLINE       on a slow path: keep it out of line, so that a flattened or
//                        force-inlined caller stays small enough for the instruction cache.
//
// Where each is measured to matter (bench/, Release, GCC 12, the uses outside cmpp/, json_reader
// and charset/ dropped together and compared with them in one run; each use's comment says why):
//   cmpp/layout.hpp and the PDU walks: a field's width is a constant only once the visitor is
//     inlined into the walk (SUBMIT 2.0 decode 392 -> 240 instructions, encode 676 -> 326);
//   codec/json_reader.hpp: its per-token fast paths; codec/json_bind.hpp bind_fields()
//     (flattened; without it bench/json read_smsgw_document is 36% slower);
//   codec/fields.hpp check_string(), check(), check_value(): a constant spec leaves only its
//     own kind's checks (without them bench/hezhong save_mms_model_encode is 20% slower);
//   fivec/report.hpp fast::passes() and fast::read_as() (bench/fivec reports_fivec_walk 60% and
//     45% more instructions without), read_field() (the records the fast path leaves) and
//     imsp/query_batch.hpp read_entry() (bench/imsp query_batch_decode 37% slower without);
//   charset/: the fast paths of the converters.
// Removed where the benchmarks showed no difference (codec/des.hpp's rounds and block loops,
// codec/xml_reader.hpp's skip_plain()): add one only with the benchmark that needs it.
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
