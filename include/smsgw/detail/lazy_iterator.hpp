#pragma once

// The forward iterator of a lazy range over the input: everything but the parsing, which a
// cursor supplies. A cursor has `value_type`, `const value_type& current() const`,
// `void advance()` (to the next item, or to the end) and `std::size_t position() const` (where
// the current item starts; the end position once done): iterators are equal at equal positions.
#include <cstddef>
#include <iterator>

namespace smsgw::detail {

template <class Cursor>
class lazy_iterator {
public:
    using value_type = typename Cursor::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = const value_type&;
    using pointer = const value_type*;
    using iterator_category = std::forward_iterator_tag;

    lazy_iterator() noexcept = default;
    explicit lazy_iterator(const Cursor& c) noexcept : c_(c) {}

    const value_type& operator*() const noexcept { return c_.current(); }
    const value_type* operator->() const noexcept { return &c_.current(); }
    lazy_iterator& operator++() noexcept {
        c_.advance();
        return *this;
    }
    lazy_iterator operator++(int) noexcept {
        lazy_iterator old = *this;
        c_.advance();
        return old;
    }
    friend bool operator==(const lazy_iterator& a, const lazy_iterator& b) noexcept {
        return a.c_.position() == b.c_.position();
    }
    friend bool operator!=(const lazy_iterator& a, const lazy_iterator& b) noexcept { return !(a == b); }

private:
    Cursor c_{};
};

}  // namespace smsgw::detail
