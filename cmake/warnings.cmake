# Warnings for smsgw's own programs (tests, examples, fuzzers, benchmarks), never for consumers.
option(SMSGW_WERROR "Treat warnings as errors in smsgw's own programs" OFF)

add_library(smsgw_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(smsgw_warnings INTERFACE -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
    $<$<BOOL:${SMSGW_WERROR}>:-Werror>)
  # g++ 12 at -O2/-O3 reports array-bounds, stringop-overflow and restrict on std::string code
  # inlined from libstdc++ (GCC bugs 105329, 105545, 105651): still shown, never fatal.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(smsgw_warnings INTERFACE -Wno-error=array-bounds -Wno-error=stringop-overflow
      -Wno-error=restrict)
  endif()
elseif(MSVC)
  target_compile_options(smsgw_warnings INTERFACE /W4 /permissive- $<$<BOOL:${SMSGW_WERROR}>:/WX>)
endif()
