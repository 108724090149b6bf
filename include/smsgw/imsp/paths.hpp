#pragma once

#include <cstddef>
#include <string_view>

namespace smsgw::imsp {

/// The six requests of the IMSP MMS gateway (spec §3). Each is an HTTPS POST of an
/// application/x-www-form-urlencoded body to base_url + path(command).
enum class command : unsigned char { login, send_mms, query, query_batch, get_mime, change_passwd };

/// The gateway's base URL in the spec.
inline constexpr std::string_view base_url = "https://imsp.emome.net:4443";

/// The path of a command.
constexpr std::string_view path(command c) noexcept {
    switch (c) {
    case command::login: return "/imsp/mms/servlet/login";                  // §3.1
    case command::send_mms: return "/imsp/mms/servlet/send_mms";            // §3.2
    case command::query: return "/imsp/mms/servlet/query";                  // §3.3
    case command::query_batch: return "/imsp/mms/servlet/query_batch";      // §3.4
    case command::get_mime: return "/imsp/mms/servlet/get_mime";            // §3.5
    case command::change_passwd: return "/imsp/mms/servlet/change_passwd";  // §3.6
    }
    return {};
}

/// The command's own name, as it ends its path ("send_mms").
constexpr std::string_view name(command c) noexcept {
    std::string_view p = path(c);
    return p.substr(p.rfind('/') + 1);
}

/// The command a path or a bare name designates; false when it is none of the six.
constexpr bool find_command(std::string_view path_or_name, command& out) noexcept {
    for (command c : {command::login, command::send_mms, command::query, command::query_batch, command::get_mime,
                      command::change_passwd}) {
        if (path_or_name == path(c) || path_or_name == name(c)) {
            out = c;
            return true;
        }
    }
    return false;
}

// Limits the spec fixes (§3.2 table and revision 1.1).
inline constexpr std::size_t max_to_addrs = 20;  ///< numbers per send_mms (rev. 1.1; answered with -7)

}  // namespace smsgw::imsp
