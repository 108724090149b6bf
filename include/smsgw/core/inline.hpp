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
// Where each is measured to matter (bench/, Release, GCC 12 unless said; each use's own comment
// says what it measured, and a use without one is a defect):
//   cmpp/layout.hpp and the PDU walks: clang 14 leaves a walk out of line otherwise, and its
//     widths are then no constants (SUBMIT 2.0 decode 325 -> 264 instructions, encode 452 ->
//     347; g++ 12 inlines them unasked);
//   the JSON reader (codec/json_reader.hpp, detail/json_scan.hpp, detail/json_check.hpp): its
//     per-token fast paths always inlined, their slow paths (escapes, long strings, numbers
//     out of the short form, container skips) kept out of line; codec/json_bind.hpp
//     bind_fields() flattened (bench/json read_smsgw_document 36% slower without);
//   codec/json_fields.hpp: the field-list visitors, check_bound() and bind_field() (flattened),
//     so that a member is bound by its field's read alone (bench/mitake decodes); with
//     codec/json_writer.hpp plain_prefix(), json_out's writes (bench/mitake encode 1164K ->
//     1086K instructions);
//   codec/fields.hpp check_string(), check(), check_value() and its word loads: a constant spec
//     leaves only its own kind's checks (bench/hezhong save_mms_model_encode 20% slower without);
//   the lists: codec/delimited.hpp next_split() and masks() (a record's time more than doubled
//     out of line), codec/datetime.hpp parse_walk() kept out of line (bench/hezhong rpts 4%
//     fewer instructions), hezhong/reports.hpp's walks and checks, fivec/report.hpp
//     fast::passes() and fast::read_as() (bench/fivec reports_fivec_walk 60% and 45% more
//     instructions without) and read_field() (16% for the records the fast path leaves),
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
