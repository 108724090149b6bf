#include "smsgw/codec/des.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/base64.hpp"
#include "test.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#include <openssl/provider.h>
#endif

namespace des = smsgw::codec::des;
using smsgw::errc;
using smsgw::fail;
using smsgw::result;

namespace {

using buffer = std::vector<smsgw::byte>;
using smsgw::test::hex;
using smsgw::test::unhex;
constexpr auto upper = smsgw::test::letters::upper;

std::string base64_of(smsgw::bytes b) {
    std::string out(smsgw::codec::base64::encoded_size(b.size()), '\0');
    smsgw::writer w(out.data(), out.size());
    smsgw::codec::base64::encode(b, w);
    return out;
}

des::key_schedule schedule(smsgw::bytes key) {
    des::key_schedule ks;
    REQUIRE(des::key_schedule::make(key, ks).ok());
    return ks;
}

// What a mode function writes into a buffer of exactly the size it needs.
template <class F>
buffer run(std::size_t capacity, F&& f) {
    buffer out(capacity);
    smsgw::writer w(out);
    const result r = f(w);
    REQUIRE(r == result{errc{}, capacity});
    return out;
}

buffer ecb(smsgw::bytes key, smsgw::bytes plain) {
    return run(des::padded_size(plain.size()), [&](smsgw::writer& w) { return des::encrypt_ecb(key, plain, w); });
}
buffer cbc(smsgw::bytes key, smsgw::bytes iv, smsgw::bytes plain) {
    return run(des::padded_size(plain.size()), [&](smsgw::writer& w) { return des::encrypt_cbc(key, iv, plain, w); });
}
buffer un_ecb(smsgw::bytes key, smsgw::bytes cipher, std::size_t size) {
    return run(size, [&](smsgw::writer& w) { return des::decrypt_ecb(key, cipher, w); });
}
buffer un_cbc(smsgw::bytes key, smsgw::bytes iv, smsgw::bytes cipher, std::size_t size) {
    return run(size, [&](smsgw::writer& w) { return des::decrypt_cbc(key, iv, cipher, w); });
}

std::string head_hex(const buffer& b, std::size_t n) { return hex(smsgw::bytes(b.data(), n), upper); }

buffer random_bytes(std::mt19937& rng, std::size_t n) {
    buffer v(n);
    for (auto& b : v) b = static_cast<smsgw::byte>(rng());
    return v;
}

// Eric Young's single-DES ECB triples (key, plain, cipher), as OpenSSL's test/destest.c lists
// them in key_data, plain_data and cipher_data.
struct triple {
    const char* key;
    const char* plain;
    const char* cipher;
};
constexpr triple young[] = {
    {"0000000000000000", "0000000000000000", "8CA64DE9C1B123A7"},
    {"FFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "7359B2163E4EDC58"},
    {"3000000000000000", "1000000000000001", "958E6E627A05557B"},
    {"1111111111111111", "1111111111111111", "F40379AB9E0EC533"},
    {"0123456789ABCDEF", "1111111111111111", "17668DFC7292532D"},
    {"1111111111111111", "0123456789ABCDEF", "8A5AE1F81AB8F2DD"},
    {"0000000000000000", "0000000000000000", "8CA64DE9C1B123A7"},
    {"FEDCBA9876543210", "0123456789ABCDEF", "ED39D950FA74BCC4"},
    {"7CA110454A1A6E57", "01A1D6D039776742", "690F5B0D9A26939B"},
    {"0131D9619DC1376E", "5CD54CA83DEF57DA", "7A389D10354BD271"},
    {"07A1133E4A0B2686", "0248D43806F67172", "868EBB51CAB4599A"},
    {"3849674C2602319E", "51454B582DDF440A", "7178876E01F19B2A"},
    {"04B915BA43FEB5B6", "42FD443059577FA2", "AF37FB421F8C4095"},
    {"0113B970FD34F2CE", "059B5E0851CF143A", "86A560F10EC6D85B"},
    {"0170F175468FB5E6", "0756D8E0774761D2", "0CD3DA020021DC09"},
    {"43297FAD38E373FE", "762514B829BF486A", "EA676B2CB7DB2B7A"},
    {"07A7137045DA2A16", "3BDD119049372802", "DFD64A815CAF1A0F"},
    {"04689104C2FD3B2F", "26955F6835AF609A", "5C513C9C4886C088"},
    {"37D06BB516CB7546", "164D5E404F275232", "0A2AEEAE3FF4AB77"},
    {"1F08260D1AC2465E", "6B056E18759F5CCA", "EF1BF03E5DFA575A"},
    {"584023641ABA6176", "004BD6EF09176062", "88BF0DB6D70DEE56"},
    {"025816164629B007", "480D39006EE762F2", "A1F9915541020B56"},
    {"49793EBC79B3258F", "437540C8698F3CFA", "6FBF1CAFCFFD0556"},
    {"4FB05E1515AB73A7", "072D43A077075292", "2F22E49BAB7CA1AC"},
    {"49E95D6D4CA229BF", "02FE55778117F12A", "5A6B612CC26CCE4A"},
    {"018310DC409B26D6", "1D9D5C5018F728C2", "5F4C038ED12B2E41"},
    {"1C587F1C13924FEF", "305532286D6F295A", "63FAC0D034D9F793"},
    {"0101010101010101", "0123456789ABCDEF", "617B3A0CE8F07100"},
    {"1F1F1F1F0E0E0E0E", "0123456789ABCDEF", "DB958605F8C8C606"},
    {"E0FEE0FEF1FEF1FE", "0123456789ABCDEF", "EDBFD1C66C29CCC7"},
    {"0000000000000000", "FFFFFFFFFFFFFFFF", "355550B2150E2451"},
    {"FFFFFFFFFFFFFFFF", "0000000000000000", "CAAAAF4DEAF1DBAE"},
    {"0123456789ABCDEF", "0000000000000000", "D5D44FF720683D0D"},
    {"FEDCBA9876543210", "FFFFFFFFFFFFFFFF", "2A2BB008DF97C2F2"},
};

}  // namespace

TEST_CASE("des: the textbook vector, one block each way") {
    const buffer key = unhex<buffer>("133457799BBCDFF1");
    const buffer plain = unhex<buffer>("0123456789ABCDEF");
    const des::key_schedule ks = schedule(key);
    smsgw::byte block[8];
    ks.encrypt_block(plain.data(), block);
    CHECK(hex(block, upper) == "85E813540F0AB405");
    ks.decrypt_block(block, block);  // in place
    CHECK(hex(block, upper) == "0123456789ABCDEF");
}

TEST_CASE("des: Eric Young's ECB triples from OpenSSL's destest.c") {
    for (const triple& t : young) {
        INFO("key " << t.key << " plain " << t.plain);
        const buffer key = unhex<buffer>(t.key);
        const buffer plain = unhex<buffer>(t.plain);
        const des::key_schedule ks = schedule(key);
        smsgw::byte block[8];
        ks.encrypt_block(plain.data(), block);
        CHECK(hex(block, upper) == t.cipher);
        ks.decrypt_block(block, block);
        CHECK(hex(block, upper) == t.plain);
        // Through the mode: the same first block, then one block of padding.
        const buffer c = ecb(key, plain);
        CHECK(head_hex(c, 8) == t.cipher);
        CHECK(un_ecb(key, c, 8) == plain);
    }
}

TEST_CASE("des: the parity bits of the key are ignored") {
    const buffer plain = unhex<buffer>("0123456789ABCDEF");
    for (const triple& t : young) {
        buffer key = unhex<buffer>(t.key);
        for (auto& b : key) b ^= 1;
        smsgw::byte block[8];
        schedule(key).encrypt_block(plain.data(), block);
        smsgw::byte expect[8];
        const buffer original = unhex<buffer>(t.key);
        schedule(original).encrypt_block(plain.data(), expect);
        CHECK(hex(block, upper) == hex(expect, upper));
    }
}

TEST_CASE("des: FIPS 81 appendix B, ECB and CBC of \"Now is the time for all \"") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    const std::string_view text = "Now is the time for all ";
    const smsgw::bytes plain(text);
    REQUIRE(plain.size() == 24);

    // Table B1 (ECB) and table B2 (CBC); the 24 bytes are whole blocks, so PKCS#5 adds a fourth.
    const buffer e = ecb(key, plain);
    REQUIRE(e.size() == 32);
    CHECK(head_hex(e, 24) == "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53");
    const buffer c = cbc(key, iv, plain);
    REQUIRE(c.size() == 32);
    CHECK(head_hex(c, 24) == "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6");

    // The padding block: eight 08 bytes, alone in ECB, chained to the last cipher block in CBC.
    const des::key_schedule ks = schedule(key);
    smsgw::byte block[8];
    ks.decrypt_block(e.data() + 24, block);
    CHECK(hex(block, upper) == "0808080808080808");
    ks.decrypt_block(c.data() + 24, block);
    for (int i = 0; i < 8; ++i) block[i] ^= c[static_cast<std::size_t>(16 + i)];
    CHECK(hex(block, upper) == "0808080808080808");

    CHECK(un_ecb(key, e, 24) == buffer(plain.begin(), plain.end()));
    CHECK(un_cbc(key, iv, c, 24) == buffer(plain.begin(), plain.end()));
}

TEST_CASE("des: destest.c's CBC vector") {
    // cbc_data is "7654321 Now is the time for " and its NUL, padded with zeros to 32 bytes by
    // DES_ncbc_encrypt; PKCS#5 then adds a block of its own.
    buffer data(32, 0);
    const std::string_view text = "7654321 Now is the time for ";
    std::copy(text.begin(), text.end(), data.begin());
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("FEDCBA9876543210");
    const buffer c = cbc(key, iv, data);
    CHECK(head_hex(c, 32) == "CCD173FFAB2039F4ACD8AEFDDFD8A1EB468E91157888BA681D269397F7FE62B4");
}

TEST_CASE("des: the SMS platform's example, jishu01 with key 12345678 and the key as IV") {
    // cmpp2-and-http-sms-platform.txt §12.5: account=LW4Zjb8dOww%3D, "DES/CBC/PKCS5Padding".
    const std::string_view key = "12345678";
    const std::string_view account = "jishu01";
    smsgw::byte out[8];
    smsgw::writer w(out);
    CHECK(des::encrypt_cbc(key, account, w) == result{errc{}, 8});
    CHECK(base64_of(out) == "LW4Zjb8dOww=");
    CHECK(cbc(key, key, account) == buffer(out, out + 8));

    smsgw::byte back[8];
    smsgw::writer b(back);
    CHECK(des::decrypt_cbc(key, smsgw::bytes(out), b) == result{errc{}, 7});
    CHECK(std::string_view(reinterpret_cast<const char*>(back), 7) == account);

    // The sentence after the example writes "Jishu01", which gives something else; an all-zero
    // IV (another common default) does not give the spec's value either.
    const buffer capital = cbc(key, key, std::string_view("Jishu01"));
    CHECK(base64_of(capital) == "P4igVYHVh8Y=");
    const buffer zeros(8, 0);
    const buffer zero_iv = cbc(key, zeros, account);
    CHECK(base64_of(zero_iv) == "EM4Z13IXwno=");
}

TEST_CASE("des: PKCS#5 padding of tails of 0 to 8 bytes") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    const des::key_schedule ks = schedule(key);
    std::mt19937 rng(18);
    for (std::size_t n = 0; n <= 24; ++n) {
        INFO("length " << n);
        CHECK(des::padded_size(n) == (n / 8 + 1) * 8);
        const buffer plain = random_bytes(rng, n);
        const buffer e = ecb(key, plain);
        const std::size_t pad = 8 - n % 8;
        smsgw::byte block[8];
        ks.decrypt_block(e.data() + e.size() - 8, block);
        for (std::size_t i = 8 - pad; i < 8; ++i) CHECK(block[i] == pad);
        CHECK(std::equal(plain.begin() + static_cast<std::ptrdiff_t>(n / 8 * 8), plain.end(), block));
        CHECK(un_ecb(key, e, n) == plain);
        const buffer c = cbc(key, iv, plain);
        CHECK(un_cbc(key, iv, c, n) == plain);
    }
    static_assert(des::padded_size(0) == 8 && des::padded_size(7) == 8 && des::padded_size(8) == 16);
}

TEST_CASE("des: bad padding is refused and nothing is written") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    const des::key_schedule ks = schedule(key);
    // Last plain blocks whose padding does not check out: a length of 0, 9 and 255, and runs
    // that break off one byte before their start.
    const char* bad[] = {"0000000000000000", "0101010101010109", "00000000000000FF", "0808080808080807",
                         "0008080808080808", "4142434445460102", "4142434445030203", "4142434401040404",
                         "1111111111111110"};
    for (const char* last : bad) {
        INFO("last block " << last);
        const buffer first = unhex<buffer>("0011223344556677");
        const buffer tail = unhex<buffer>(last);
        buffer cipher(16);
        ks.encrypt_block(first.data(), cipher.data());
        ks.encrypt_block(tail.data(), cipher.data() + 8);
        buffer out(16, 0xAA);
        smsgw::writer w(out);
        const result r = des::decrypt_ecb(key, cipher, w);
        CHECK(r == fail(errc::bad_cipher_padding, 8, "cipher"));
        CHECK(w.size() == 0);
        CHECK(out == buffer(16, 0xAA));

        // CBC: the same last plain block, chained to the IV of a one-block text.
        buffer chained(8);
        for (std::size_t i = 0; i < 8; ++i) chained[i] = static_cast<smsgw::byte>(tail[i] ^ iv[i]);
        ks.encrypt_block(chained.data(), chained.data());
        smsgw::writer w2(out);
        CHECK(des::decrypt_cbc(key, iv, chained, w2) == fail(errc::bad_cipher_padding, 0, "cipher"));
        CHECK(w2.size() == 0);
    }
    // Every good padding length decrypts.
    for (unsigned n = 1; n <= 8; ++n) {
        buffer tail(8, static_cast<smsgw::byte>(n));
        buffer cipher(8);
        ks.encrypt_block(tail.data(), cipher.data());
        CHECK(un_ecb(key, cipher, 8 - n) == buffer(8 - n, static_cast<smsgw::byte>(n)));
    }
}

TEST_CASE("des: keys, IVs and cipher texts of the wrong length") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    const buffer text(16, 0x41);
    buffer out(64);
    for (std::size_t n : {0u, 7u, 9u, 16u}) {
        INFO("key of " << n << " bytes");
        const buffer k(n, 0x31);
        smsgw::writer w(out);
        des::key_schedule ks;
        CHECK(des::key_schedule::make(k, ks) == fail(errc::bad_key_length, 0, "key"));
        CHECK(std::string_view(des::key_schedule::make(k, ks).field) == "key");
        CHECK(des::encrypt_ecb(k, text, w) == fail(errc::bad_key_length, 0, "key"));
        CHECK(des::decrypt_ecb(k, text, w) == fail(errc::bad_key_length, 0, "key"));
        CHECK(des::encrypt_cbc(k, iv, text, w) == fail(errc::bad_key_length, 0, "key"));
        CHECK(des::decrypt_cbc(k, iv, text, w) == fail(errc::bad_key_length, 0, "key"));
        CHECK(des::encrypt_cbc(k, text, w) == fail(errc::bad_key_length, 0, "key"));
        CHECK(des::decrypt_cbc(k, text, w) == fail(errc::bad_key_length, 0, "key"));
        // An IV of that length beside a good key.
        const result e = des::encrypt_cbc(key, k, text, w);
        CHECK(e == fail(errc::bad_iv_length, 0, "iv"));
        CHECK(des::decrypt_cbc(key, k, text, w) == fail(errc::bad_iv_length, 0, "iv"));
        CHECK(w.size() == 0);
    }
    // Cipher text: none, or an incomplete block (the offset is where it starts).
    for (std::size_t n : {0u, 1u, 7u, 9u, 15u, 17u}) {
        INFO("cipher text of " << n << " bytes");
        const buffer c(n, 0x41);
        smsgw::writer w(out);
        const result r = des::decrypt_ecb(key, c, w);
        CHECK(r == fail(errc::bad_block_length, n / 8 * 8, "cipher"));
        CHECK(des::decrypt_cbc(key, iv, c, w) == fail(errc::bad_block_length, n / 8 * 8, "cipher"));
        CHECK(w.size() == 0);
    }
}

TEST_CASE("des: a buffer one byte short says the size it needs, one of the exact size succeeds") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    std::mt19937 rng(7);
    for (std::size_t n : {0u, 5u, 8u, 21u}) {
        INFO("length " << n);
        const buffer plain = random_bytes(rng, n);
        const buffer c = cbc(key, iv, plain);
        buffer out(c.size());
        smsgw::writer shy(smsgw::mutable_bytes(out.data(), c.size() - 1));
        CHECK(des::encrypt_cbc(key, iv, plain, shy) == fail(errc::buffer_too_small, c.size()));
        smsgw::writer measure;
        CHECK(des::encrypt_ecb(key, plain, measure) == fail(errc::buffer_too_small, c.size()));
        if (n != 0) {
            smsgw::writer shy2(smsgw::mutable_bytes(out.data(), n - 1));
            CHECK(des::decrypt_cbc(key, iv, c, shy2) == fail(errc::buffer_too_small, n));
        }
        smsgw::writer none;
        CHECK(des::decrypt_cbc(key, iv, c, none) == (n == 0 ? result{errc{}, 0} : fail(errc::buffer_too_small, n)));
        // After earlier output in the same writer: the size needed is the writer's whole size.
        smsgw::writer after(smsgw::mutable_bytes(out.data(), 3));
        after.write(std::string_view("abc"));
        CHECK(des::encrypt_cbc(key, iv, plain, after) == fail(errc::buffer_too_small, 3 + c.size()));
    }
}

TEST_CASE("des: in place, the output over the input") {
    const buffer key = unhex<buffer>("0123456789ABCDEF");
    const buffer iv = unhex<buffer>("1234567890ABCDEF");
    std::mt19937 rng(11);
    for (std::size_t n : {0u, 3u, 8u, 8u * 12 + 5}) {
        INFO("length " << n);
        const buffer plain = random_bytes(rng, n);
        for (bool chained : {false, true}) {
            const buffer expect = chained ? cbc(key, iv, plain) : ecb(key, plain);
            buffer work = plain;
            work.resize(des::padded_size(n));
            smsgw::writer w(work);
            const smsgw::bytes in(work.data(), n);
            CHECK((chained ? des::encrypt_cbc(key, iv, in, w) : des::encrypt_ecb(key, in, w)) ==
                  result{errc{}, work.size()});
            CHECK(work == expect);
            smsgw::writer back(work);
            CHECK((chained ? des::decrypt_cbc(key, iv, work, back) : des::decrypt_ecb(key, work, back)) ==
                  result{errc{}, n});
            CHECK(std::equal(plain.begin(), plain.end(), work.begin()));
        }
    }
}

TEST_CASE("des: the error codes have messages of their own") {
    for (errc e : {errc::bad_key_length, errc::bad_iv_length, errc::bad_block_length, errc::bad_cipher_padding}) {
        const std::string m = smsgw::make_error_code(e).message();
        CHECK(m != "unknown smsgw error");
        CHECK(m != smsgw::make_error_code(errc::bad_padding).message());
    }
}

TEST_CASE("des: encrypting and decrypting allocate nothing") {
    const std::string_view key = "12345678";
    const buffer plain(1000, 0x5A);
    buffer c(des::padded_size(plain.size()));
    buffer p(plain.size());
    smsgw::test::alloc_counter guard;
    des::key_schedule ks;
    const result made = des::key_schedule::make(key, ks);
    smsgw::writer w(c);
    const result e = des::encrypt_cbc(key, plain, w);
    smsgw::writer back(p);
    const result d = des::decrypt_cbc(ks, key, c, back);
    smsgw::writer w2(c);
    const result e2 = des::encrypt_ecb(ks, plain, w2);
    CHECK(guard.count() == 0);
    CHECK(made.ok());
    CHECK(e == result{errc{}, c.size()});
    CHECK(d == result{errc{}, plain.size()});
    CHECK(p == plain);
    CHECK(e2.ok());
}

#ifdef SMSGW_HAVE_OPENSSL
namespace {

// OpenSSL 3 keeps DES in its legacy provider; the default one is loaded beside it for EVP itself.
// Both are unloaded at exit, before OpenSSL's own cleanup, so LeakSanitizer has nothing to report.
struct providers {
    OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER* base = OSSL_PROVIDER_load(nullptr, "default");
    providers() = default;
    providers(const providers&) = delete;
    providers& operator=(const providers&) = delete;
    ~providers() {
        if (base != nullptr) OSSL_PROVIDER_unload(base);
        if (legacy != nullptr) OSSL_PROVIDER_unload(legacy);
    }
};

bool load_legacy() {
    static const providers loaded;
    return loaded.legacy != nullptr && loaded.base != nullptr;
}

buffer openssl_crypt(bool encrypt, bool chained, smsgw::bytes key, smsgw::bytes iv, smsgw::bytes in, bool& ok) {
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, chained ? "DES-CBC" : "DES-ECB", nullptr);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    buffer out(in.size() + 16);
    int n = 0, m = 0;
    ok = cipher != nullptr && ctx != nullptr &&
         EVP_CipherInit_ex(ctx, cipher, nullptr, key.data(), chained ? iv.data() : nullptr, encrypt ? 1 : 0) == 1 &&
         EVP_CipherUpdate(ctx, out.data(), &n, in.data(), static_cast<int>(in.size())) == 1 &&
         EVP_CipherFinal_ex(ctx, out.data() + n, &m) == 1;
    EVP_CIPHER_CTX_free(ctx);
    EVP_CIPHER_free(cipher);
    out.resize(ok ? static_cast<std::size_t>(n + m) : 0);
    return out;
}

}  // namespace

TEST_CASE("des: agrees with OpenSSL's legacy provider on random keys, IVs and lengths") {
    if (!load_legacy()) {
        WARN("OpenSSL's legacy provider does not load: differential DES test skipped");
        return;
    }
    std::mt19937 rng(2026);
    for (int round = 0; round < 400; ++round) {
        const std::size_t n = round < 200 ? static_cast<std::size_t>(round % 50) : rng() % 3000;
        const buffer key = random_bytes(rng, 8);
        const buffer iv = random_bytes(rng, 8);
        const buffer plain = random_bytes(rng, n);
        for (bool chained : {false, true}) {
            INFO("length " << n << (chained ? " CBC" : " ECB") << " key " << hex(key, upper));
            bool ok = false;
            const buffer theirs = openssl_crypt(true, chained, key, iv, plain, ok);
            REQUIRE(ok);
            const buffer ours = chained ? cbc(key, iv, plain) : ecb(key, plain);
            CHECK(ours == theirs);
            const buffer back = openssl_crypt(false, chained, key, iv, ours, ok);
            CHECK(ok);
            CHECK(back == plain);
            CHECK((chained ? un_cbc(key, iv, theirs, n) : un_ecb(key, theirs, n)) == plain);
        }
    }
    // Random cipher text: we refuse its padding exactly when OpenSSL does.
    for (int round = 0; round < 2000; ++round) {
        const buffer key = random_bytes(rng, 8);
        const buffer iv = random_bytes(rng, 8);
        const buffer c = random_bytes(rng, 8 * (1 + rng() % 4));
        bool ok = false;
        const buffer theirs = openssl_crypt(false, true, key, iv, c, ok);
        buffer out(c.size());
        smsgw::writer w(out);
        const result r = des::decrypt_cbc(key, iv, c, w);
        CHECK(r.ok() == ok);
        if (ok) CHECK(buffer(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(r.offset)) == theirs);
    }
}
#endif
