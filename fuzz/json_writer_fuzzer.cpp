// The JSON writer driven by the input as a little program (open/close, keys, strings, numbers,
// literals). Whatever it writes successfully must be one valid RFC 8259 value for a small
// independent checker, whose unescaped strings are exactly the strings passed in; a string
// that is not UTF-8 must be refused.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/json_writer.hpp"

namespace json = smsgw::codec::json;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

// RFC 3629 §4 grammar, byte ranges spelled out: true when s is UTF-8.
bool is_utf8(std::string_view s) {
    auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        auto tail = [&](std::size_t k) { return i + k < n && in(p[i + k], 0x80, 0xBF); };
        if (b <= 0x7F) {
            i += 1;
        } else if (in(b, 0xC2, 0xDF) && tail(1)) {
            i += 2;
        } else if (b == 0xE0 && i + 1 < n && in(p[i + 1], 0xA0, 0xBF) && tail(2)) {
            i += 3;
        } else if ((in(b, 0xE1, 0xEC) || in(b, 0xEE, 0xEF)) && tail(1) && tail(2)) {
            i += 3;
        } else if (b == 0xED && i + 1 < n && in(p[i + 1], 0x80, 0x9F) && tail(2)) {
            i += 3;
        } else if (b == 0xF0 && i + 1 < n && in(p[i + 1], 0x90, 0xBF) && tail(2) && tail(3)) {
            i += 4;
        } else if (in(b, 0xF1, 0xF3) && tail(1) && tail(2) && tail(3)) {
            i += 4;
        } else if (b == 0xF4 && i + 1 < n && in(p[i + 1], 0x80, 0x8F) && tail(2) && tail(3)) {
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

// A strict RFC 8259 reader for compact text: no whitespace is expected, every string is
// unescaped into `strings` in order, and the text must be exactly one value.
class checker {
public:
    explicit checker(std::string_view text) : t_(text) {}

    bool valid(std::vector<std::string>& strings) {
        strings_ = &strings;
        return value(0) && i_ == t_.size();
    }

private:
    bool value(int depth) {
        if (depth > json::writer::max_depth || i_ >= t_.size()) return false;
        switch (t_[i_]) {
        case '{': return container(depth, '}', true);
        case '[': return container(depth, ']', false);
        case '"': return string();
        case 't': return word("true");
        case 'f': return word("false");
        case 'n': return word("null");
        default: return number();
        }
    }

    bool container(int depth, char close, bool object) {
        ++i_;
        if (i_ < t_.size() && t_[i_] == close) return ++i_, true;
        for (;;) {
            if (object) {
                if (i_ >= t_.size() || t_[i_] != '"' || !string()) return false;
                if (i_ >= t_.size() || t_[i_] != ':') return false;
                ++i_;
            }
            if (!value(depth + 1)) return false;
            if (i_ >= t_.size()) return false;
            if (t_[i_] == close) return ++i_, true;
            if (t_[i_] != ',') return false;
            ++i_;
        }
    }

    bool word(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }

    // Integers only: the writer writes no fractions. -?(0|[1-9][0-9]*)
    bool number() {
        if (i_ < t_.size() && t_[i_] == '-') ++i_;
        if (i_ >= t_.size() || t_[i_] < '0' || t_[i_] > '9') return false;
        if (t_[i_++] == '0') return i_ >= t_.size() || t_[i_] < '0' || t_[i_] > '9';
        while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
        return true;
    }

    bool string() {
        std::string out;
        ++i_;
        for (;;) {
            if (i_ >= t_.size()) return false;
            const auto c = static_cast<unsigned char>(t_[i_++]);
            if (c == '"') break;
            if (c < 0x20) return false;
            if (c != '\\') {
                out.push_back(static_cast<char>(c));
                continue;
            }
            if (i_ >= t_.size()) return false;
            const char e = t_[i_++];
            const char* simple = std::strchr("\"\\/bfnrt", e);
            if (e != '\0' && simple != nullptr) {
                out.push_back("\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"]);
                continue;
            }
            if (e != 'u' || i_ + 4 > t_.size()) return false;
            unsigned v = 0;
            for (int k = 0; k < 4; ++k) {
                const char h = t_[i_++];
                const char* d = std::strchr("0123456789abcdef", h);
                if (h == '\0' || d == nullptr) return false;
                v = v * 16 + static_cast<unsigned>(d - "0123456789abcdef");
            }
            // The writer escapes nothing but control characters this way.
            if (v >= 0x20) return false;
            out.push_back(static_cast<char>(v));
        }
        if (!is_utf8(out)) return false;
        strings_->push_back(out);
        return true;
    }

    std::string_view t_;
    std::size_t i_ = 0;
    std::vector<std::string>* strings_ = nullptr;
};

void check_output(std::string_view text, const std::vector<std::string>& passed) {
    std::vector<std::string> read;
    check(checker(text).valid(read));
    check(read == passed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);

    // 1. The whole input as one string: written iff it is UTF-8, and read back unchanged.
    {
        std::vector<char> buf(size * 6 + 2);
        smsgw::writer out(buf.data(), buf.size());
        json::writer j(out);
        j.string(in);
        const smsgw::result r = j.finish();
        if (is_utf8(in)) {
            check(r.ok());
            check_output(std::string_view(buf.data(), r.offset), {std::string(in)});
        } else {
            // Refused at the first bad sequence: everything before it is UTF-8.
            check(r.ec == smsgw::errc::invalid_utf8 && r.offset < size);
            check(is_utf8(in.substr(0, r.offset)));
        }
    }

    // 2. The input as a program. Each op byte: low 3 bits the call, the rest a length for
    // strings (that many following bytes) or the value for numbers.
    std::vector<std::string> passed;
    smsgw::writer measure;
    std::vector<char> buf;
    for (int pass = 0; pass < 2; ++pass) {
        smsgw::writer sized(buf.data(), buf.size());
        smsgw::writer& out = pass == 0 ? measure : sized;
        json::writer j(out);
        passed.clear();
        bool all_utf8 = true;
        std::size_t i = 0;
        while (i < size) {
            const unsigned op = data[i++];
            const std::size_t arg = op >> 3;
            auto take = [&] {
                const std::size_t n = arg < size - i ? arg : size - i;
                std::string_view s = in.substr(i, n);
                i += n;
                if (!is_utf8(s)) all_utf8 = false;
                return s;
            };
            switch (op & 7) {
            case 0: j.begin_object(); break;
            case 1: j.end_object(); break;
            case 2: j.begin_array(); break;
            case 3: j.end_array(); break;
            case 4: {
                const std::string_view k = take();
                passed.emplace_back(k);
                j.key(k);
                break;
            }
            case 5: {
                const std::string_view s = take();
                passed.emplace_back(s);
                j.string(s);
                break;
            }
            case 6: {
                std::int64_t v = 0;
                const std::size_t n = arg % 9 < size - i ? arg % 9 : size - i;
                std::memcpy(&v, data + i, n);
                i += n;
                if (arg & 1) {
                    j.number(v);
                } else {
                    j.number(static_cast<std::uint64_t>(v));
                }
                break;
            }
            default:
                if (arg % 3 == 0) j.null(); else j.boolean(arg % 3 == 1);
            }
        }
        const smsgw::result r = j.finish();
        if (pass == 0) {
            // Measuring: a program that writes one complete value ends in buffer_too_small
            // (every value has at least one byte); anything else is an error of the program.
            if (r.ec != smsgw::errc::buffer_too_small) {
                check(r.ec != smsgw::errc{});
                if (all_utf8) check(r.ec != smsgw::errc::invalid_utf8);
                return 0;
            }
            check(all_utf8);
            buf.assign(measure.size(), '\x55');
        } else {
            check(r.ok() && r.offset == measure.size());
            check_output(std::string_view(buf.data(), r.offset), passed);
        }
    }
    return 0;
}
