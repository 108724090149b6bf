// DES: decryption of arbitrary bytes in ECB and CBC (into exact-size heap buffers, so that ASan
// sees a write past them), and encrypt/decrypt round trips. Bytes 0-7 are the key, 8-15 the IV,
// the rest the data; shorter inputs are the key (or key and IV) alone, of a wrong length.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "smsgw/codec/des.hpp"

namespace {

namespace des = smsgw::codec::des;
using smsgw::errc;

void check(bool ok) {
    if (!ok) std::abort();
}

struct output {
    std::unique_ptr<unsigned char[]> bytes;
    smsgw::result r;
};

template <class F>
output into(std::size_t capacity, F&& f) {
    output out{std::make_unique<unsigned char[]>(capacity), {}};
    smsgw::writer w(smsgw::mutable_bytes(out.bytes.get(), capacity));
    out.r = f(w);
    return out;
}

bool same(const unsigned char* a, const unsigned char* b, std::size_t n) { return n == 0 || std::memcmp(a, b, n) == 0; }

// Decrypts `cipher`: only whole blocks may decrypt, to at most 7 bytes fewer than they hold, and
// what decrypts encrypts back to the same bytes (PKCS#5 padding is canonical).
void decrypt_arbitrary(const des::key_schedule& ks, const unsigned char* iv, smsgw::bytes cipher) {
    const smsgw::bytes iv8(iv, iv == nullptr ? 0 : 8);
    auto decrypt = [&](smsgw::writer& w) {
        return iv == nullptr ? des::decrypt_ecb(ks, cipher, w) : des::decrypt_cbc(ks, iv8, cipher, w);
    };
    const output plain = into(cipher.size(), decrypt);
    const std::size_t n = cipher.size();
    if (n == 0 || n % 8 != 0) {
        check(plain.r == smsgw::fail(errc::bad_block_length, n / 8 * 8, "cipher"));
        return;
    }
    if (!plain.r) {
        check(plain.r == smsgw::fail(errc::bad_cipher_padding, n - 8, "cipher"));
        check(into(0, decrypt).r == plain.r);  // refused before any size is asked for
        return;
    }
    check(plain.r.offset + 8 >= n && plain.r.offset < n);
    if (plain.r.offset != 0) {
        check(into(plain.r.offset - 1, decrypt).r == smsgw::fail(errc::buffer_too_small, plain.r.offset));
    }
    const smsgw::bytes text(plain.bytes.get(), plain.r.offset);
    const output again = into(n, [&](smsgw::writer& w) {
        return iv == nullptr ? des::encrypt_ecb(ks, text, w) : des::encrypt_cbc(ks, iv8, text, w);
    });
    check(again.r == smsgw::result{errc{}, n});
    check(same(again.bytes.get(), cipher.data(), n));
}

void round_trip(const des::key_schedule& ks, const unsigned char* iv, smsgw::bytes plain) {
    const smsgw::bytes iv8(iv, iv == nullptr ? 0 : 8);
    const std::size_t n = des::padded_size(plain.size());
    auto encrypt = [&](smsgw::writer& w) {
        return iv == nullptr ? des::encrypt_ecb(ks, plain, w) : des::encrypt_cbc(ks, iv8, plain, w);
    };
    const output cipher = into(n, encrypt);
    check(cipher.r == smsgw::result{errc{}, n});
    check(into(n - 1, encrypt).r == smsgw::fail(errc::buffer_too_small, n));
    const smsgw::bytes c(cipher.bytes.get(), n);
    const output back = into(plain.size(), [&](smsgw::writer& w) {
        return iv == nullptr ? des::decrypt_ecb(ks, c, w) : des::decrypt_cbc(ks, iv8, c, w);
    });
    check(back.r == smsgw::result{errc{}, plain.size()});
    check(same(back.bytes.get(), plain.data(), plain.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const smsgw::bytes key(data, size < 8 ? size : 8);
    des::key_schedule ks;
    const smsgw::result made = des::key_schedule::make(key, ks);
    if (size < 8) {
        check(made == smsgw::fail(errc::bad_key_length, 0, "key"));
        return 0;
    }
    check(made.ok());
    if (size < 16) {
        // A key and an IV too short for CBC.
        const smsgw::bytes iv(data + 8, size - 8);
        smsgw::writer w;
        check(des::encrypt_cbc(key, iv, key, w) == smsgw::fail(errc::bad_iv_length, 0, "iv"));
        check(des::decrypt_cbc(key, iv, key, w) == smsgw::fail(errc::bad_iv_length, 0, "iv"));
        return 0;
    }
    const unsigned char* iv = data + 8;
    const smsgw::bytes rest(data + 16, size - 16);

    unsigned char block[8];
    ks.encrypt_block(iv, block);
    ks.decrypt_block(block, block);
    check(std::memcmp(block, iv, 8) == 0);

    decrypt_arbitrary(ks, nullptr, rest);
    decrypt_arbitrary(ks, iv, rest);
    round_trip(ks, nullptr, rest);
    round_trip(ks, iv, rest);
    return 0;
}
