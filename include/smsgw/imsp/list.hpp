#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "smsgw/core/span.hpp"
#include "smsgw/detail/lazy_iterator.hpp"

namespace smsgw::imsp {

/// A list a response description carries (send_mms's failed numbers, query_batch's entries):
/// decoded, a lazy range over the description's text, parsed item by item as it is walked;
/// to encode, a view of the caller's own array. `Format` says how one item is read from the text
/// (`static bool next(std::string_view text, std::size_t& pos, T& out)`, false at the end).
template <class T, class Format>
class text_list {
public:
    constexpr text_list() noexcept = default;
    /// To encode: the caller's array, std::array, vector or span of T, viewed, not copied.
    template <class C, class = std::enable_if_t<!std::is_same_v<C, text_list> &&
                                                std::is_constructible_v<span<const T>, const C&>>>
    constexpr text_list(const C& items) noexcept : items_(items) {}  // NOLINT: implicit, an array is a list

    /// The list written in `text` (the decoder has checked it).
    static constexpr text_list from_text(std::string_view text) noexcept {
        text_list l;
        l.text_ = text;
        l.is_text_ = true;
        return l;
    }

    /// Where a walk stands: the position in the text, or the index into the caller's array.
    class cursor {
    public:
        using value_type = T;
        constexpr cursor() noexcept = default;
        const T& current() const noexcept { return item_; }
        void advance() noexcept {
            if (!list_->is_text_) {
                at_ = next_ < list_->items_.size() ? next_ : end_mark;
                if (at_ != end_mark) item_ = list_->items_[next_++];
                return;
            }
            const std::size_t start = next_;
            at_ = Format::next(list_->text_, next_, item_) ? start : end_mark;
        }
        constexpr std::size_t position() const noexcept { return at_; }

    private:
        friend class text_list;
        static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);
        explicit cursor(const text_list* list) noexcept : list_(list) { advance(); }

        const text_list* list_ = nullptr;
        T item_{};
        std::size_t at_ = end_mark;
        std::size_t next_ = 0;
    };
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<cursor>;

    /// The first item.
    iterator begin() const noexcept { return iterator(cursor(this)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// Whether there is no entry.
    bool empty() const noexcept { return begin() == end(); }
    /// How many entries.
    std::size_t size() const noexcept {
        if (!is_text_) return items_.size();
        std::size_t n = 0;
        for (auto it = begin(); it != end(); ++it) ++n;
        return n;
    }
    /// The text the list was decoded from (empty for an array).
    constexpr std::string_view text() const noexcept { return text_; }

private:
    span<const T> items_;
    std::string_view text_;
    bool is_text_ = false;
};

}  // namespace smsgw::imsp
