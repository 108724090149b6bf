import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir

required_conan_version = ">=2.0"


class SmsgwConan(ConanFile):
    name = "smsgw"
    description = "Header-only C++17 wire codecs for the SMS/MMS gateway protocols of mainland China and Taiwan"
    license = "MIT"
    url = "https://github.com/smsgw/smsgw"
    homepage = "https://github.com/smsgw/smsgw"
    topics = ("sms", "mms", "cmpp", "mime", "codec", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "CMakeLists.txt", "cmake/*", "include/*", "LICENSE"
    no_copy_source = True

    def set_version(self):
        text = load(self, os.path.join(self.recipe_folder, "include", "smsgw", "version.hpp"))
        parts = [re.search(rf"#define SMSGW_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
        self.version = ".".join(parts)

    def layout(self):
        cmake_layout(self)

    def package_id(self):
        self.info.clear()

    def validate(self):
        if self.settings.compiler.get_safe("cppstd"):
            check_min_cppstd(self, 17)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["SMSGW_BUILD_TESTS"] = False
        tc.cache_variables["SMSGW_BUILD_EXAMPLES"] = False
        tc.cache_variables["SMSGW_INSTALL"] = True
        tc.generate()

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.configure()
        cmake.install()
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "smsgw")
        self.cpp_info.set_property("cmake_target_name", "smsgw::smsgw")
        self.cpp_info.set_property("pkg_config_name", "smsgw")
        self.cpp_info.set_property("cmake_config_version_compat", "SameMinorVersion")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
