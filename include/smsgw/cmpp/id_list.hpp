#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>

#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw::cmpp {

/// A list of fixed-width terminal ids (SUBMIT's Dest_terminal_Id, FWD's Dest_Id: DestUsr_tl
/// fields of 21 or 32 bytes each). Decoding gives a lazy view over the wire bytes, each id
/// trimmed of its NUL padding as it is read; to encode, point it at the caller's own array:
///
///     std::string_view to[] = {"13800138000", "13900139000"};
///     submit.dest_terminal_ids = to;
///
/// Nothing is copied either way: the input, or the caller's array, must outlive the list.
class id_list {
public:
    constexpr id_list() noexcept = default;
    /// The caller's ids, each at most the field's width (the encoder checks): an array of
    /// string_view, or a contiguous container of them (std::vector, std::array, span).
    ///@{
    template <std::size_t N>
    constexpr id_list(const std::string_view (&ids)[N]) noexcept : items_(ids), count_(N) {}
    template <class C, class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<const C&>().data()),
                                                                      const std::string_view*>>>
    constexpr id_list(const C& ids) noexcept : items_(ids.data()), count_(ids.size()) {}
    ///@}

    /// `count` ids of `width` bytes each, back to back (what a decoder sees).
    static constexpr id_list on_wire(const char* data, std::size_t count, std::size_t width) noexcept {
        id_list l;
        l.wire_ = data;
        l.count_ = count;
        l.width_ = width;
        return l;
    }

    /// The number of ids.
    constexpr std::size_t size() const noexcept { return count_; }
    /// Whether there is none.
    constexpr bool empty() const noexcept { return count_ == 0; }

    /// The i-th id without its padding.
    constexpr std::string_view operator[](std::size_t i) const noexcept {
        return wire_ != nullptr ? trim_fixed(std::string_view(wire_ + i * width_, width_)) : items_[i];
    }

    /// A forward iterator over the ids.
    class iterator {
    public:
        /// Standard iterator traits.
        ///@{
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;
        ///@}

        constexpr iterator() noexcept = default;
        /// The iterator at the i-th id of `list`.
        constexpr iterator(const id_list* list, std::size_t i) noexcept : list_(list), i_(i) {}
        /// The current item.
        constexpr std::string_view operator*() const noexcept { return (*list_)[i_]; }
        /// Moves to the next item.
        constexpr iterator& operator++() noexcept {
            ++i_;
            return *this;
        }
        /// Moves to the next item; returns the iterator as it was.
        constexpr iterator operator++(int) noexcept {
            iterator old = *this;
            ++i_;
            return old;
        }
        /// Whether both iterators are at the same position.
        friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept { return a.i_ == b.i_; }
        /// Whether the iterators are at different positions.
        friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return a.i_ != b.i_; }

    private:
        const id_list* list_ = nullptr;
        std::size_t i_ = 0;
    };

    /// The first item.
    constexpr iterator begin() const noexcept { return {this, 0}; }
    /// Past the last item.
    constexpr iterator end() const noexcept { return {this, count_}; }

private:
    const std::string_view* items_ = nullptr;
    const char* wire_ = nullptr;
    std::size_t count_ = 0;
    std::size_t width_ = 0;
};

}  // namespace smsgw::cmpp
