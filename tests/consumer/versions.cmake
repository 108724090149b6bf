# The version vcpkg's manifest states must be the one include/smsgw/version.hpp gives CMake
# (PROJECT_VERSION); vcpkg.json cannot read the header, and conanfile.py reads it itself.
file(READ "${SOURCE}/ports/smsgw/vcpkg.json" manifest)
if(NOT manifest MATCHES "\"version-semver\": *\"([^\"]*)\"")
  message(FATAL_ERROR "ports/smsgw/vcpkg.json has no version-semver")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "ports/smsgw/vcpkg.json says ${CMAKE_MATCH_1}, include/smsgw/version.hpp says ${VERSION}")
endif()
