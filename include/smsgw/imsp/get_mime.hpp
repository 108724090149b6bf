#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"
#include "smsgw/mime/encoded_word.hpp"
#include "smsgw/mime/encoder.hpp"
#include "smsgw/mime/message.hpp"

// get_mime (§3.5): fetches one MO MMS sent to the account's short code. The answer is a MIME
// packet with HTTP status 200 (§5.1), or the <br> page with 202 when nothing is waiting
// (code 1 "No MO message found") or the request failed.
namespace smsgw::imsp {

/// `account=...&password=...`, POSTed to path(command::get_mime); validate(), encode() and
/// decode() come from request.hpp.
struct get_mime_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::get_mime;

    std::string_view account;   ///< ASCII, at most 10
    std::string_view password;  ///< ASCII, at most 10

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 10);
    }
};

namespace detail {
inline constexpr fields::spec msgid = fields::digits("Msgid", 20);  // §5.1: the packet's id
}

/// The answer. With status 200 the IMSP fields of §5.1 and the parsed packet; with 202 the page.
struct get_mime_response {
    int status = 202;  ///< the HTTP status the gateway answered with
    page reply;        ///< 202: code 1 "No MO message found", or a failure code
    // 200: the top fields of the packet, raw (§5.1)
    std::string_view date;     ///< when the handset sent it, as written: "2005/03/08 13:52:53 CST"
    std::string_view to;       ///< the short code
    std::string_view from;     ///< the sender: a mobile number or an emome id (§5.1 註1)
    std::string_view msgid;    ///< digits; the gateway names its files after it
    std::string_view subject;  ///< RFC 2047 encoded-words (§5.1 註2): decode_subject() gives UTF-8
    std::uint32_t content_number = 0;  ///< checked against the packet's parts
    mime::message packet{span<mime::part>()};  ///< parts()[0] is the packet; contents() its parts

    /// Whether the gateway sent a packet (HTTP 200).
    bool has_packet() const noexcept { return status == 200; }

    /// The packet's contents in order (the children of its multipart), as mime::part:
    /// type, content_id (raw, e.g. IMSP's `<t0>` with a stray quote before it), mime::filename(), mime::decode_content().
    class content_range {
    public:
        /// A forward iterator over the contents.
        class iterator {
        public:
            /// At `it` among the children of `m`'s root.
            iterator(const mime::message* m, mime::message::children_range::iterator it) noexcept : m_(m), it_(it) {}
            /// The current item.
            const mime::part& operator*() const noexcept { return (*m_)[*it_]; }
            /// The current item's members.
            const mime::part* operator->() const noexcept { return &(*m_)[*it_]; }
            /// Moves to the next item.
            iterator& operator++() noexcept {
                ++it_;
                return *this;
            }
            /// Whether both iterators are at the same position.
            friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.it_ == b.it_; }
            /// Whether the iterators are at different positions.
            friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.it_ != b.it_; }

        private:
            const mime::message* m_;
            mime::message::children_range::iterator it_;
        };
        /// The contents of `m`.
        explicit content_range(const mime::message& m) noexcept : m_(&m) {}
        /// The first item.
        iterator begin() const noexcept { return {m_, m_->children(0).begin()}; }
        /// Past the last item.
        iterator end() const noexcept { return {m_, m_->children(0).end()}; }

    private:
        const mime::message* m_;
    };
    /// The packet's contents (its parts).
    content_range contents() const noexcept { return content_range(packet); }
};

/// The subject as UTF-8 text (the gateway always writes UTF-8, base64 encoded-words).
inline result decode_subject(const get_mime_response& r, writer& out) noexcept {
    return mime::decode_text(r.subject, out);
}

/// Decodes the answer to get_mime from the HTTP status and body. 200: the packet is parsed into
/// `storage` (one mime::part for the packet and one per content) with `opt`; Date, To, From,
/// Msgid, Subject and Content_number must be there (missing_field naming it), Msgid digits,
/// the packet multipart (bad_response), and Content_number the number of its parts
/// (count_mismatch at the field). 202: the `<br>` page. Any other status: out_of_range.
inline result decode(int status, bytes body, get_mime_response& out, span<mime::part> storage,
                     const mime::options& opt = {}) noexcept {
    if (status == 202) {
        page p;
        if (result r = decode(body, p); !r) return r;
        out = get_mime_response{};
        out.reply = p;
        return {errc{}, body.size()};
    }
    if (status != 200) return fail(errc::out_of_range, 0, "status");
    get_mime_response resp;
    resp.status = 200;
    resp.packet = mime::message(storage);
    if (result r = mime::decode(body, resp.packet, opt); !r) return r;
    const mime::header_block& h = resp.packet.headers();
    const char* names[] = {"Date", "To", "From", "Msgid", "Subject", "Content_number"};
    std::string_view* values[] = {&resp.date, &resp.to, &resp.from, &resp.msgid, &resp.subject, nullptr};
    std::size_t number_at = 0;
    std::string_view number;
    for (std::size_t i = 0; i < 6; ++i) {
        const auto f = h.find(names[i]);
        if (!f) return fail(errc::missing_field, h.offset() + h.text().size(), names[i]);
        if (values[i] != nullptr) {
            *values[i] = f->value;
        } else {
            number = f->value;
            number_at = f->offset;
        }
    }
    const std::size_t msgid_at = h.find("Msgid")->offset;
    if (result r = fields::check_value(resp.msgid, detail::msgid); !r) return fail(r.ec, msgid_at, "Msgid");
    if (result r = codec::decimal::parse(number, resp.content_number, {codec::decimal::sign::none, true, 10}); !r) {
        return fail(r.ec, number_at, "Content_number");
    }
    const mime::part& root = resp.packet.root();
    if (!root.is_multipart()) return fail(errc::bad_response, root.offset, "Content-type");
    std::size_t count = 0;
    for (auto it = resp.packet.children(0).begin(); it != resp.packet.children(0).end(); ++it) ++count;
    if (count != resp.content_number) return fail(errc::count_mismatch, number_at, "Content_number");
    out = resp;
    return {errc{}, body.size()};
}

/// What a gateway sends with HTTP 200 (§5.1), to encode: the top fields, then the contents as
/// multipart/mixed with the boundary `----=_CHT_MMS_BOUNDARY` followed by a dot and the msgid, IMSP's field spellings,
/// every content base64 (a part_spec's encoding is kept as given: §5.1 says base64 always).
struct mo_packet {
    std::string_view date;     ///< "2005/03/08 13:52:53 CST"
    /// To: the recipient.
    std::string_view to;
    /// From: the sender.
    std::string_view from;
    std::string_view msgid;    ///< digits, at most 20
    std::string_view subject;  ///< UTF-8; written as encoded-words when not ASCII
    span<const mime::part_spec> contents;  ///< filename "<msgid>_<n>.<ext>" as the gateway names them
};

/// Writes the packet.
inline result encode(const mo_packet& p, writer& out) noexcept {
    if (result r = fields::check_value(p.msgid, detail::msgid); !r) return r;
    const codec::decimal::text number = codec::decimal::format(p.contents.size());
    const mime::field top[] = {{"Date", p.date},       {"To", p.to},           {"From", p.from},
                               {"Msgid", p.msgid},     {"Subject", p.subject}, {"Content_number", number.view()}};
    char boundary[64] = "----=_CHT_MMS_BOUNDARY.";
    std::size_t n = 23;
    for (char c : p.msgid) boundary[n++] = c;
    const mime::message_spec spec{top, "mixed", std::string_view(boundary, n), p.contents, mime::imsp_names};
    return mime::encode(spec, out);
}

}  // namespace smsgw::imsp
