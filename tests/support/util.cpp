#include <algorithm>
#include <cctype>
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

std::string unhex_string(std::string_view text) {
    auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
            ++i;
            continue;
        }
        if (i + 1 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 1]))) {
            // A mistyped literal of a test, maybe in a namespace-scope constant: no check to fail.
            std::fprintf(stderr, "unhex: not hex at %zu of \"%.*s\"\n", i, int(text.size()), text.data());
            std::abort();
        }
        out.push_back(static_cast<char>(digit(text[i]) * 16 + digit(text[i + 1])));
        i += 2;
    }
    return out;
}

std::string hex_of(const unsigned char* data, std::size_t size, letters l) {
    const char* digits = l == letters::upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 15]);
    }
    return out;
}

bool have_program(const char* program) {
    std::string cmd = std::string("command -v ") + program + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

}  // namespace smsgw::test
