#include "smsgw/codec/md5.hpp"

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "test.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

using smsgw::codec::md5;
using smsgw::codec::md5_digest;

namespace {

std::string hex_of(const md5_digest& d) {
    const auto h = smsgw::codec::to_hex(d);
    return std::string(h.data(), h.size());
}

std::string md5_hex(std::string_view s) { return hex_of(md5::hash(s)); }

std::vector<smsgw::byte> random_bytes(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<smsgw::byte> v(n);
    for (auto& b : v) b = static_cast<smsgw::byte>(rng());
    return v;
}

}  // namespace

TEST_CASE("md5: RFC 1321 A.5 test suite") {
    CHECK(md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(md5_hex("a") == "0cc175b9c0f1b6a831c399e269772661");
    CHECK(md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(md5_hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
    CHECK(md5_hex("abcdefghijklmnopqrstuvwxyz") == "c3fcd3d76192e4007dfb496cca67e13b");
    CHECK(md5_hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
          "d174ab98d277d9f5a5611c2c9f419d9f");
    CHECK(md5_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
          "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("md5: the digest bytes and their hex") {
    const md5_digest d = md5::hash(std::string_view("abc"));
    const md5_digest expect = {0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0,
                               0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72};
    CHECK(d == expect);
    md5_digest all{};
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<smsgw::byte>(i * 17);
    CHECK(hex_of(all) == "00112233445566778899aabbccddeeff");
    // 5C's password_md5 example (5c-mms-api §5.1.2): MD5("123456") in upper case.
    const auto upper = smsgw::codec::to_hex(md5::hash(std::string_view("123456")), smsgw::codec::hex::letter_case::upper);
    CHECK(std::string_view(upper.data(), upper.size()) == "E10ADC3949BA59ABBE56E057F20F883E");
}

TEST_CASE("md5: incremental updates in any split give the one-shot digest") {
    const auto data = random_bytes(300, 7);
    const smsgw::bytes all(data.data(), data.size());
    for (std::size_t len : {0u, 1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u, 300u}) {
        const md5_digest whole = md5::hash(all.first(len));
        for (std::size_t cut = 0; cut <= len; ++cut) {
            md5 h;
            h.update(all.first(cut)).update(all.subspan(cut, len - cut));
            CHECK(h.finish() == whole);
        }
        md5 bytewise;
        for (std::size_t i = 0; i < len; ++i) bytewise.update(all.subspan(i, 1));
        CHECK(bytewise.finish() == whole);
    }
}

TEST_CASE("md5: finish starts the object over") {
    md5 h;
    h.update(std::string_view("some earlier message"));
    h.finish();
    h.update(std::string_view("abc"));
    CHECK(hex_of(h.finish()) == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(hex_of(h.finish()) == "d41d8cd98f00b204e9800998ecf8427e");
}

TEST_CASE("md5: hashing allocates nothing") {
    const auto data = random_bytes(1000, 3);
    smsgw::test::alloc_counter guard;
    md5 h;
    h.update(data).update(std::string_view("tail"));
    const md5_digest a = h.finish();
    const md5_digest b = md5::hash(data);
    const auto hex = smsgw::codec::to_hex(a);
    CHECK(guard.count() == 0);
    CHECK(a != b);
    CHECK(hex[0] != '\0');
}

#ifdef SMSGW_HAVE_OPENSSL
namespace {
md5_digest openssl_md5(smsgw::bytes in) {
    md5_digest d{};
    unsigned int n = 0;
    REQUIRE(EVP_Digest(in.data(), in.size(), d.data(), &n, EVP_md5(), nullptr) == 1);
    REQUIRE(n == 16);
    return d;
}
}  // namespace

TEST_CASE("md5: agrees with OpenSSL on every length 0..300 and on 1 MB") {
    const auto data = random_bytes(1 << 20, 2026);
    const smsgw::bytes all(data.data(), data.size());
    for (std::size_t len = 0; len <= 300; ++len) {
        const smsgw::bytes part = all.subspan(len * 7, len);
        CHECK(md5::hash(part) == openssl_md5(part));
    }
    CHECK(md5::hash(all) == openssl_md5(all));
    md5 chunked;
    for (std::size_t at = 0; at < all.size(); at += 1000) chunked.update(all.subspan(at, 1000));
    CHECK(chunked.finish() == openssl_md5(all));
}
#endif
