# The sample folders of examples/samples/ and the arguments each is decoded with: the folder's
# name is the format, unless the folder holds a file ARGS with the arguments to pass instead
# (for formats that take more, such as `imsp-response login`). Included by demo.cmake and
# inspect_roundtrip.cmake.
cmake_minimum_required(VERSION 3.16)
file(GLOB _entries LIST_DIRECTORIES true RELATIVE "${SAMPLES}" "${SAMPLES}/*")
list(SORT _entries)
set(smsgw_sample_folders)
foreach(_entry IN LISTS _entries)
  if(IS_DIRECTORY "${SAMPLES}/${_entry}")
    list(APPEND smsgw_sample_folders "${_entry}")
  endif()
endforeach()

# The arguments of `folder` to `out`, its sample files (ARGS left out, sorted) to `files`.
function(smsgw_sample_folder folder out files)
  set(_args "${folder}")
  if(EXISTS "${SAMPLES}/${folder}/ARGS")
    file(READ "${SAMPLES}/${folder}/ARGS" _args)
    string(STRIP "${_args}" _args)
  endif()
  separate_arguments(_args UNIX_COMMAND "${_args}")
  file(GLOB _files "${SAMPLES}/${folder}/*")
  list(FILTER _files EXCLUDE REGEX "/ARGS$")
  list(SORT _files)
  set(${out} "${_args}" PARENT_SCOPE)
  set(${files} "${_files}" PARENT_SCOPE)
endfunction()
