// smsgw-inspect: bytes of a supported format in, one JSON object per message out; or, with
// `encode`, that JSON back to the bytes.
//
//     smsgw-inspect <format> [args...] [--format json|text] [file|-]
//     smsgw-inspect encode <format> [args...] [file|-]
//     smsgw-inspect <format> --help
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
    std::fputs("usage: smsgw-inspect <format> [args...] [--format json|text] [file|-]\n"
               "       smsgw-inspect encode <format> [args...] [file|-]\n"
               "       smsgw-inspect <format> --help\n"
               "Decodes the input (a file, or standard input when none or '-' is given) and prints\n"
               "one JSON object per message (--format text: one line per field). encode reads those\n"
               "objects, one a line, and writes the bytes. Exit status: 0 decoded, 1 refused, 2 usage error.\n"
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

// The example's arguments (before its sample) and its sample, from "push-request mitake-push-request/x.json".
inspect::args example_args(const inspect::format& f) {
    inspect::args a;
    std::string_view rest = f.example;
    for (std::size_t space; (space = rest.find(' ')) != std::string_view::npos; rest.remove_prefix(space + 1)) {
        a.push_back(rest.substr(0, space));
    }
    return a;
}
std::string_view sample_of(const inspect::format& f) {
    const std::string_view e = f.example;
    return e.substr(e.rfind(' ') + 1);
}
std::string example_command(const inspect::format& f) {
    std::string c = f.name;
    for (std::string_view arg : example_args(f)) c.append(" ").append(arg);
    return c.append(" examples/samples/").append(sample_of(f));
}

bool read_all(std::FILE* in, std::string& data) {
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) data.append(buf, n);
    return std::ferror(in) == 0;
}

// A format's usage is "<its arguments>  <what it reads>".
std::string_view usage_arguments(const inspect::format& f) {
    const std::string_view u = f.usage;
    const std::size_t gap = u.find("  ");
    return gap == std::string_view::npos ? std::string_view() : u.substr(0, gap);
}
std::string_view usage_description(const inspect::format& f) {
    const std::string_view u = f.usage;
    const std::size_t gap = u.find("  ");
    return gap == std::string_view::npos ? u : u.substr(gap + 2);
}

// `smsgw-inspect <format> --help`: the usage, the options, and the example sample decoded.
void format_help(const inspect::format& f) {
    const std::string args(usage_arguments(f));
    const std::string spaced = args.empty() ? std::string() : args + " ";
    std::printf("usage: smsgw-inspect %s %s[--format json|text] [file|-]\n", f.name, spaced.c_str());
    if (f.encode != nullptr) std::printf("       smsgw-inspect encode %s %s[file|-]\n", f.name, spaced.c_str());
    std::printf("%.*s\n", static_cast<int>(usage_description(f).size()), usage_description(f).data());
    std::fputs("  --format text   one line per field, indented by structure (JSON is the default)\n", stdout);
    if (f.encode != nullptr) {
        std::fputs("  encode          the JSON printed, one object a line, back to the bytes\n", stdout);
    }
    if (f.example == nullptr) return;
    std::printf("example:\n  $ smsgw-inspect %s\n", example_command(f).c_str());
    const std::string path = std::string(SMSGW_INSPECT_SAMPLES "/").append(sample_of(f));
    std::string input, out;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return;
    read_all(file, input);
    std::fclose(file);
    f.run(example_args(f), input, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (f.encode == nullptr) return;
    std::string encode_args;
    for (std::string_view arg : example_args(f)) encode_args.append(arg).append(" ");
    std::printf("  $ smsgw-inspect %s | smsgw-inspect encode %s %s- > message.bin\n", example_command(f).c_str(), f.name,
                encode_args.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        list_formats(stderr);
        return 2;
    }
    const bool encoding = std::string_view(argv[1]) == "encode";
    const int first = encoding ? 2 : 1;  // the format's name
    const std::string_view name = first < argc ? argv[first] : "";
    if (name == "--help" || name == "-h") {
        list_formats(stdout);
        return 0;
    }
    const inspect::format* f = inspect::find_format(name);
    if (f == nullptr) {
        std::fprintf(stderr, "smsgw-inspect: unknown format '%s'\n", std::string(name).c_str());
        list_formats(stderr);
        return 2;
    }
    if (encoding && f->encode == nullptr) {
        std::fprintf(stderr, "smsgw-inspect: %s does not encode (its output does not hold the input)\n", f->name);
        return 2;
    }

    // The format's arguments, --format and --help taken out; the input when the last is "-" or a file.
    std::vector<std::string_view> rest;
    bool text = false;
    for (int i = first + 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help") {
            format_help(*f);
            return 0;
        }
        if (!encoding && arg == "--format" && i + 1 < argc) {
            const std::string_view layout = argv[++i];
            if (layout != "json" && layout != "text") {
                std::fprintf(stderr, "smsgw-inspect: --format json or --format text, not '%s'\n", argv[i]);
                return 2;
            }
            text = layout == "text";
            continue;
        }
        rest.push_back(arg);
    }
    const char* path = nullptr;
    if (!rest.empty() && (rest.back() == "-" || is_file(std::string(rest.back()).c_str()))) {
        path = rest.back().data();
        rest.pop_back();
    }
    const inspect::args arguments(rest.begin(), rest.end());

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

    if (encoding) {
        std::string bytes, errors;
        const int rc = inspect::encode_messages(*f, arguments, input, bytes, errors);
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fwrite(errors.data(), 1, errors.size(), stderr);
        if (rc == 2) {
            std::fprintf(stderr, "smsgw-inspect: encode %s: the arguments name no message that encodes\n", f->name);
            std::fprintf(stderr, "usage: smsgw-inspect encode %s %s\n", f->name, f->usage);
        }
        return rc;
    }
    std::string out;
    int rc = f->run(arguments, input, out);
    if (text) {
        std::string laid_out;
        inspect::text_layout(out, *f, laid_out);
        out.swap(laid_out);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (rc == 2) std::fprintf(stderr, "usage: smsgw-inspect %s %s\n", f->name, f->usage);
    if (rc == 0 && inspect::emit_failed()) rc = 1;
    return rc;
}
