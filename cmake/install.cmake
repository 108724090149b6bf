include(CMakePackageConfigHelpers)

set(SMSGW_CMAKE_DIR "${CMAKE_INSTALL_DATAROOTDIR}/cmake/smsgw" CACHE STRING "Where smsgwConfig.cmake is installed")
set(SMSGW_PKGCONFIG_DIR "${CMAKE_INSTALL_DATAROOTDIR}/pkgconfig" CACHE STRING "Where smsgw.pc is installed")

install(TARGETS smsgw EXPORT smsgwTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/smsgw" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT smsgwTargets NAMESPACE smsgw:: DESTINATION "${SMSGW_CMAKE_DIR}")
export(TARGETS smsgw NAMESPACE smsgw:: FILE "${PROJECT_BINARY_DIR}/smsgwTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/smsgwConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/smsgwConfig.cmake"
  INSTALL_DESTINATION "${SMSGW_CMAKE_DIR}")
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/smsgwConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/smsgwConfig.cmake" "${PROJECT_BINARY_DIR}/smsgwConfigVersion.cmake"
  DESTINATION "${SMSGW_CMAKE_DIR}")

# A relocatable .pc: its prefix is found from the file's own place, so `cmake --install --prefix`
# and package managers that move the tree keep it valid.
file(RELATIVE_PATH SMSGW_PC_TO_PREFIX "/${SMSGW_PKGCONFIG_DIR}" "/")
string(REGEX REPLACE "/$" "" SMSGW_PC_TO_PREFIX "${SMSGW_PC_TO_PREFIX}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/smsgw.pc.in" "${PROJECT_BINARY_DIR}/smsgw.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/smsgw.pc" DESTINATION "${SMSGW_PKGCONFIG_DIR}")
