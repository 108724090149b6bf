// The inspector's `encode` command and `--format text`, on a format of the test's own: a
// message is some bytes, printed as their size and hex; encode() reads the hex back.
#include "../../examples/smsgw-inspect/encode.cpp"
#include "../../examples/smsgw-inspect/layout.cpp"

#include <string>

#include "test.hpp"

namespace {

int run_bytes(const inspect::args&, std::string_view input, std::string& out) {
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        j.member("size", input.size());
        inspect::hex_member(j, "hex", input);
    });
    return 0;
}

bool encode_bytes(const inspect::args& a, const smsgw::codec::json::object& message, std::string& bytes, inspect::refusal& why) {
    if (!a.empty()) return false;  // no message: a usage error
    inspect::reader in(why);
    smsgw::codec::json::value v;
    std::string_view raw;
    if (!message.find("hex", v)) return in.refuse(smsgw::errc::missing_field, message.as_value(), ".hex");
    if (!in.hex(v, raw, ".hex")) return false;
    bytes += raw;
    return true;
}

const inspect::format bytes_format{"test-bytes", "some bytes", &run_bytes, &inspect::on_object<encode_bytes>, nullptr, ","};

int encode(std::string_view input, std::string& bytes, std::string& errors, const inspect::args& a = {}) {
    return inspect::encode_messages(bytes_format, a, input, bytes, errors);
}

}  // namespace

TEST_CASE("inspect encode: each line's bytes, joined by the format's `between`") {
    std::string bytes, errors;
    CHECK(encode("{\"size\":2,\"hex\":\"6162\"}\n\n{\"hex\":\"6364\"}\r\n", bytes, errors) == 0);
    CHECK(bytes == "ab,cd");
    CHECK(errors.empty());
}

TEST_CASE("inspect encode: a derived member is checked against the bytes, with its path and offset") {
    std::string bytes, errors;
    CHECK(encode("{\"hex\":\"61\"}\n{\"size\":3,\"hex\":\"6162\"}\n", bytes, errors) == 1);
    CHECK(bytes == "a");
    CHECK(errors == "{\"error\":\"differs from what the bytes decode to\",\"offset\":21,\"path\":\".size\"}\n");
}

TEST_CASE("inspect encode: a member decoding does not give back is refused") {
    std::string bytes, errors;
    CHECK(encode("{\"hex\":\"61\",\"extra\":[1]}", bytes, errors) == 1);
    CHECK(bytes.empty());
    CHECK(errors == "{\"error\":\"absent from what the bytes decode to\",\"offset\":12,\"path\":\".extra\"}\n");
}

TEST_CASE("inspect encode: the encoder's refusal, the library's error at the value's offset") {
    std::string bytes, errors;
    CHECK(encode("{\"hex\":\"6g\"}", bytes, errors) == 1);
    CHECK(errors == "{\"error\":\"character not allowed here\",\"offset\":9,\"path\":\".hex\"}\n");
    errors.clear();
    CHECK(encode("{}", bytes, errors) == 1);
    CHECK(errors == "{\"error\":\"required field missing\",\"offset\":0,\"path\":\".hex\"}\n");
    errors.clear();
    CHECK(encode("[1]", bytes, errors) == 1);
    CHECK(errors == "{\"error\":\"value is of another type\",\"offset\":0}\n");
}

TEST_CASE("inspect encode: JSON that does not parse is refused at its offset in the input") {
    std::string bytes, errors;
    CHECK(encode("{\"hex\":\"61\"}\n{\"hex\":", bytes, errors) == 1);
    CHECK(bytes == "a");
    CHECK(errors == "{\"error\":\"input truncated\",\"offset\":20}\n");
}

TEST_CASE("inspect encode: an encoder that refuses without a reason is a usage error") {
    std::string bytes, errors;
    CHECK(encode("{\"hex\":\"61\"}", bytes, errors, {"--what"}) == 2);
    CHECK(bytes.empty());
}

TEST_CASE("inspect --format text: one line per member, indented, numbers with their hex") {
    std::string out;
    inspect::text_layout("{\"size\":2,\"ids\":[\"a\",{\"b\":null}],\"ok\":true}\n{}\n", bytes_format, out);
    CHECK(out ==
          "message 1:\n"
          "    size: 2 (0x2)\n"
          "    ids: 2 items\n"
          "        [0]: \"a\"\n"
          "        [1]:\n"
          "            b: null\n"
          "    ok: true\n"
          "message 2:\n");
}
