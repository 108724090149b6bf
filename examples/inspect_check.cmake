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

# encode: the JSON decoding printed back to the very bytes.
set(_work "${CMAKE_CURRENT_BINARY_DIR}/inspect_check")
file(MAKE_DIRECTORY "${_work}")
execute_process(COMMAND "${INSPECT}" cmpp "${SAMPLES}/cmpp/submit.bin" OUTPUT_VARIABLE _submit)
file(WRITE "${_work}/submit.json" "${_submit}")
execute_process(COMMAND "${INSPECT}" encode cmpp - INPUT_FILE "${_work}/submit.json" OUTPUT_FILE "${_work}/submit.bin"
  RESULT_VARIABLE _rc)
file(READ "${_work}/submit.bin" _got HEX)
file(READ "${SAMPLES}/cmpp/submit.bin" _want HEX)
if(NOT _rc EQUAL 0 OR NOT _got STREQUAL _want)
  message(FATAL_ERROR "encode cmpp: exit ${_rc}, bytes ${_got}, not ${_want}")
endif()

# A refused member is named by its JSON path, with the library's error and the offset of its
# value in the JSON text; a derived member (msg_length) is checked against the bytes; a
# required one missing is missing_field.
function(refused format input want)
  file(WRITE "${_work}/refused.json" "${input}")
  execute_process(COMMAND "${INSPECT}" encode ${format} "${_work}/refused.json" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out
    ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 1 OR NOT _out STREQUAL "" OR NOT _err STREQUAL "${want}\n")
    message(FATAL_ERROR "encode ${format}: exit ${_rc}, stdout '${_out}', stderr:\n${_err}\nnot:\n${want}")
  endif()
endfunction()
string(REPLACE "\"dest_terminal_id\":[\"13800138000\"]" "\"dest_terminal_id\":[\"13800138000\",\"13800138001\",\"1234567890123456789012\"]"
  _too_long "${_submit}")
string(FIND "${_too_long}" "\"1234567890123456789012\"" _at)
refused(cmpp "${_too_long}"
  "{\"error\":\"value too long for its field\",\"offset\":${_at},\"path\":\".dest_terminal_id[2]\",\"field\":\"Dest_terminal_Id\"}")
string(FIND "${_submit}" "\"msg_length\":4" _at)
math(EXPR _at "${_at} + 13")
string(REPLACE "\"msg_length\":4" "\"msg_length\":5" _wrong_length "${_submit}")
refused(cmpp "${_wrong_length}" "{\"error\":\"differs from what the bytes decode to\",\"offset\":${_at},\"path\":\".msg_length\"}")
string(REPLACE "\"sequence_id\":260," "" _no_sequence "${_submit}")
refused(cmpp "${_no_sequence}" "{\"error\":\"required field missing\",\"offset\":0,\"path\":\".sequence_id\"}")
execute_process(COMMAND "${INSPECT}" mitake push-request "${SAMPLES}/mitake-push-request/spec-with-real-base64.json"
  OUTPUT_VARIABLE _push)
string(REPLACE "\"to\":\"0922222222\"" "\"to\":\"09222x2222\"" _bad_to "${_push}")
string(FIND "${_bad_to}" "\"09222x2222\"" _at)
refused("mitake;push-request" "${_bad_to}"
  "{\"error\":\"character not allowed here\",\"offset\":${_at},\"path\":\".destinations[1].to\"}")
refused(cmpp "{\"command\":\"CMPP_SUBMIT\"" "{\"error\":\"input truncated\",\"offset\":24}")
# 5C's batch document: the library's refusal, which names the element, at the recipient's value.
execute_process(COMMAND "${INSPECT}" fivec batch "${SAMPLES}/fivec-batch/two-recipients.xml" OUTPUT_VARIABLE _batch)
string(REPLACE "\"18610310066\"" "\"186103100661\"" _long_mobile "${_batch}")
string(FIND "${_long_mobile}" "\"186103100661\"" _at)
refused("fivec;batch" "${_long_mobile}"
  "{\"error\":\"value too long for its field\",\"offset\":${_at},\"path\":\".mmsBody[1].mmsMobile\",\"field\":\"mmsMobile\"}")
# MIME: a leaf without its raw body.
execute_process(COMMAND "${INSPECT}" mime "${SAMPLES}/mime/nested.eml" OUTPUT_VARIABLE _nested)
string(FIND "${_nested}" "{\"index\":2," _at)
string(REPLACE "\"body\":\"a\"," "" _no_body "${_nested}")
refused(mime "${_no_body}" "{\"error\":\"required field missing\",\"offset\":${_at},\"path\":\".tree[2].body\"}")

execute_process(COMMAND "${INSPECT}" encode md5 "${SAMPLES}/md5/abc.txt" RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 2 OR NOT _err MATCHES "md5 does not encode")
  message(FATAL_ERROR "encode md5: exit ${_rc}, stderr:\n${_err}")
endif()

# --format text: one line per member, indented by structure, numbers with their hex, CMPP's
# fields by their spec names.
execute_process(COMMAND "${INSPECT}" cmpp --format text "${SAMPLES}/cmpp/active-test-resp.bin" RESULT_VARIABLE _rc
  OUTPUT_VARIABLE _out)
set(_want "message 1:\n    Command_Id (command): \"CMPP_ACTIVE_TEST_RESP\"\n    Total_Length (total_length): 13 (0xd)\n"
  "    Sequence_Id (sequence_id): 264 (0x108)\n    Reserved (reserved): 1 (0x1)\n")
string(CONCAT _want ${_want})
if(NOT _rc EQUAL 0 OR NOT _out STREQUAL _want)
  message(FATAL_ERROR "--format text: exit ${_rc}, output:\n${_out}")
endif()
execute_process(COMMAND "${INSPECT}" form "${SAMPLES}/form/empty-pairs.txt" --format text RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
set(_want "message 1:\n    count: 3 (0x3)\n    fields: 3 items\n        [0]:\n            offset: 0 (0x0)\n            name: \"a\"\n            value: \"1\"\n"
  "        [1]:\n            offset: 5 (0x5)\n            name: \"c\"\n            value: \"\"\n"
  "        [2]:\n            offset: 7 (0x7)\n            name: \"d\"\n            value: \"x=y\"\n")
string(CONCAT _want ${_want})
if(NOT _rc EQUAL 0 OR NOT _out STREQUAL _want)
  message(FATAL_ERROR "--format text (form): exit ${_rc}, output:\n${_out}")
endif()
execute_process(COMMAND "${INSPECT}" utf8 --format text "${SAMPLES}/utf8/bad-overlong-slash.bin" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
if(NOT _rc EQUAL 1 OR NOT _out STREQUAL "message 1:\n    error: \"invalid UTF-8\"\n    offset: 3 (0x3)\n")
  message(FATAL_ERROR "--format text (error): exit ${_rc}, output:\n${_out}")
endif()
execute_process(COMMAND "${INSPECT}" utf8 --format yaml "${SAMPLES}/utf8/greeting.txt" RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 2 OR NOT _err MATCHES "--format json or --format text")
  message(FATAL_ERROR "--format yaml: exit ${_rc}, stderr:\n${_err}")
endif()

# <format> --help, for every format --help lists: its usage, the encode line when it encodes,
# and its example decoded.
execute_process(COMMAND "${INSPECT}" --help OUTPUT_VARIABLE _list)
string(REGEX MATCHALL "\n  [a-z0-9-]+ " _names "${_list}")
foreach(_name IN LISTS _names)
  string(STRIP "${_name}" _name)
  execute_process(COMMAND "${INSPECT}" ${_name} --help RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
  if(NOT _rc EQUAL 0 OR NOT _out MATCHES "^usage: smsgw-inspect ${_name} " OR NOT _out MATCHES "\nexample:\n  \\$ smsgw-inspect ${_name} .*\n[[{]")
    message(FATAL_ERROR "${_name} --help: exit ${_rc}, output:\n${_out}")
  endif()
  if(NOT _name STREQUAL "md5" AND NOT _out MATCHES "\n       smsgw-inspect encode ${_name} ")
    message(FATAL_ERROR "${_name} --help: no encode line:\n${_out}")
  endif()
endforeach()
