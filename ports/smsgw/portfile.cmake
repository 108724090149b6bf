# Overlay port: builds from the checkout two folders up (`vcpkg install smsgw --overlay-ports=ports`).
# Use --binarysource=clear when testing local changes: the binary cache hashes the port files,
# not the source tree they point at.
set(VCPKG_BUILD_TYPE release) # header-only
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DSMSGW_BUILD_TESTS=OFF
        -DSMSGW_BUILD_EXAMPLES=OFF
        -DSMSGW_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/smsgw PACKAGE_NAME smsgw)
# vcpkg.json cannot read include/smsgw/version.hpp: the version CMake installed from it must be its.
include("${CURRENT_PACKAGES_DIR}/share/${PORT}/smsgwConfigVersion.cmake")
if(NOT PACKAGE_VERSION STREQUAL VERSION)
    message(FATAL_ERROR "vcpkg.json says ${VERSION}, include/smsgw/version.hpp says ${PACKAGE_VERSION}")
endif()
vcpkg_fixup_pkgconfig()
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
