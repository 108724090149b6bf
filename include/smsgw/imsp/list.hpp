#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/delimited.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/detail/lazy_iterator.hpp"

namespace smsgw::imsp {

namespace detail {
// How the gateway lists things in a page's description: entries end at ';', and the
// description may wrap (`2, \r\nSubmitted to MMSC`), so whitespace around each field is dropped
// and line breaks inside one kept; the last field may hold the field separator; empty entries
// (a trailing ';') are skipped.
constexpr codec::delimited::format description_list(char field_separator, std::size_t fields) noexcept {
    return codec::delimited::format{';', field_separator, fields, fields}
        .with_mode(smsgw::mode::tolerant)
        .with_trim(codec::delimited::trimming::space)
        .with_breaks(codec::delimited::line_breaks::keep)
        .with_rest_in_last();
}
}  // namespace detail

// A list a response description carries (send_mms's failed numbers, query_batch's entries):
// decoded, a lazy range over the description's text (codec::delimited, read record by record
// as it is walked); to encode, a view of the caller's own array. `Format` has the list's
// `static constexpr codec::delimited::format list` and `static T item(const codec::delimited::record&)`.
template <class T, class Format>
class text_list {
public:
    constexpr text_list() noexcept = default;
    // To encode: the caller's array, std::array, vector or span of T, viewed, not copied.
    template <class C, class = std::enable_if_t<!std::is_same_v<C, text_list> &&
                                                std::is_constructible_v<span<const T>, const C&>>>
    constexpr text_list(const C& items) noexcept : items_(items) {}  // NOLINT: implicit, an array is a list

    // The list written in `text` (the decoder has checked it).
    static constexpr text_list from_text(std::string_view text) noexcept {
        text_list l;
        l.records_ = codec::delimited::records(text, Format::list);
        l.is_text_ = true;
        return l;
    }

    // Where a walk stands: the record read last, or the index into the caller's array.
    class cursor {
    public:
        using value_type = T;
        constexpr cursor() noexcept = default;
        const T& current() const noexcept { return item_; }
        void advance() noexcept {
            if (list_->is_text_) ++record_;
            ++index_;
            load();
        }
        constexpr std::size_t position() const noexcept { return done_ ? static_cast<std::size_t>(-1) : index_; }

    private:
        friend class text_list;
        explicit cursor(const text_list* list) noexcept : list_(list), record_(list->records_.begin()) { load(); }
        void load() noexcept {
            done_ = list_->is_text_ ? record_ == list_->records_.end() : index_ >= list_->items_.size();
            if (!done_) item_ = list_->is_text_ ? Format::item(*record_) : list_->items_[index_];
        }

        const text_list* list_ = nullptr;
        codec::delimited::records::iterator record_{};
        T item_{};
        std::size_t index_ = 0;
        bool done_ = true;
    };
    using iterator = smsgw::detail::lazy_iterator<cursor>;

    iterator begin() const noexcept { return iterator(cursor(this)); }
    iterator end() const noexcept { return iterator(); }
    bool empty() const noexcept { return begin() == end(); }
    std::size_t size() const noexcept {
        if (!is_text_) return items_.size();
        std::size_t n = 0;
        for (auto it = begin(); it != end(); ++it) ++n;
        return n;
    }
    // The text the list was decoded from (empty for an array).
    constexpr std::string_view text() const noexcept { return records_.text(); }

private:
    span<const T> items_;
    codec::delimited::records records_;
    bool is_text_ = false;
};

}  // namespace smsgw::imsp
