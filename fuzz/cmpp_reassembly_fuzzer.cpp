// CMPP long messages. Mode 0 feeds arbitrary segments (parties, TP_udhi and Msg_Content from
// the input) to a reassembler with small storage and checks it against a model kept beside it:
// duplicates are reported exactly for numbers already held, a message completes exactly when
// every number up to its total has arrived, and a completed (or expired) message's text is its
// segments' texts in number order. Mode 1 splits the input as a text and reassembles the
// segments in a rotated order: the result must be the text's encoding (ASCII, UCS-2, binary or
// GB text), which decode_text() reads back as the text.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "smsgw/cmpp/long_sms.hpp"

namespace {

namespace cmpp = smsgw::cmpp;
using smsgw::errc;

void check(bool ok) {
    if (!ok) std::abort();
}

std::string text_of(smsgw::bytes b) { return std::string(smsgw::as_chars(b)); }

using key = std::tuple<std::string, std::string, bool, std::uint16_t, std::uint8_t>;
using model = std::map<key, std::map<std::uint8_t, std::string>>;

key key_of(const cmpp::reassembly_slot& s) {
    return {std::string(s.source()), std::string(s.destination()), s.reference_size() == cmpp::concat_reference::ref16,
            s.reference(), s.total()};
}

std::string joined(const std::map<std::uint8_t, std::string>& parts) {
    std::string all;
    for (const auto& p : parts) all += p.second;
    return all;
}

// Takes a slot (allowing gaps when asked) and checks the text against the model, which forgets it.
void take_and_check(cmpp::reassembler& r, std::size_t slot, bool allow_gaps, model& m) {
    const key k = key_of(r.slot(slot));
    auto it = m.find(k);
    check(it != m.end() && it->second.size() == r.slot(slot).received());
    std::vector<unsigned char> out(r.slot(slot).text_size() + 1);
    smsgw::writer w{smsgw::mutable_bytes(out)};
    const smsgw::result t = r.take(slot, w, allow_gaps);
    check(t && t.offset == out.size() - 1);
    check(std::string(reinterpret_cast<const char*>(out.data()), t.offset) == joined(it->second));
    check(!r.slot(slot).in_use());
    m.erase(it);
}

void arbitrary_segments(const std::uint8_t* data, std::size_t size) {
    static const std::string_view sources[] = {"13800138000", "13900139000", "", "12345678901234567890123456789012"};
    static const std::string_view destinations[] = {"10658888", "1065"};
    static const std::uint8_t udhis[] = {0, 1, 0x40, 0x41};
    cmpp::reassembly_slot slots[3];
    unsigned char pool[600];
    cmpp::reassembler r(slots, pool);
    model m;
    std::uint64_t now = 0;
    std::size_t pos = 0;
    while (pos + 2 <= size) {
        const std::uint8_t flags = data[pos];
        const std::size_t length = data[pos + 1];
        pos += 2;
        const std::size_t n = length < size - pos ? length : size - pos;
        const smsgw::bytes content(data + pos, n);
        pos += n;
        ++now;
        const std::uint8_t udhi = (flags & 0x80) ? static_cast<std::uint8_t>(length & 0x43) : udhis[(flags >> 3) & 3];
        const cmpp::received_segment seg{sources[flags & 3], destinations[(flags >> 2) & 1], udhi, 8, content};

        cmpp::user_data ud;
        const smsgw::result parsed = cmpp::parse_user_data(content, udhi, ud);
        cmpp::reassembly_status st;
        const smsgw::result added = r.add(seg, now, st);
        if (!parsed) {
            check(added == parsed);
        } else if (!ud.concatenated) {
            check(added && st.what == cmpp::reassembly_status::state::single && text_of(st.text) == text_of(ud.text));
        } else {
            const key k{std::string(seg.source), std::string(seg.destination),
                        ud.concat.reference_size == cmpp::concat_reference::ref16, ud.concat.reference, ud.concat.total};
            auto it = m.find(k);
            const bool held = it != m.end() && it->second.count(ud.concat.number) != 0;
            if (added) {
                check(!held);
                m[k][ud.concat.number] = text_of(ud.text);
                const cmpp::reassembly_slot& slot = r.slot(st.slot);
                check(key_of(slot) == k && slot.received() == m[k].size() && slot.has(ud.concat.number));
                const bool complete = m[k].size() == ud.concat.total;
                check((st.what == cmpp::reassembly_status::state::complete) == complete);
                check(complete == (slot.first_missing() == 0));
                if (complete) take_and_check(r, st.slot, false, m);
            } else if (added.ec == errc::duplicate_segment) {
                check(held && added.offset < content.size() && content[added.offset] == ud.concat.number);
            } else {
                check(added.ec == errc::storage_full && !held);
            }
        }
        if (flags & 0x20) {
            r.expire(now > 4 ? now - 4 : 0, [&](std::size_t slot) { take_and_check(r, slot, true, m); });
        }
        if ((flags & 0x40) && r.slot(length % r.slot_count()).in_use()) {
            const std::size_t slot = length % r.slot_count();
            if (!r.slot(slot).complete()) {
                char buf[1];
                smsgw::writer w(buf, sizeof buf);
                check(r.take(slot, w) == smsgw::fail(errc::missing_segment, r.slot(slot).first_missing()));
            }
            take_and_check(r, slot, true, m);
        }
    }
    // Every message still held is in the model, with the same count, and vice versa.
    std::size_t in_use = 0;
    std::size_t pool_expected = 0;
    for (std::size_t i = 0; i < r.slot_count(); ++i) {
        if (!r.slot(i).in_use()) continue;
        ++in_use;
        const auto it = m.find(key_of(r.slot(i)));
        check(it != m.end() && it->second.size() == r.slot(i).received() && joined(it->second).size() == r.slot(i).text_size());
        pool_expected += r.slot(i).text_size() + 5 * r.slot(i).received();
    }
    check(in_use == m.size() && pool_expected == r.pool_used());
}

void split_and_reassemble(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return;
    static const std::uint8_t formats[] = {cmpp::msg_fmt_ucs2, cmpp::msg_fmt_ascii, cmpp::msg_fmt_binary, cmpp::msg_fmt_gb};
    cmpp::split_options o;
    o.msg_fmt = formats[data[0] & 3];
    o.reference_size = (data[0] & 4) ? cmpp::concat_reference::ref16 : cmpp::concat_reference::ref8;
    o.reference = (data[0] & 4) ? static_cast<std::uint16_t>(data[1] << 8 | data[2]) : data[1];
    const std::size_t rotate = data[3];
    const std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);

    cmpp::splitter parts(text, o);
    if (!parts.status()) {
        check(parts.count() == 0 && parts.status().offset <= text.size());
        return;
    }
    const std::size_t n = parts.count();
    check(n >= 1 && n <= 255);
    std::vector<cmpp::segment> segments(n);
    std::vector<unsigned char> storage(parts.encoded_size());
    std::size_t count = 0;
    check(cmpp::split(text, o, storage, segments, count) && count == n);
    if (!storage.empty()) {
        std::size_t none = 0;
        check(cmpp::split(text, o, smsgw::mutable_bytes(storage.data(), storage.size() - 1), segments, none) ==
                  smsgw::fail(errc::buffer_too_small, storage.size()) &&
              none == 0);
    }
    const std::size_t limit = o.msg_fmt == cmpp::msg_fmt_ascii ? 159 : 140;
    std::string rejoined;
    std::size_t total_size = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const cmpp::segment& s = segments[i];
        total_size += s.msg_content.size();
        check(s.msg_content.size() <= limit && s.pk_total == n && s.pk_number == i + 1 && s.tp_udhi == (n > 1 ? 1 : 0));
        rejoined += std::string(s.text);
    }
    check(rejoined == text && total_size == parts.encoded_size());

    std::vector<unsigned char> expected(text.size() * 2 + 1);
    smsgw::writer e{smsgw::mutable_bytes(expected)};
    if (o.msg_fmt == cmpp::msg_fmt_binary) {
        e.write(text);
    } else {  // a GB18030 or UTF-16 character takes at most twice its UTF-8 bytes
        check(static_cast<bool>(cmpp::encode_text(o.msg_fmt, text, e)));
    }

    cmpp::reassembly_slot slot[1];
    std::vector<unsigned char> pool(n * (159 + 5));
    cmpp::reassembler r(slot, pool);
    std::vector<unsigned char> out(e.size() + 1);
    smsgw::writer w{smsgw::mutable_bytes(out)};
    for (std::size_t i = 0; i < n; ++i) {
        const cmpp::segment& s = segments[(i + rotate) % n];
        cmpp::reassembly_status st;
        check(static_cast<bool>(r.add({"src", "dst", s.tp_udhi, s.msg_fmt, s.msg_content}, 0, st)));
        if (n == 1) {
            check(st.what == cmpp::reassembly_status::state::single);
            w.write(st.text);
        } else if (i + 1 == n) {
            check(st.what == cmpp::reassembly_status::state::complete && r.take(st.slot, w));
        } else {
            check(st.what == cmpp::reassembly_status::state::waiting);
        }
    }
    check(w.size() == e.size() && std::memcmp(out.data(), expected.data(), e.size()) == 0);
    if (cmpp::is_text_format(o.msg_fmt)) {  // and the reassembled bytes read back as the text
        std::vector<unsigned char> back(text.size() + 1);
        smsgw::writer b{smsgw::mutable_bytes(back)};
        check(cmpp::decode_text(o.msg_fmt, smsgw::bytes(out.data(), w.size()), b).ok() && b.size() == text.size() &&
              std::memcmp(back.data(), text.data(), text.size()) == 0);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    if (data[0] & 1) {
        split_and_reassemble(data + 1, size - 1);
    } else {
        arbitrary_segments(data + 1, size - 1);
    }
    return 0;
}
