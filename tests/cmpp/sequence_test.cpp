#include "smsgw/cmpp/sequence.hpp"

#include "test.hpp"

using smsgw::cmpp::sequence_generator;

TEST_CASE("Sequence_Id counts up by one from 1") {
    sequence_generator seq;
    CHECK(seq.peek() == 1);
    CHECK(seq.next() == 1);
    CHECK(seq.next() == 2);
    CHECK(seq.peek() == 3);
    CHECK(seq.next() == 3);
}

TEST_CASE("Sequence_Id wraps after 0xFFFFFFFF (table 8.3: 循环使用)") {
    sequence_generator seq(0xFFFFFFFE);
    CHECK(seq.next() == 0xFFFFFFFE);
    CHECK(seq.next() == 0xFFFFFFFF);
    CHECK(seq.next() == 0);
    CHECK(seq.next() == 1);
}

TEST_CASE("Sequence_Id generator is a constexpr value type") {
    constexpr auto advanced = [] {
        sequence_generator s(10);
        s.next();
        s.next();
        return s;
    }();
    static_assert(advanced.peek() == 12, "next() advances in constant expressions");
    sequence_generator copy = advanced;
    CHECK(copy.next() == 12);
    CHECK(advanced.peek() == 12);
    static_assert(sizeof(sequence_generator) == 4, "no more than the counter");
}
