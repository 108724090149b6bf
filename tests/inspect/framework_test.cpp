#include "../../examples/smsgw-inspect/inspect.hpp"

#include <string>

#include "test.hpp"

namespace {

int run_echo(const inspect::args& a, std::string_view input, std::string& out) {
    inspect::emit(out, [&](smsgw::codec::json::writer& j) { j.member("args", a.size()).member("input", input); });
    return 0;
}

const inspect::registrar echo_format{{"test-echo", "echoes its input", &run_echo}};

}  // namespace

TEST_CASE("inspect: registered formats are found by name") {
    const inspect::format* f = inspect::find_format("test-echo");
    REQUIRE(f != nullptr);
    CHECK(std::string_view(f->usage) == "echoes its input");
    std::string out;
    CHECK(f->run({"x", "y"}, "hi", out) == 0);
    CHECK(out == "{\"args\":2,\"input\":\"hi\"}\n");
    CHECK(inspect::find_format("test-ech") == nullptr);
    CHECK(inspect::find_format("") == nullptr);
}

TEST_CASE("inspect: emit appends one object per line") {
    std::string out = "earlier\n";
    inspect::emit(out, [](smsgw::codec::json::writer& j) {
        j.member("sequence_id", std::uint32_t{7}).member("ok", true);
        j.key("dest_terminal_id").begin_array().string("13800138000").end_array();
    });
    inspect::emit(out, [](smsgw::codec::json::writer&) {});
    CHECK(out == "earlier\n{\"sequence_id\":7,\"ok\":true,\"dest_terminal_id\":[\"13800138000\"]}\n{}\n");
    CHECK_FALSE(inspect::emit_failed());
}

TEST_CASE("inspect: emit grows past its first guess at the size") {
    const std::string big(10000, 'x');
    std::string out;
    int calls = 0;
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        ++calls;
        j.member("msg_content", big);
    });
    CHECK(calls == 2);
    CHECK(out == "{\"msg_content\":\"" + big + "\"}\n");
}

TEST_CASE("inspect: binary goes out as lower-case hex") {
    std::string out;
    const unsigned char id[] = {0x00, 0x1f, 0xab, 0xff};
    inspect::emit(out, [&](smsgw::codec::json::writer& j) {
        inspect::hex_member(j, "msg_id", id);
        inspect::hex_member(j, "empty", smsgw::bytes());
    });
    CHECK(out == "{\"msg_id\":\"001fabff\",\"empty\":\"\"}\n");
}

TEST_CASE("inspect: emit_error prints the error, its offset and its field") {
    std::string out;
    inspect::emit_error(out, smsgw::fail(smsgw::errc::truncated, 12));
    inspect::emit_error(out, smsgw::fail(smsgw::errc::field_too_long, 3, "Msg_Content"));
    CHECK(out ==
          "{\"error\":\"input truncated\",\"offset\":12}\n"
          "{\"error\":\"value too long for its field\",\"offset\":3,\"field\":\"Msg_Content\"}\n");
}

// Last: it sets the process-wide failure flag.
TEST_CASE("inspect: an object that cannot be written becomes an error object and fails the run") {
    std::string out = "kept\n";
    inspect::emit(out, [](smsgw::codec::json::writer& j) { j.member("a", 1).member("text", "ab\xff"); });
    CHECK(out == "kept\n{\"error\":\"invalid UTF-8\",\"offset\":2}\n");
    CHECK(inspect::emit_failed());
}
