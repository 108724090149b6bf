#pragma once

// The one source of truth for smsgw's version: CMake, Conan and vcpkg read it from here.
#define SMSGW_VERSION_MAJOR 0
#define SMSGW_VERSION_MINOR 3
#define SMSGW_VERSION_PATCH 0
#define SMSGW_VERSION (SMSGW_VERSION_MAJOR * 10000 + SMSGW_VERSION_MINOR * 100 + SMSGW_VERSION_PATCH)
