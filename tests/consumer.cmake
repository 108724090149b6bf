# Consumers of the package, each built by CTest as a separate project: find_package after an
# install, pkg-config, add_subdirectory and FetchContent (redirected to this checkout); and the
# version the vcpkg port states, which must follow version.hpp.
add_test(NAME package_versions
  COMMAND "${CMAKE_COMMAND}" "-DSOURCE=${PROJECT_SOURCE_DIR}" -DVERSION=${PROJECT_VERSION}
    -P "${CMAKE_CURRENT_SOURCE_DIR}/consumer/versions.cmake")

if(NOT SMSGW_INSTALL)
  return()
endif()

set(_stage "${CMAKE_CURRENT_BINARY_DIR}/consumer-stage")
set(_consumer "${CMAKE_CURRENT_SOURCE_DIR}/consumer")
set(_generator_args --build-generator "${CMAKE_GENERATOR}")

add_test(NAME consumer_install
  COMMAND "${CMAKE_COMMAND}" --install "${PROJECT_BINARY_DIR}" --prefix "${_stage}")
set_tests_properties(consumer_install PROPERTIES FIXTURES_SETUP smsgw_staged)

add_test(NAME consumer_find_package
  COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer}/find_package" "${CMAKE_CURRENT_BINARY_DIR}/consumer-find_package"
    ${_generator_args} --build-options "-DCMAKE_PREFIX_PATH=${_stage}" "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    --test-command consumer)
set_tests_properties(consumer_find_package PROPERTIES FIXTURES_REQUIRED smsgw_staged)

find_program(SMSGW_PKG_CONFIG NAMES pkg-config)
if(SMSGW_PKG_CONFIG)
  add_test(NAME consumer_pkg_config
    COMMAND "${CMAKE_COMMAND}" -DPKG_CONFIG=${SMSGW_PKG_CONFIG} -DSTAGE=${_stage} -DCXX=${CMAKE_CXX_COMPILER}
      -DSOURCE=${_consumer}/main.cpp -DOUT=${CMAKE_CURRENT_BINARY_DIR}/consumer-pkg_config
      -P "${_consumer}/pkg_config.cmake")
  set_tests_properties(consumer_pkg_config PROPERTIES FIXTURES_REQUIRED smsgw_staged)
endif()

add_test(NAME consumer_add_subdirectory
  COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer}/add_subdirectory" "${CMAKE_CURRENT_BINARY_DIR}/consumer-add_subdirectory"
    ${_generator_args} --build-options "-DSMSGW_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    --test-command consumer)

add_test(NAME consumer_fetch_content
  COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer}/fetch_content" "${CMAKE_CURRENT_BINARY_DIR}/consumer-fetch_content"
    ${_generator_args} --build-options "-DFETCHCONTENT_SOURCE_DIR_SMSGW=${PROJECT_SOURCE_DIR}" "-DFETCHCONTENT_FULLY_DISCONNECTED=ON"
      "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    --test-command consumer)
