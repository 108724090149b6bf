#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "test.hpp"

namespace smsgw::test {

std::string shared_dir() {
    std::string dir = SMSGW_SHARED_DIR;
    std::ifstream probe(dir + "/corpora/README.md");
    return probe ? dir : std::string();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string run_command(const std::string& command, std::string_view input, bool& ok) {
    ok = false;
    char in_path[] = "/tmp/smsgw-test-in-XXXXXX";
    int fd = mkstemp(in_path);
    if (fd < 0) return {};
    std::size_t done = 0;
    while (done < input.size()) {
        ssize_t n = ::write(fd, input.data() + done, input.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    std::string full = command + " < " + in_path;
    std::string out;
    if (FILE* p = popen(full.c_str(), "r")) {
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        ok = pclose(p) == 0 && done == input.size();
    }
    std::remove(in_path);
    return out;
}

bool have_program(const char* program) {
    std::string cmd = std::string("command -v ") + program + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

}  // namespace smsgw::test
