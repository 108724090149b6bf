# The command-line contract of smsgw-inspect: --help lists the formats (exit 0), an unknown
# format lists them too (exit 2), a refused input prints an error object and exits 1.
execute_process(COMMAND "${INSPECT}" --help RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
if(NOT _rc EQUAL 0 OR NOT _out MATCHES "formats:\n" OR NOT _out MATCHES "\n  utf8 " OR NOT _out MATCHES "\n  md5 ")
  message(FATAL_ERROR "--help: exit ${_rc}, output:\n${_out}")
endif()

execute_process(COMMAND "${INSPECT}" no-such-format RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 2 OR NOT _err MATCHES "unknown format 'no-such-format'" OR NOT _err MATCHES "\n  utf8 ")
  message(FATAL_ERROR "unknown format: exit ${_rc}, stderr:\n${_err}")
endif()

execute_process(COMMAND "${INSPECT}" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 2 OR NOT _err MATCHES "^usage: smsgw-inspect")
  message(FATAL_ERROR "no arguments: exit ${_rc}, stderr:\n${_err}")
endif()

execute_process(COMMAND "${INSPECT}" utf8 "${SAMPLES}/utf8/bad-overlong-slash.bin" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
if(NOT _rc EQUAL 1 OR NOT _out STREQUAL "{\"error\":\"invalid UTF-8\",\"offset\":3}\n")
  message(FATAL_ERROR "bad input: exit ${_rc}, output:\n${_out}")
endif()

execute_process(COMMAND "${INSPECT}" utf8 extra-argument "${SAMPLES}/utf8/greeting.txt" RESULT_VARIABLE _rc
  OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 2 OR NOT _err MATCHES "usage: smsgw-inspect utf8 ")
  message(FATAL_ERROR "bad arguments: exit ${_rc}, stderr:\n${_err}")
endif()

execute_process(COMMAND "${INSPECT}" md5 - INPUT_FILE "${SAMPLES}/md5/abc.txt" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
if(NOT _rc EQUAL 0 OR NOT _out STREQUAL "{\"bytes\":3,\"md5\":\"900150983cd24fb0d6963f7d28e17f72\"}\n")
  message(FATAL_ERROR "standard input: exit ${_rc}, output:\n${_out}")
endif()
