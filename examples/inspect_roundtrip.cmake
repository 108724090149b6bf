# decode(encode(j)) == j: every sample in examples/samples/<folder>/ that decodes (the folder's
# format and ARGS as demo.cmake has them) is decoded to JSON, that JSON encoded back to bytes by
# `smsgw-inspect encode`, and those bytes decoded again: the two JSON texts must be the same.
# Formats and messages that do not encode are listed here with why; any other that refuses
# fails the test.
include("${CMAKE_CURRENT_LIST_DIR}/samples.cmake")
set(_not_encoded
  md5   # a digest does not hold its input
)
# Samples whose decoding is lossy, so that no bytes give their JSON back.
set(_lossy
  charset-gbk-tolerant/broken.bin  # U+FFFD replaced bytes that were not GBK
  mitake-push-response-tolerant/unknown-members.json  # members the message lacks: named, their values not printed
  # What tolerant decoding lets through and the encoder, strict as the library's are, does not write back:
  hezhong-rpts-tolerant/spec-example.txt              # a line break inside receive_time
  hezhong-send_mms_task-tolerant/spec-example.json    # a blank after a comma in mobile
  hezhong-send_mms_task-tolerant/spec-example-variables.json
  fivec-frames-tolerant/glued-leading-trailing.txt  # elements glued without ';', a ';' before and after
  fivec-caixin_send-tolerant/tittle-and-quirks.txt  # the same frame string
  fivec-report_reply-tolerant/crlf-blanks.txt       # CRLF and blanks between the records
)
set(_work "${CMAKE_CURRENT_BINARY_DIR}/inspect_roundtrip")
file(MAKE_DIRECTORY "${_work}")
set(_checked 0)
foreach(_folder IN LISTS smsgw_sample_folders)
  smsgw_sample_folder("${_folder}" _args _files)
  list(GET _args 0 _format)
  if(_format IN_LIST _not_encoded)
    message("${_folder}: not encoded")
    continue()
  endif()
  foreach(_file IN LISTS _files)
    get_filename_component(_name "${_file}" NAME)
    if(_name MATCHES "^bad-" OR "${_folder}/${_name}" IN_LIST _lossy)
      continue()
    endif()
    set(_json "${_work}/${_folder}-${_name}.json")
    set(_bytes "${_work}/${_folder}-${_name}.bytes")
    execute_process(COMMAND "${INSPECT}" ${_args} "${_file}" RESULT_VARIABLE _rc OUTPUT_FILE "${_json}")
    file(READ "${_json}" _first)
    execute_process(COMMAND "${INSPECT}" encode ${_args} "${_json}" RESULT_VARIABLE _rc OUTPUT_FILE "${_bytes}"
      ERROR_VARIABLE _err)
    if(NOT _rc EQUAL 0)
      message(SEND_ERROR "${_folder}/${_name}: encode exit ${_rc}:\n${_err}\nfrom:\n${_first}")
      continue()
    endif()
    execute_process(COMMAND "${INSPECT}" ${_args} "${_bytes}" RESULT_VARIABLE _rc OUTPUT_VARIABLE _second)
    if(NOT _first STREQUAL _second)
      message(SEND_ERROR "${_folder}/${_name}: decode(encode(j)) != j\n  j: ${_first}\n  decode(encode(j)): ${_second}")
    endif()
    math(EXPR _checked "${_checked} + 1")
  endforeach()
endforeach()
message("${_checked} samples round-tripped")
