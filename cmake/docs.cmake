# The API reference: `cmake --build <dir> --target docs` runs Doxygen over the public headers
# (docs/Doxyfile.in) into <dir>/docs/html, and fails on any warning, an undocumented public
# entity included. The target exists when Doxygen is found; SMSGW_BUILD_DOCS=ON requires
# Doxygen and builds the reference with the default target.
option(SMSGW_BUILD_DOCS "Build the API reference with the default target (needs Doxygen)" OFF)
# A source package (Conan's exports_sources, an archive of the headers) may come without docs/.
if(NOT EXISTS "${PROJECT_SOURCE_DIR}/docs/Doxyfile.in")
  if(SMSGW_BUILD_DOCS)
    message(FATAL_ERROR "SMSGW_BUILD_DOCS is ON but docs/Doxyfile.in is not in ${PROJECT_SOURCE_DIR}")
  endif()
  return()
endif()
if(SMSGW_BUILD_DOCS)
  find_package(Doxygen REQUIRED)
else()
  find_package(Doxygen QUIET)
endif()
if(NOT DOXYGEN_FOUND)
  return()
endif()

set(SMSGW_DOCS_OUTPUT "${PROJECT_BINARY_DIR}/docs")
configure_file("${PROJECT_SOURCE_DIR}/docs/Doxyfile.in" "${SMSGW_DOCS_OUTPUT}/Doxyfile" @ONLY)
if(SMSGW_BUILD_DOCS)
  set(_smsgw_docs_all ALL)
endif()
add_custom_target(docs ${_smsgw_docs_all}
  COMMAND "${CMAKE_COMMAND}" -DDOXYGEN=${DOXYGEN_EXECUTABLE} -DDOXYFILE=${SMSGW_DOCS_OUTPUT}/Doxyfile
    -DLOG=${SMSGW_DOCS_OUTPUT}/warnings.log -DHTML=${SMSGW_DOCS_OUTPUT}/html -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -P "${PROJECT_SOURCE_DIR}/cmake/run_doxygen.cmake"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Building the API reference in ${SMSGW_DOCS_OUTPUT}/html"
  VERBATIM)
