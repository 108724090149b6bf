# Warnings for smsgw's own programs (tests, examples, fuzzers, benchmarks), never for consumers.
option(SMSGW_WERROR "Treat warnings as errors in smsgw's own programs" OFF)

add_library(smsgw_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(smsgw_warnings INTERFACE -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
    $<$<BOOL:${SMSGW_WERROR}>:-Werror>)
elseif(MSVC)
  target_compile_options(smsgw_warnings INTERFACE /W4 /permissive- $<$<BOOL:${SMSGW_WERROR}>:/WX>)
endif()
