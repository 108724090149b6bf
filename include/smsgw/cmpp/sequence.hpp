#pragma once

#include <cstdint>

// Sequence_Id source for requests (CMPP 2.0 table 8.3: "顺序累加, 步长为 1, 循环使用", a
// request and its response carry the same value). A plain value: one per connection, no
// locking; a connection shared between threads wraps it in its own mutex or atomic.
namespace smsgw::cmpp {

/// Hands out Sequence_Ids for one connection, in order.
class sequence_generator {
public:
    // Starts at 1, as most SP stacks do (the spec names no first value).
    constexpr sequence_generator() noexcept = default;
    /// Starts at `first`: a connection that resumes after a restart continues where it left off.
    constexpr explicit sequence_generator(std::uint32_t first) noexcept : next_(first) {}

    /// The value for the next request; after 0xFFFFFFFF comes 0.
    constexpr std::uint32_t next() noexcept { return next_++; }
    /// The value next() will return, without consuming it.
    constexpr std::uint32_t peek() const noexcept { return next_; }

private:
    std::uint32_t next_ = 1;
};

}  // namespace smsgw::cmpp
