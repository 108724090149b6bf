# The CTest test example/cmpp_tcp: for CMPP 2.0 and 3.0, cmpp_gateway on an ephemeral 127.0.0.1
# port piped into cmpp_client (which reads the port from the gateway's first line), first with a
# wrong secret (refused with Status 3), then for a whole session.
# cmake -DCLIENT=<cmpp_client> -DGATEWAY=<cmpp_gateway> -P cmpp_tcp.cmake
# Fails unless the rest of the line after prefix_a in a is that after prefix_b in b, and not empty.
function(expect_same_text what a prefix_a b prefix_b)
  string(REGEX MATCH "${prefix_a}([^\n]*)" _match "${a}")
  set(_first "${CMAKE_MATCH_1}")
  string(REGEX MATCH "${prefix_b}([^\n]*)" _match "${b}")
  if(_first STREQUAL "" OR NOT "${CMAKE_MATCH_1}" STREQUAL "${_first}")
    message(FATAL_ERROR "${what}\n${a}${b}")
  endif()
endfunction()

foreach(_version 2.0 3.0)
  execute_process(COMMAND "${GATEWAY}" --cmpp ${_version} --sessions 1
                  COMMAND "${CLIENT}" --cmpp ${_version} --secret wrong
                  RESULTS_VARIABLE _status OUTPUT_VARIABLE _out ERROR_VARIABLE _err TIMEOUT 5)
  if(NOT _status STREQUAL "0;2" OR NOT _out MATCHES "login refused: Status 3 ")
    message(FATAL_ERROR "CMPP ${_version}, wrong secret: exit ${_status}\n${_out}${_err}")
  endif()

  execute_process(COMMAND "${GATEWAY}" --cmpp ${_version} --sessions 1
                  COMMAND "${CLIENT}" --cmpp ${_version}
                  RESULTS_VARIABLE _status OUTPUT_VARIABLE _out ERROR_VARIABLE _err TIMEOUT 5)
  if(NOT _status STREQUAL "0;0")
    message(FATAL_ERROR "CMPP ${_version}: exit ${_status}\n${_out}${_err}")
  endif()
  # 20 short messages and one of three segments; the window full; a report for every Msg_Id.
  if(NOT _out MATCHES "23 SUBMITs for 21 messages, at most 16 unanswered; 23 status reports matched")
    message(FATAL_ERROR "CMPP ${_version}: submissions not as expected\n${_out}${_err}")
  endif()
  # Both sides sent a link check while idle and had it answered; every DELIVER acknowledged.
  if(NOT _err MATCHES "26 DELIVERs acknowledged, 0 not; link checks: [1-9][0-9]* sent and answered, [1-9]")
    message(FATAL_ERROR "CMPP ${_version}: the gateway's side not as expected\n${_out}${_err}")
  endif()
  if(NOT _out MATCHES "link checks: [1-9][0-9]* sent and answered, [1-9]")
    message(FATAL_ERROR "CMPP ${_version}: no link check each way\n${_out}${_err}")
  endif()
  # The gateway's writes of 1 to 7 bytes reached the client's framer in pieces.
  if(NOT _out MATCHES "; [0-9]+ PDUs, ([0-9]+) reads ended inside one" OR CMAKE_MATCH_1 EQUAL 0)
    message(FATAL_ERROR "CMPP ${_version}: no PDU came in pieces\n${_out}${_err}")
  endif()
  # The MO text the client reassembled is the one the gateway sent last segment first, and the
  # long MT message the gateway put together is the one the client split.
  expect_same_text("CMPP ${_version}: MO text not reassembled" "${_err}" "MO in 3 segments, last first: "
                   "${_out}" "MO from 13900139000 in 3 segments: ")
  expect_same_text("CMPP ${_version}: MT segments not as sent" "${_out}" "MT to 13800138000 in 3 segments: "
                   "${_err}" "gateway: MT to 13800138000 in 3 segments: ")
  message(STATUS "CMPP ${_version}:\n${_out}${_err}")
endforeach()
