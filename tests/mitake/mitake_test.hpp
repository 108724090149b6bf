#pragma once

// The examples of mitake-mms-api.txt (version 1.18) byte for byte as printed, malformed ones
// included: the inspector's samples in examples/samples/mitake-*/ (token_test checks that
// each is the spec's text), and what the tests share.
#include <string>
#include <string_view>

#include "test.hpp"

namespace mitake_test {

// Read before main(): empty when missing, which every test of it then fails on.
inline std::string sample(const char* path) {
    return smsgw::test::read_file(std::string(SMSGW_SOURCE_DIR "/examples/samples/") + path);
}

inline const std::string token_request = sample("mitake-token-request/spec.json");
inline const std::string token_response = sample("mitake-token-response/spec.json");
inline const std::string push_request = sample("mitake-push-request/bad-spec-as-printed.json");
// 發送(push) HTTP Response, first block: a UUID batchID, a zero-padded msgID, trailing commas.
inline const std::string push_response_page1 = sample("mitake-push-response-tolerant/spec-page1.json");
// Its second block: the rest of the first, cut by a page break.
inline const std::string push_response_page2 = sample("mitake-push-response-tolerant/bad-spec-page2.json");
inline const std::string query_batch_request = sample("mitake-queryBatchDR-request/spec.json");
// Its ids rounded by a double: 304934976469110800 where the request said 304934976469110784.
inline const std::string query_batch_response = sample("mitake-queryBatchDR-response/spec.json");
inline const std::string query_single_request = sample("mitake-querySingleDR-request/spec.json");
// 單筆狀態查詢 HTTP Response, first block (a trailing comma) and second (the rest of the first).
inline const std::string query_single_response_page1 = sample("mitake-querySingleDR-response-tolerant/spec-page1.json");
inline const std::string query_single_response_page2 = sample("mitake-querySingleDR-response-tolerant/bad-spec-page2.json");
inline const std::string callback_request = sample("mitake-callback/spec.json");

// An example with its insignificant whitespace removed: what the compact encoder writes.
inline std::string compact(std::string_view json) {
    std::string s;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string && c == '\\') {
            s += json.substr(i++, 2);
            continue;
        }
        if (c == '"') in_string = !in_string;
        if (in_string || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) s += c;
    }
    return s;
}

}  // namespace mitake_test
