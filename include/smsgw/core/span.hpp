#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace smsgw {

/// A byte.
using byte = unsigned char;

namespace detail {
// Whether a span of T may view elements of type E: the same type, or any one-byte integer
// (char, signed char, unsigned char) as bytes, never dropping const.
template <class T, class E>
constexpr bool span_compatible() noexcept {
    if constexpr (std::is_convertible_v<E (*)[], T (*)[]>) {
        return true;
    } else {
        return sizeof(E) == 1 && sizeof(T) == 1 && std::is_integral_v<std::remove_cv_t<E>> &&
               std::is_integral_v<std::remove_cv_t<T>> && (std::is_const_v<T> || !std::is_const_v<E>);
    }
}
}  // namespace detail

/// A pointer and a length: C++17's stand-in for std::span. Byte spans convert from
/// anything holding chars or bytes contiguously (string_view, std::string, vector, arrays),
/// so every decoder takes text and binary alike.
template <class T>
class span {
public:
    /// The element type.
    using element_type = T;
    /// The element type without const.
    using value_type = std::remove_cv_t<T>;
    /// The type of sizes.
    using size_type = std::size_t;
    /// Iterator trait.
    using pointer = T*;
    /// The iterator over the items.
    using iterator = T*;

    constexpr span() noexcept = default;
    /// `size` elements from `data`.
    constexpr span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}

    /// Arrays of T, or of char/unsigned char for byte spans. Not `const char[N]`: that is a string
    /// literal, whose terminating NUL is not data; pass it as std::string_view.
    template <class E, std::size_t N,
              class = std::enable_if_t<detail::span_compatible<T, E>() && !std::is_same_v<E, const char>>>
    span(E (&array)[N]) noexcept : data_(reinterpret_cast<T*>(array)), size_(N) {}

    /// Any contiguous container of T (or, for byte spans, of char), e.g. std::vector, std::string, std::array.
    template <class C, class E = std::remove_pointer_t<decltype(std::declval<C&>().data())>,
              class = std::enable_if_t<!std::is_same_v<std::remove_cv_t<C>, span> &&
                                       detail::span_compatible<T, E>()>,
              class = decltype(std::declval<C&>().size())>
    span(C& c) noexcept : data_(reinterpret_cast<T*>(c.data())), size_(c.size()) {}

    // A temporary container is refused: the span, and every view a decoder makes from it, would
    // dangle once the statement ends. Keep the bytes in a named variable (views such as
    // std::string_view and span, which own nothing, are taken by value; a temporary std::string
    // converts through std::string_view when named explicitly, `bytes(s.substr(2))`, for use
    // within one expression).
    template <class C, class E = std::remove_pointer_t<decltype(std::declval<C&>().data())>,
              class = std::enable_if_t<!std::is_reference_v<C> && !std::is_same_v<std::remove_cv_t<C>, span> &&
                                       !std::is_convertible_v<C, std::string_view> &&
                                       detail::span_compatible<T, E>()>>
    span(C&& temporary_container_would_dangle) = delete;

    /// string_view and other const char ranges passed by value.
    template <class U = T, class = std::enable_if_t<std::is_const_v<U> && sizeof(U) == 1>>
    span(std::string_view s) noexcept : data_(reinterpret_cast<T*>(s.data())), size_(s.size()) {}

    /// From a span of a type that converts (a span of const from a span of mutable).
    template <class U, class = std::enable_if_t<std::is_convertible_v<U (*)[], T (*)[]>>>
    constexpr span(const span<U>& other) noexcept : data_(other.data()), size_(other.size()) {}

    /// The first element.
    constexpr T* data() const noexcept { return data_; }
    /// How many elements.
    constexpr std::size_t size() const noexcept { return size_; }
    /// Whether there is none.
    constexpr bool empty() const noexcept { return size_ == 0; }
    /// The first item.
    constexpr T* begin() const noexcept { return data_; }
    /// Past the last item.
    constexpr T* end() const noexcept { return data_ + size_; }
    /// Element i.
    constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }

    /// The first n elements (all of them when fewer).
    constexpr span first(std::size_t n) const noexcept { return {data_, n < size_ ? n : size_}; }
    /// n elements from `offset` (what there is when fewer).
    constexpr span subspan(std::size_t offset, std::size_t n = std::size_t(-1)) const noexcept {
        std::size_t o = offset < size_ ? offset : size_;
        std::size_t rest = size_ - o;
        return {data_ + o, n < rest ? n : rest};
    }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

using bytes = span<const byte>;    ///< input: anything readable as bytes
using mutable_bytes = span<byte>;  ///< output: a caller's buffer

/// The bytes as chars.
inline std::string_view as_chars(bytes b) noexcept {
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace smsgw
