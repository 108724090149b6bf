#!/usr/bin/env bash
# Runs build.sh the way OSS-Fuzz's base-builder image runs it, without Docker: clang, OSS-Fuzz's
# flags for one sanitizer, libFuzzer as $LIB_FUZZING_ENGINE, and $SRC/$WORK/$OUT laid out as in
# the image. OSS-Fuzz builds with -stdlib=libc++; this does too when asked (`libc++`, with
# Debian's libc++-dev installed): Debian's libFuzzer runtime is built against libstdc++, so the
# targets then link both, each in its own namespace (clang's driver turns -lstdc++ into -lc++,
# hence -l:). Without it the targets build with libstdc++. Then checks what OSS-Fuzz takes from
# $OUT: every fuzz/<name>_fuzzer.cpp as an instrumented binary with its <name>.dict (ClusterFuzz
# uses a dictionary named like its target without an .options file; none of the targets needs
# other options) and <name>_seed_corpus.zip holding exactly fuzz/corpus/<name>/, and nothing
# else; and runs every target once over its unzipped seeds with its dictionary, as the runner
# does, failing on any crash or sanitizer report.
# Usage: fuzz/oss-fuzz/run-local.sh address|undefined DIR [libc++] (DIR/out is $OUT, kept for
# fuzzing).
set -euo pipefail
shopt -s nullglob
usage="usage: $0 address|undefined DIR [libc++]"
sanitizer=${1:?$usage}
dir=${2:?$usage}
case "${3:-}" in
"") stdlib_flags="" engine_libs="" ;;
libc++) stdlib_flags=" -stdlib=libc++" engine_libs=" -l:libstdc++.so.6" ;;
*) echo "$usage" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)

# Flags as base-clang and base-builder's Dockerfiles set them and its `compile` script combines them.
case "$sanitizer" in
address) sanitizer_flags="-fsanitize=address -fsanitize-address-use-after-scope" runtime=__asan_init ;;
undefined)
    checks=array-bounds,bool,builtin,enum,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound,vptr
    sanitizer_flags="-fsanitize=$checks,unsigned-integer-overflow -fno-sanitize-recover=$checks" runtime=__ubsan_handle_ ;;
*) echo "unknown sanitizer: $sanitizer" >&2; exit 2 ;;
esac
export CC=${OSS_FUZZ_CC:-$(command -v clang-14 || command -v clang)}
export CXX=${OSS_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}
export CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION $sanitizer_flags -fsanitize=fuzzer-no-link"
export CXXFLAGS=$CFLAGS$stdlib_flags
export LIB_FUZZING_ENGINE="-fsanitize=fuzzer$engine_libs"
export SANITIZER=$sanitizer FUZZING_ENGINE=libfuzzer FUZZING_LANGUAGE=c++ ARCHITECTURE=x86_64
# The runner's settings: unsigned overflow is instrumented as a coverage signal only.
export UBSAN_OPTIONS=print_stacktrace=1:print_summary=1:silence_unsigned_overflow=1
export SRC="$dir/src" WORK="$dir/work" OUT="$dir/out"

# The image holds the checkout at $SRC/smsgw and build.sh at $SRC (the Dockerfile's COPY): a copy
# of this tree without its build folders, times kept, so that with $WORK kept between runs a
# second run only rebuilds what changed. $OUT starts empty.
rm -rf "$SRC" "$OUT" && mkdir -p "$SRC/smsgw" "$WORK" "$OUT"
tar -C "$root" --exclude=./.git --exclude='./build*' -cf - . | tar -C "$SRC/smsgw" -xf -
cp "$root/fuzz/oss-fuzz/build.sh" "$SRC/build.sh"
(cd "$SRC/smsgw" && bash -eu "$SRC/build.sh")

fail() { echo "oss-fuzz ($sanitizer): $*" >&2; exit 1; }
expected=()
for src in "$root"/fuzz/*_fuzzer.cpp; do
    t=$(basename "$src" .cpp)
    expected+=("$t" "$t.dict" "${t}_seed_corpus.zip")
    [ -x "$OUT/$t" ] || fail "$t missing from \$OUT"
    [ -f "$OUT/$t.dict" ] || fail "$t.dict missing from \$OUT"
    [ -f "$OUT/${t}_seed_corpus.zip" ] || fail "${t}_seed_corpus.zip missing from \$OUT"
    symbols=$(nm "$OUT/$t")
    grep -q "$runtime" <<<"$symbols" || fail "$t is not built with -fsanitize=$sanitizer"
    grep -q __sanitizer_cov_ <<<"$symbols" || fail "$t has no coverage instrumentation"
    seeds="$WORK/seeds/$t"
    rm -rf "$seeds" && mkdir -p "$seeds"
    unzip -q "$OUT/${t}_seed_corpus.zip" -d "$seeds"
    diff -r "$root/fuzz/corpus/$t" "$seeds" >/dev/null || fail "${t}_seed_corpus.zip differs from fuzz/corpus/$t"
    count=$(find "$seeds" -type f -size +0 | wc -l) # libFuzzer runs the empty input on its own
    log="$WORK/seeds/$t.log"
    (cd "$OUT" && "./$t" -dict="$t.dict" -runs=0 "$seeds" >"$log" 2>&1) || { tail -n 40 "$log"; fail "$t failed on its seeds"; }
    grep -q "seed corpus: files: $count " "$log" || { tail -n 20 "$log"; fail "$t did not run its $count seeds"; }
    echo "$t: $count seeds"
done
for f in "$OUT"/*; do
    name=$(basename "$f")
    printf '%s\n' "${expected[@]}" | grep -qxF "$name" || fail "unexpected file in \$OUT: $name"
done
echo "oss-fuzz ($sanitizer): ${#expected[@]} files in \$OUT, every target ran its seeds"
