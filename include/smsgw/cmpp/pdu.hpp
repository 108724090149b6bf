#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <variant>

#include "smsgw/cmpp/active_test.hpp"
#include "smsgw/cmpp/cancel.hpp"
#include "smsgw/cmpp/connect.hpp"
#include "smsgw/cmpp/deliver.hpp"
#include "smsgw/cmpp/fwd.hpp"
#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/layout.hpp"
#include "smsgw/cmpp/query.hpp"
#include "smsgw/cmpp/route.hpp"
#include "smsgw/cmpp/route_update.hpp"
#include "smsgw/cmpp/submit.hpp"
#include "smsgw/cmpp/terminate.hpp"

// Any CMPP PDU, decoded by its Command_Id, so that a connection loop is a switch:
//
//     cmpp::pdu p;
//     if (auto r = decode(frame_bytes, p, cmpp::version::v30); !r) { ... r.ec, r.offset, r.field ... }
//     switch (p.command()) {
//     case cmpp::command_id::submit: on_submit(*p.get<cmpp::submit>()); break;
//     case cmpp::command_id::active_test: ...
//     }
//
// or std::visit over p.body. The variant holds the structs themselves (views into the input):
// nothing is allocated.
namespace smsgw::cmpp {

struct pdu {
    std::variant<std::monostate, connect, connect_resp, terminate, terminate_resp, submit, submit_resp, deliver,
                 deliver_resp, query, query_resp, cancel, cancel_resp, active_test, active_test_resp, fwd, fwd_resp,
                 mt_route, mt_route_resp, mo_route, mo_route_resp, get_route, get_route_resp, get_mt_route,
                 get_mt_route_resp, get_mo_route, get_mo_route_resp, mt_route_update, mt_route_update_resp,
                 mo_route_update, mo_route_update_resp, push_mt_route_update, push_mt_route_update_resp,
                 push_mo_route_update, push_mo_route_update_resp>
        body;

    // The Command_Id of what the body holds (0 when it is empty).
    command_id command() const noexcept {
        return std::visit(
            [](const auto& m) -> command_id {
                using T = std::decay_t<decltype(m)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    return command_id{};
                } else {
                    return T::command;
                }
            },
            body);
    }
    std::uint32_t sequence_id() const noexcept {
        return std::visit(
            [](const auto& m) -> std::uint32_t {
                if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) {
                    return 0;
                } else {
                    return m.sequence_id;
                }
            },
            body);
    }
    // The body as a T, or nullptr when it holds another PDU.
    template <class T>
    const T* get() const noexcept {
        return std::get_if<T>(&body);
    }
    template <class T>
    T* get() noexcept {
        return std::get_if<T>(&body);
    }
};

template <class T>
struct type_tag {
    using type = T;
};

// Calls f(type_tag<T>{}) with the struct `id` names in `v`; false when `v` has no such PDU.
template <class F>
constexpr bool with_pdu_type(command_id id, version v, F&& f) {
    const bool v20 = v == version::v20;
    switch (id) {
    case command_id::connect: f(type_tag<connect>{}); return true;
    case command_id::connect_resp: f(type_tag<connect_resp>{}); return true;
    case command_id::terminate: f(type_tag<terminate>{}); return true;
    case command_id::terminate_resp: f(type_tag<terminate_resp>{}); return true;
    case command_id::submit: f(type_tag<submit>{}); return true;
    case command_id::submit_resp: f(type_tag<submit_resp>{}); return true;
    case command_id::deliver: f(type_tag<deliver>{}); return true;
    case command_id::deliver_resp: f(type_tag<deliver_resp>{}); return true;
    case command_id::query: f(type_tag<query>{}); return true;
    case command_id::query_resp: f(type_tag<query_resp>{}); return true;
    case command_id::cancel: f(type_tag<cancel>{}); return true;
    case command_id::cancel_resp: f(type_tag<cancel_resp>{}); return true;
    case command_id::active_test: f(type_tag<active_test>{}); return true;
    case command_id::active_test_resp: f(type_tag<active_test_resp>{}); return true;
    case command_id::fwd: f(type_tag<fwd>{}); return true;
    case command_id::fwd_resp: f(type_tag<fwd_resp>{}); return true;
    case command_id::mt_route: f(type_tag<mt_route>{}); return true;
    case command_id::mt_route_resp: f(type_tag<mt_route_resp>{}); return true;
    case command_id::mo_route: f(type_tag<mo_route>{}); return true;
    case command_id::mo_route_resp: f(type_tag<mo_route_resp>{}); return true;
    case command_id::get_route:
        if (v20) {
            f(type_tag<get_route>{});
        } else {
            f(type_tag<get_mt_route>{});
        }
        return true;
    case command_id::get_route_resp:
        if (v20) {
            f(type_tag<get_route_resp>{});
        } else {
            f(type_tag<get_mt_route_resp>{});
        }
        return true;
    case command_id::mt_route_update: f(type_tag<mt_route_update>{}); return true;
    case command_id::mt_route_update_resp: f(type_tag<mt_route_update_resp>{}); return true;
    case command_id::mo_route_update: f(type_tag<mo_route_update>{}); return true;
    case command_id::mo_route_update_resp: f(type_tag<mo_route_update_resp>{}); return true;
    case command_id::push_mt_route_update: f(type_tag<push_mt_route_update>{}); return true;
    case command_id::push_mt_route_update_resp: f(type_tag<push_mt_route_update_resp>{}); return true;
    case command_id::push_mo_route_update: f(type_tag<push_mo_route_update>{}); return true;
    case command_id::push_mo_route_update_resp: f(type_tag<push_mo_route_update_resp>{}); return true;
    case command_id::get_mo_route:
        if (v20) return false;
        f(type_tag<get_mo_route>{});
        return true;
    case command_id::get_mo_route_resp:
        if (v20) return false;
        f(type_tag<get_mo_route_resp>{});
        return true;
    }
    return false;
}

// Decodes whichever PDU `in` starts with. Errors as for one PDU type, and unknown_command
// (offset 4) for a Command_Id the version does not define: the framer's `skip` has already
// told the caller how many bytes to drop.
inline result decode(bytes in, pdu& out, const decode_options& opt) noexcept {
    if (in.size() < header_size) return fail(errc::truncated, in.size(), "Total_Length");
    const std::uint32_t total = load_be32(in.data());
    if (total < header_size) return fail(errc::bad_total_length, 0, "Total_Length");
    if (total > in.size()) return fail(errc::truncated, in.size(), "Total_Length");
    result r = fail(errc::unknown_command, 4, "Command_Id");
    with_pdu_type(static_cast<command_id>(load_be32(in.data() + 4)), opt.ver, [&](auto tag) {
        using T = typename decltype(tag)::type;
        r = decode(in, out.body.template emplace<T>(), opt);
    });
    if (!r) out.body.template emplace<std::monostate>();
    return r;
}

inline result decode(bytes in, pdu& out, version v) noexcept { return decode(in, out, decode_options{v, validation::strict}); }

// Encodes the PDU the body holds; an empty body is missing_field (Command_Id).
inline result encode(const pdu& p, writer& out) noexcept {
    return std::visit(
        [&out](const auto& m) -> result {
            if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::monostate>) {
                return fail(errc::missing_field, out.size(), "Command_Id");
            } else {
                return encode(m, out);
            }
        },
        p.body);
}

// The Total_Length range the spec allows a PDU: fixed layouts have one size; SUBMIT, DELIVER
// and FWD run from no destination and no content to their most destinations and Msg_Length 255.
struct length_range {
    std::size_t min = 0;
    std::size_t max = 0;
};

namespace detail {
class length_measure {
public:
    length_range range{header_size, header_size};

    template <class I>
    constexpr void number(const I&, std::size_t width, field_name, limit = {}) noexcept {
        add(width, width);
    }
    constexpr void text(const std::string_view&, std::size_t width, field_name, pad = pad::nul_right) noexcept {
        add(width, width);
    }
    template <std::size_t N>
    constexpr void octets(const std::array<byte, N>&, field_name) noexcept {
        add(N, N);
    }
    constexpr void ids(const id_list&, std::size_t width, field_name, field_name, std::size_t min, std::size_t max) noexcept {
        add(1 + min * width, 1 + max * width);
    }
    constexpr void content(const std::string_view&, std::size_t, field_name, field_name) noexcept { add(1, 1 + 0xFF); }
    template <class F>
    constexpr void absent(const F&, field_name) noexcept {}
    constexpr void may_end(const bool&, field_name) noexcept {}

private:
    constexpr void add(std::size_t min, std::size_t max) noexcept {
        range.min += min;
        range.max += max;
    }
};
}  // namespace detail

// {0, 0} when `v` has no such PDU.
inline length_range pdu_length(command_id id, version v) noexcept {
    length_range out{};
    with_pdu_type(id, v, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T m{};
        if constexpr (detail::has_version<T>::value) m.ver = v;
        detail::length_measure measure;
        T::walk(measure, m);
        out = measure.range;
    });
    return out;
}

}  // namespace smsgw::cmpp
