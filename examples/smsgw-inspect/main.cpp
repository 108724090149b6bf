// smsgw-inspect: bytes of a supported format in, one JSON object per message out.
//
//     smsgw-inspect <format> [args...] [file|-]
//
// The last argument is the input when it is "-" or names an existing file; otherwise the
// input is standard input. Exit status: 0 decoded, 1 refused (error objects printed), 2 usage.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

#include "inspect.hpp"

namespace {

void list_formats(std::FILE* to) {
    std::fputs("usage: smsgw-inspect <format> [args...] [file|-]\n"
               "Decodes the input (a file, or standard input when none or '-' is given) and prints\n"
               "one JSON object per message. Exit status: 0 decoded, 1 refused, 2 usage error.\n"
               "formats:\n",
               to);
    std::vector<const inspect::format*> sorted;
    for (const inspect::format& f : inspect::formats()) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(),
              [](const inspect::format* a, const inspect::format* b) { return std::strcmp(a->name, b->name) < 0; });
    for (const inspect::format* f : sorted) std::fprintf(to, "  %-16s %s\n", f->name, f->usage);
}

bool is_file(const char* path) {
    struct stat st {};
    return ::stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool read_all(std::FILE* in, std::string& data) {
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) data.append(buf, n);
    return std::ferror(in) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        list_formats(stderr);
        return 2;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h") {
        list_formats(stdout);
        return 0;
    }
    const inspect::format* f = inspect::find_format(name);
    if (f == nullptr) {
        std::fprintf(stderr, "smsgw-inspect: unknown format '%s'\n", argv[1]);
        list_formats(stderr);
        return 2;
    }

    int last = argc;  // one past the format's own arguments
    const char* path = nullptr;
    if (argc > 2 && (std::string_view(argv[argc - 1]) == "-" || is_file(argv[argc - 1]))) {
        last = argc - 1;
        path = argv[last];
    }
    inspect::args arguments;
    for (int i = 2; i < last; ++i) arguments.emplace_back(argv[i]);

    std::string input;
    if (path == nullptr || std::string_view(path) == "-") {
        if (!read_all(stdin, input)) {
            std::fputs("smsgw-inspect: cannot read standard input\n", stderr);
            return 2;
        }
    } else {
        std::FILE* file = std::fopen(path, "rb");
        const bool ok = file != nullptr && read_all(file, input);
        if (file != nullptr) std::fclose(file);
        if (!ok) {
            std::fprintf(stderr, "smsgw-inspect: cannot read %s\n", path);
            return 2;
        }
    }

    std::string out;
    int rc = f->run(arguments, input, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (rc == 2) std::fprintf(stderr, "usage: smsgw-inspect %s %s\n", f->name, f->usage);
    if (rc == 0 && inspect::emit_failed()) rc = 1;
    return rc;
}
