#!/bin/bash -eu
# OSS-Fuzz build: compiler, flags and engine come from the environment ($CXX, $CXXFLAGS,
# $LIB_FUZZING_ENGINE). No CMAKE_BUILD_TYPE: it would append -O3 after OSS-Fuzz's -O1.
# Each target gets its seeds as a zip and its dictionary under its own name, which ClusterFuzz
# picks up without an .options file. run-local.sh runs this as the image does.
cmake -S "$SRC/smsgw" -B "$WORK/build" -G Ninja \
  -DSMSGW_BUILD_TESTS=OFF -DSMSGW_BUILD_EXAMPLES=OFF -DSMSGW_INSTALL=OFF \
  -DSMSGW_BUILD_FUZZERS=ON -DSMSGW_FUZZ_ENGINE="$LIB_FUZZING_ENGINE"
cmake --build "$WORK/build" --target smsgw_fuzzers -j "$(nproc)"

for src in "$SRC"/smsgw/fuzz/*_fuzzer.cpp; do
  name=$(basename "$src" .cpp)
  cp "$WORK/build/fuzz/$name" "$OUT/"
  (cd "$SRC/smsgw/fuzz/corpus/$name" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
  cp "$SRC/smsgw/fuzz/dict/$name.dict" "$OUT/"
done
