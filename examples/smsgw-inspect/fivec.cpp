// 5C MMS API formats: `fivec <message> [--tolerant]`, the message one of caixin_send (a form
// body, its frame string read too), frames (a frame string alone; --gbk for GBK text),
// reply (success:/error:), balance_query, balance_reply, report_request, report_reply, batch
// (caixin_send_batch's xmlData document) and caixin_send_batch (its form).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bind_printed.hpp"
#include "inspect.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/fivec.hpp"

namespace {

namespace fivec = smsgw::fivec;
using json = smsgw::codec::json::writer;

int fail_with(std::string& out, const smsgw::result& r) {
    inspect::emit_error(out, r);
    return 1;
}

// Each element: frame, kind, type, name, the decoded size and the content (text as UTF-8 in
// the request's charset, anything else as hex).
smsgw::result frame_members(json& j, std::string_view content, smsgw::charset::encoding enc, smsgw::mode m) {
    const fivec::frames list(content, m);
    j.key("frames").begin_array();
    for (const fivec::element& e : list) {
        std::string data;
        if (smsgw::result r = smsgw::write_append(data, [&](smsgw::writer& w) { return fivec::decode_content(e, w); }); !r) return r;
        j.begin_object().member("frame", e.frame).member("kind", static_cast<int>(e.kind));
        j.member("type", fivec::extension(e.type)).member("name", e.name).member("offset", e.offset);
        j.member("bytes", data.size());
        if (e.kind == fivec::frame_kind::text) {
            std::vector<smsgw::byte> scratch(data.size() + 3);
            std::string text;
            const smsgw::result t = smsgw::write_append(text, [&](smsgw::writer& w) { return fivec::decode_text(e, enc, w, smsgw::mutable_bytes(scratch), m); });
            if (!t) return t;
            j.member("text", text);
        } else {
            inspect::hex_member(j, "content", data);
        }
        j.end_object();
    }
    j.end_array();
    return list.error();
}

int caixin_send(std::string_view body, smsgw::mode m, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    fivec::caixin_send_request r;
    if (smsgw::result res = fivec::decode(body, r, scratch, m); !res) return fail_with(out, res);
    const smsgw::charset::encoding enc = fivec::text_encoding(r);
    fivec::caixin_send_request shown = r;
    std::string title;  // UTF-8 for JSON when the request is GBK
    const smsgw::result t = smsgw::write_append(title, [&](smsgw::writer& w) { return fivec::decode_title(r, w, m); });
    if (!t) return fail_with(out, t);
    shown.title = title;
    smsgw::result frames_ok;
    std::string printed;
    inspect::emit(printed, [&](json& j) {
        j.member("api", "caixin_send");
        smsgw::codec::fields::write_json_members(j, shown, {true});
        frames_ok = frame_members(j, r.content, enc, m);
    });
    if (!frames_ok) return fail_with(out, frames_ok);
    out += printed;
    return 0;
}

int frames(std::string_view content, smsgw::charset::encoding enc, smsgw::mode m, std::string& out) {
    smsgw::result ok;
    std::string shown;
    inspect::emit(shown, [&](json& j) { ok = frame_members(j, content, enc, m); });
    if (!ok) return fail_with(out, ok);
    out += shown;
    return 0;
}

template <class Request>
int request(std::string_view body, smsgw::mode m, const char* api, std::string& out) {
    std::vector<smsgw::byte> scratch(body.size());
    Request r;
    if (smsgw::result res = fivec::decode(body, r, scratch, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("api", api);
        smsgw::codec::fields::write_json_members(j, r, {true});
    });
    return 0;
}

// A reply's members, one description for printing them and reading them back: success and
// prefix, then the msgid, or the text and (printed) what the spec says of it.
template <class V, class Reply>
void walk_reply(V& v, Reply& r) {
    v.flag("success", r.success);
    v.text("prefix", r.prefix);
    if (r.success) {
        v.text("msgid", r.msgid);
        return;
    }
    v.text("text", r.text);
    v.meaning(r.code);
}

struct reply_printer {
    json& j;
    void flag(const char* key, bool value) { j.member(key, value); }
    void text(const char* key, std::string_view value) { j.member(key, value); }
    void meaning(fivec::error_code code) {
        const fivec::error_text known = fivec::describe(code);
        if (known.known()) j.member("error", known.text).member("error_zh", known.chinese);
    }
};

void reply_members(json& j, const fivec::reply& r) {
    reply_printer p{j};
    walk_reply(p, r);
}

// The reply walk read back; the code is what decoding finds in the text, so it is not read.
struct reply_reader {
    const smsgw::codec::json::object& printed;
    inspect::reader& in;

    void flag(const char* key, bool& value) {
        smsgw::codec::json::value v;
        if (!printed.find(key, v)) {
            in.refuse(smsgw::errc::missing_field, printed.as_value(), std::string(".") + key);
        } else if (const smsgw::result r = v.get(value); !r) {
            in.refuse(r, std::string(".") + key);
        }
    }
    void text(const char* key, std::string_view& value) {
        smsgw::codec::json::value v;
        if (!printed.find(key, v)) {
            in.refuse(smsgw::errc::missing_field, printed.as_value(), std::string(".") + key);
        } else {
            in.text(v, value, std::string(".") + key);
        }
    }
    void meaning(fivec::error_code) {}
};

int reply(std::string_view in, smsgw::mode m, std::string& out) {
    fivec::reply r;
    if (smsgw::result res = fivec::decode(in, r, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) { reply_members(j, r); });
    return 0;
}

// The balance as it was sent, or the error reply.
constexpr const char* balance_key = "balance";

int balance_reply(std::string_view in, smsgw::mode m, std::string& out) {
    fivec::balance_reply r;
    if (smsgw::result res = fivec::decode(in, r, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        if (r.ok) {
            j.member(balance_key, r.balance);
        } else {
            reply_members(j, r.error);
        }
    });
    return 0;
}

// A reply, or a balance reply, from what they printed.
bool encode_reply(const smsgw::codec::json::object& printed, bool balance, std::string& bytes, inspect::reader& in) {
    fivec::balance_reply b;
    smsgw::codec::json::value v;
    b.ok = balance && printed.find(balance_key, v);
    if (b.ok) {
        if (!in.text(v, b.balance, std::string(".") + balance_key)) return false;
    } else {
        reply_reader read{printed, in};
        walk_reply(read, b.error);
        if (!in.ok()) return false;
    }
    const smsgw::result r = smsgw::write_append(bytes, [&](smsgw::writer& w) { return balance ? fivec::encode(b, w) : fivec::encode(b.error, w); });
    return r ? true : in.refuse(r, r.field != nullptr ? std::string(".") + r.field : std::string());
}

// A report's members, one description for printing them and reading them back.
template <class V, class Report>
void walk_report(V& v, Report& x) {
    v.form("fields", x.form);
    if (x.form != fivec::report_form::four) v.text("extension", x.extension);
    v.text("msgid", x.msgid);
    if (x.form == fivec::report_form::six) v.text("id", x.id);
    v.text("mobile", x.mobile);
    v.text("status", x.status);
    v.derived("delivered", x.delivered());
    v.text("time", x.time);
    v.derived("offset", x.offset);
}

struct report_printer {
    json& j;
    void form(const char* key, fivec::report_form f) { j.member(key, static_cast<int>(f)); }
    void text(const char* key, std::string_view value) { j.member(key, value); }
    template <class T>
    void derived(const char* key, T value) {
        j.member(key, value);
    }
};

// The report walk read back; derived members are checked by decoding again.
struct report_reader {
    const smsgw::codec::json::object& printed;
    inspect::reader& in;
    std::string path;

    void form(const char* key, fivec::report_form& f) {
        smsgw::codec::json::value v;
        int n = 0;
        if (!printed.find(key, v)) {
            in.refuse(smsgw::errc::missing_field, printed.as_value(), path + "." + key);
        } else if (in.number(v, n, path + "." + key)) {
            f = static_cast<fivec::report_form>(n);
        }
    }
    void text(const char* key, std::string_view& value) {
        smsgw::codec::json::value v;
        if (!printed.find(key, v)) {
            in.refuse(smsgw::errc::missing_field, printed.as_value(), path + "." + key);
        } else {
            in.text(v, value, path + "." + key);
        }
    }
    template <class T>
    void derived(const char*, const T&) {}
};

constexpr const char* answers[] = {"reports", "no_record", "error"};

int report_reply(std::string_view in, smsgw::mode m, std::string& out) {
    fivec::report_reply r;
    if (smsgw::result res = fivec::decode(in, r, m); !res) return fail_with(out, res);
    inspect::emit(out, [&](json& j) {
        j.member("answer", answers[static_cast<int>(r.answer)]);
        if (r.answer == fivec::report_answer::error) reply_members(j, r.error);
        if (r.answer != fivec::report_answer::reports) return;
        j.key("reports").begin_array();
        report_printer p{j};
        for (const fivec::report& x : r.reports) {
            j.begin_object();
            walk_report(p, x);
            j.end_object();
        }
        j.end_array();
    });
    return 0;
}

bool encode_report_reply(const smsgw::codec::json::object& printed, std::string& bytes, inspect::reader& in) {
    fivec::report_reply r;
    smsgw::codec::json::value v;
    std::string_view answer;
    if (!printed.find("answer", v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".answer");
    if (!in.text(v, answer, ".answer")) return false;
    int n = 0;
    while (n < 3 && answer != answers[n]) ++n;
    if (n == 3) return in.refuse(smsgw::errc::out_of_range, v, ".answer");
    r.answer = static_cast<fivec::report_answer>(n);
    std::vector<fivec::report> reports;
    if (r.answer == fivec::report_answer::error) {
        reply_reader read{printed, in};
        walk_reply(read, r.error);
    } else if (r.answer == fivec::report_answer::reports) {
        smsgw::codec::json::array items;
        if (!printed.find("reports", v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".reports");
        if (const smsgw::result e = v.get(items); !e) return in.refuse(e, ".reports");
        for (const smsgw::codec::json::value& item : items) {
            smsgw::codec::json::object obj;
            const std::string path = ".reports[" + std::to_string(reports.size()) + "]";
            if (const smsgw::result e = item.get(obj); !e) return in.refuse(e, path);
            report_reader read{obj, in, path};
            walk_report(read, reports.emplace_back());
        }
        r.reports = fivec::report_list(smsgw::span<const fivec::report>(reports));
    }
    if (!in.ok()) return false;
    const smsgw::result res = smsgw::write_append(bytes, [&r](smsgw::writer& w) { return fivec::encode(r, w); });
    return res ? true : in.refuse(res, res.field != nullptr ? std::string(".") + res.field : std::string());
}

// caixin_send_batch's xmlData document (§3.3), by the library's walks of it (walk_head,
// walk_recipient): each value under its element's name, decoded (URL-encoded text as text; the
// picture as base64 of its bytes, its size and first 8 bytes beside it), the recipients under
// mmsBody with the offset of each.
struct batch_printer {
    json& j;
    smsgw::result r{};

    void operator()(const fivec::batch_element& e, std::string_view value) {
        if (!r) return;
        std::string decoded;
        if (e.kind == fivec::batch_value::url_encoded) {
            r = smsgw::write_append(decoded, [&](smsgw::writer& w) { return smsgw::codec::percent::decode(value, w, smsgw::codec::percent::style::form); });
            if (!r) r.field = e.name.data();
            j.member(e.name, decoded);
        } else {
            j.member(e.name, value);
        }
    }
    // The picture, decoded by the document (which knows its mode) beforehand.
    void operator()(const fivec::batch_element& e, smsgw::bytes picture) {
        const std::string name(e.name);
        j.member(name + "_size", picture.size());
        inspect::hex_member(j, name + "_head_hex", picture.first(8));
        j.key(name).base64_string(picture);
    }
};

// The head as printed: the document's values, the picture decoded.
struct batch_head {
    std::string_view mms_title, mms_picture_type;
    smsgw::bytes mms_picture_content;
};

int batch(std::string_view xml, smsgw::mode m, std::string& out) {
    fivec::batch_document d;
    if (smsgw::result res = fivec::decode(xml, d, m); !res) return fail_with(out, res);
    std::string picture;
    if (smsgw::result r = smsgw::write_append(picture, [&](smsgw::writer& w) { return d.picture(w); }); !r) {
        return fail_with(out, r);
    }
    if (smsgw::result r = fivec::finish(d); !r) return fail_with(out, r);
    const batch_head head{d.mms_title, d.mms_picture_type, picture};
    smsgw::result printed;
    std::string shown;
    inspect::emit(shown, [&](json& j) {
        batch_printer p{j};
        fivec::walk_head(p, head);
        j.key(fivec::batch_names::mms_body).begin_array();
        for (const fivec::batch_entry& e : d.mms_body) {
            j.begin_object();
            fivec::walk_recipient(p, e);
            j.member("offset", e.offset).end_object();
        }
        j.end_array();
        printed = p.r;
    });
    if (!printed) return fail_with(out, printed);
    out += shown;
    return 0;
}

// The walks read back from what batch() printed, each value's JSON offset kept by its path
// for the encoder's refusals.
struct batch_reader {
    const smsgw::codec::json::object& printed;
    inspect::reader& in;
    std::string path;
    std::vector<std::pair<std::string, std::size_t>>& at;

    bool find(const fivec::batch_element& e, smsgw::codec::json::value& v, std::string& where) {
        where = path + "." + std::string(e.name);
        if (!printed.find(e.name, v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), where);
        at.emplace_back(where, v.offset());
        return true;
    }
    void operator()(const fivec::batch_element& e, std::string_view& value) {
        smsgw::codec::json::value v;
        std::string where;
        if (find(e, v, where)) in.text(v, value, where);
    }
    void operator()(const fivec::batch_element& e, smsgw::bytes& picture) {
        smsgw::codec::json::value v;
        std::string where;
        std::string_view b;
        if (find(e, v, where) && in.base64(v, b, where)) picture = b;
    }
};

// The document from its printed values (the picture's size and head, and the offsets, are
// checked by decoding again); the library's refusal at the value it names.
bool encode_batch(const smsgw::codec::json::object& printed, std::string& bytes, inspect::reader& in) {
    std::vector<std::pair<std::string, std::size_t>> at;
    fivec::batch_request_xml d;
    batch_reader head{printed, in, "", at};
    fivec::walk_head(head, d);
    smsgw::codec::json::value v;
    smsgw::codec::json::array items;
    const std::string body = std::string(".") + std::string(fivec::batch_names::mms_body);
    if (!printed.find(fivec::batch_names::mms_body, v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), body);
    if (const smsgw::result r = v.get(items); !r) return in.refuse(r, body);
    at.emplace_back(body, v.offset());
    std::vector<fivec::batch_recipient> recipients;
    for (const smsgw::codec::json::value& item : items) {
        const std::string path = body + "[" + std::to_string(recipients.size()) + "]";
        smsgw::codec::json::object e;
        if (const smsgw::result r = item.get(e); !r) return in.refuse(r, path);
        batch_reader read{e, in, path, at};
        fivec::walk_recipient(read, recipients.emplace_back());
    }
    if (!in.ok()) return false;
    // validate() names the element: one recipient at a time says which one.
    smsgw::result r = recipients.empty() ? fivec::validate(d) : smsgw::result{};
    std::string where = body;
    for (std::size_t i = 0; i < recipients.size() && r; ++i) {
        d.mms_body = smsgw::span<const fivec::batch_recipient>(&recipients[i], 1);
        r = fivec::validate(d);
        where = body + "[" + std::to_string(i) + "]";
    }
    if (r) {
        d.mms_body = smsgw::span<const fivec::batch_recipient>(recipients);
        r = smsgw::write_append(bytes, [&d](smsgw::writer& w) { return fivec::encode(d, w); });
        if (r) return true;
    }
    const std::string field = r.field != nullptr ? std::string(r.field) : std::string();
    for (const auto& [path, offset] : at) {
        if (path == "." + field || path == where + "." + field || (field == fivec::batch_names::mms_body_data && path == body)) {
            return in.refuse(smsgw::fail(r.ec, offset, r.field), path);
        }
    }
    return in.refuse(r, "");
}

// The requests printed from their field lists (the others' layouts are the module's own).
template <class F>
bool with_request(std::string_view what, F&& f) {
    if (what == "balance_query") return f(fivec::balance_query{}, "query_balance"), true;
    if (what == "report_request") return f(fivec::report_request{}, "recv_report"), true;
    if (what == "caixin_send_batch") return f(fivec::caixin_send_batch_request{}, "caixin_send_batch"), true;
    return false;
}

int run(const inspect::args& a, std::string_view in, std::string& out) {
    if (a.empty()) return 2;
    smsgw::mode m = smsgw::mode::strict;
    smsgw::charset::encoding enc = smsgw::charset::encoding::utf8;
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (a[i] == "--tolerant") {
            m = smsgw::mode::tolerant;
        } else if (a[i] == "--gbk" && a[0] == "frames") {
            enc = smsgw::charset::encoding::gbk;
        } else {
            return 2;
        }
    }
    const std::string_view what = a[0];
    if (what == "caixin_send") return caixin_send(in, m, out);
    if (what == "frames") return frames(in, enc, m, out);
    if (what == "reply") return reply(in, m, out);
    if (what == "balance_reply") return balance_reply(in, m, out);
    if (what == "report_reply") return report_reply(in, m, out);
    if (what == "batch") return batch(in, m, out);
    int status = 2;
    if (with_request(what, [&](auto r, const char* api) { status = request<decltype(r)>(in, m, api, out); })) return status;
    return 2;
}

// caixin_send from its printed fields, the title back in the request's charset (the frames
// beside them are what the content decodes to, checked by decoding again).
bool encode_caixin_send(const smsgw::codec::json::object& printed, smsgw::mode m, std::string& bytes, inspect::reader& in) {
    fivec::caixin_send_request r;
    if (!inspect::bind_printed(printed, {true}, r, in, m)) return false;
    std::string& title = in.keep();
    const smsgw::charset::encoding enc = fivec::text_encoding(r);
    title.assign(smsgw::charset::max_encoded_size(enc, r.title.size(), {smsgw::mode::strict}), '\0');
    smsgw::writer tw(title.data(), title.size());
    if (const smsgw::charset::outcome t = smsgw::charset::encode(enc, r.title, tw, {smsgw::mode::strict}); !t) {
        return in.refuse(smsgw::fail(t.ec, printed.as_value().offset()), ".title");
    }
    title.resize(tw.size());
    r.title = title;
    const smsgw::result res = smsgw::write_append(bytes, [&r](smsgw::writer& w) { return fivec::encode(r, w); });
    return res ? true : in.refuse(res, res.field != nullptr ? std::string(".") + res.field : std::string());
}

// A frame string from its printed elements: each one's frame, type and text (in `enc`) or content.
bool encode_frames(const smsgw::codec::json::object& printed, smsgw::charset::encoding enc, std::string& bytes, inspect::reader& in) {
    smsgw::codec::json::value v;
    smsgw::codec::json::array items;
    if (!printed.find("frames", v)) return in.refuse(smsgw::errc::missing_field, printed.as_value(), ".frames");
    if (const smsgw::result r = v.get(items); !r) return in.refuse(r, ".frames");
    std::vector<fivec::frame_file> files;
    for (const smsgw::codec::json::value& item : items) {
        const std::string path = ".frames[" + std::to_string(files.size()) + "]";
        smsgw::codec::json::object e;
        fivec::frame_file f;
        std::string_view type, data;
        if (const smsgw::result r = item.get(e); !r) return in.refuse(r, path);
        if (!e.find("frame", v) || !in.number(v, f.frame, path + ".frame")) return in.refuse(smsgw::errc::missing_field, item, path + ".frame");
        if (!e.find("type", v) || !in.text(v, type, path + ".type")) return in.refuse(smsgw::errc::missing_field, item, path + ".type");
        bool known = false;
        for (const fivec::file_type t : {fivec::file_type::txt, fivec::file_type::gif, fivec::file_type::jpg, fivec::file_type::mid, fivec::file_type::amr}) {
            if (fivec::extension(t) == type) known = (f.type = t, true);
        }
        if (!known) return in.refuse(smsgw::errc::out_of_range, v, path + ".type");
        if (e.find("text", v)) {
            std::string_view text;
            if (!in.text(v, text, path + ".text")) return false;
            std::string& raw = in.keep();
            raw.assign(smsgw::charset::max_encoded_size(enc, text.size(), {smsgw::mode::strict}), '\0');
            smsgw::writer w(raw.data(), raw.size());
            if (const smsgw::charset::outcome t = smsgw::charset::encode(enc, text, w, {smsgw::mode::strict}); !t) {
                return in.refuse(smsgw::fail(t.ec, v.offset()), path + ".text");
            }
            raw.resize(w.size());
            data = raw;
        } else if (!e.find("content", v) || !in.hex(v, data, path + ".content")) {
            return in.refuse(smsgw::errc::missing_field, item, path + ".content");
        }
        f.content = data;
        files.push_back(f);
    }
    const smsgw::result r = smsgw::write_append(bytes, [&](smsgw::writer& w) { return fivec::encode(fivec::frame_string{files}, w); });
    return r ? true : in.refuse(smsgw::fail(r.ec, v.offset()), ".frames[" + std::to_string(r.offset) + "]");
}

// The requests' form bodies from their printed fields, the replies, the frame strings and the
// batch document.
bool encode(const inspect::args& a, const smsgw::codec::json::object& printed, std::string& bytes, inspect::refusal& why) {
    inspect::reader in(why);
    const smsgw::mode m = a.size() == 2 && a[1] == "--tolerant" ? smsgw::mode::tolerant : smsgw::mode::strict;
    if (!a.empty() && (a[0] == "reply" || a[0] == "balance_reply")) return encode_reply(printed, a[0] == "balance_reply", bytes, in);
    if (!a.empty() && a[0] == "caixin_send") return encode_caixin_send(printed, m, bytes, in);
    if (!a.empty() && a[0] == "report_reply") return encode_report_reply(printed, bytes, in);
    if (!a.empty() && a[0] == "batch") return encode_batch(printed, bytes, in);
    if (!a.empty() && a[0] == "frames") {
        const bool gbk = a.size() == 2 && a[1] == "--gbk";
        return encode_frames(printed, gbk ? smsgw::charset::encoding::gbk : smsgw::charset::encoding::utf8, bytes, in);
    }
    bool ok = false;
    const bool known = !a.empty() && with_request(a[0], [&](auto tag, const char*) {
        using Request = decltype(tag);
        ok = inspect::encode_printed<Request>(printed, {true}, in, m, bytes, [](const Request& r, smsgw::writer& w) { return fivec::encode(r, w); });
    });
    return known && ok;
}

const inspect::registrar fivec_format{
    {"fivec",
     "<message> [--tolerant]  a 5C message: caixin_send, frames [--gbk], reply, balance_query, balance_reply, "
     "report_request, report_reply, batch (the xmlData document), caixin_send_batch",
     &run, &inspect::on_object<encode>, "balance_query fivec-balance_query/spec-example.txt"}};

}  // namespace
