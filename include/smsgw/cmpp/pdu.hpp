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

/// @file
/// Any CMPP PDU, decoded by its Command_Id, so that a connection loop is a switch:
///
///     cmpp::pdu p;
///     if (auto r = decode(frame_bytes, p, cmpp::version::v30); !r) { ... r.ec, r.offset, r.field ... }
///     switch (p.command()) {
///     case cmpp::command_id::submit: on_submit(*p.get<cmpp::submit>()); break;
///     case cmpp::command_id::active_test: ...
///     }
///
/// or std::visit over p.body. The variant holds the structs themselves (views into the input):
/// nothing is allocated.
namespace smsgw::cmpp {

namespace detail {

/// Each entry of SMSGW_CMPP_PDU_LIST against its struct: the Command_Id, the versions, and what
/// check_pdu() asks of every PDU struct.
template <class T>
constexpr bool matches_entry(command_id id, unsigned char versions) noexcept {
    return check_pdu<T>() && T::command == id && defined_in<T>(version::v20) == ((versions & 1) != 0) &&
           defined_in<T>(version::v30) == ((versions & 2) != 0);
}
/// SMSGW_CMPP_PDU_LIST's X for the checks: one static_assert.
#define SMSGW_CMPP_CHECK(type, id, name, in)                                                          \
    static_assert(matches_entry<type>(command_id::type, defined_versions::in),                         \
                  "SMSGW_CMPP_PDU_LIST: " #type " has another Command_Id or other versions than its entry");
SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_CHECK)
#undef SMSGW_CMPP_CHECK

// The position of each entry in SMSGW_CMPP_PDU_LIST, as command_position() gives it.
namespace position {
enum : std::size_t {
/// SMSGW_CMPP_PDU_LIST's X for the positions: one enumerator.
#define SMSGW_CMPP_POSITION(type, id, name, in) type,
    SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_POSITION)
#undef SMSGW_CMPP_POSITION
};
}  // namespace position

}  // namespace detail

/// Any PDU: one of the structs of SMSGW_CMPP_PDU_LIST, or empty (std::monostate).
struct pdu {
/// SMSGW_CMPP_PDU_LIST's X for the variant: one alternative.
#define SMSGW_CMPP_ALTERNATIVE(type, id, name, in) , type
    /// The PDU struct itself, views into the input it was decoded from.
    std::variant<std::monostate SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_ALTERNATIVE)> body;
#undef SMSGW_CMPP_ALTERNATIVE

    /// The Command_Id of what the body holds (0 when it is empty).
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
    /// The body's Sequence_Id (0 when it is empty).
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
    /// The body as a T, or nullptr when it holds another PDU.
    template <class T>
    const T* get() const noexcept {
        return std::get_if<T>(&body);
    }
    /// The body as a T, or nullptr when it holds another PDU.
    template <class T>
    T* get() noexcept {
        return std::get_if<T>(&body);
    }
};

/// A type passed as a value: what with_pdu_type() hands its function.
template <class T>
struct type_tag {
    using type = T;  ///< the PDU struct
};

/// SMSGW_CMPP_PDU_LIST's X for with_pdu_type(): one case.
#define SMSGW_CMPP_CASE(type, id, name, in) \
    case detail::position::type:            \
        f(type_tag<type>{});                \
        return true;
/// Calls f(type_tag<T>{}) with the struct `id` names in `v`; false when `v` has no such PDU.
template <class F>
constexpr bool with_pdu_type(command_id id, version v, F&& f) {
    // The entry's position in SMSGW_CMPP_PDU_LIST, a table lookup, then a switch on it.
    switch (detail::command_position(id, v)) {
        SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_CASE)
    }
    return false;
}
#undef SMSGW_CMPP_CASE

/// Decodes whichever PDU `in` starts with. Errors as for one PDU type, and unknown_command
/// (offset 4) for a Command_Id the version does not define: the framer's `skip` has already
/// told the caller how many bytes to drop.
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

/// decode() of any PDU with strict validation in version `v`.
inline result decode(bytes in, pdu& out, version v) noexcept { return decode(in, out, decode_options{v, validation::strict}); }

/// Encodes the PDU the body holds; an empty body is missing_field (Command_Id).
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

/// The Total_Length range the spec allows a PDU: fixed layouts have one size; SUBMIT, DELIVER
/// and FWD run from no destination and no content to their most destinations and Msg_Length 255.
struct length_range {
    std::size_t min = 0;  ///< the shortest Total_Length
    std::size_t max = 0;  ///< the longest Total_Length
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
    constexpr void content(const bytes&, std::size_t, field_name, field_name) noexcept { add(1, 1 + 0xFF); }
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

/// The Total_Length range the spec allows the PDU `id` names in `v`; {0, 0} when `v` has none.
inline length_range pdu_length(command_id id, version v) noexcept {
    length_range out{};
    with_pdu_type(id, v, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T m{};
        m.ver = v;
        detail::length_measure measure;
        walk(measure, m);
        out = measure.range;
    });
    return out;
}

namespace detail {
template <class T, version V>
constexpr std::size_t largest_of() noexcept {
    if constexpr (single_version<T>::value) {
        if constexpr (T::only_in != V) return 0;
    }
    T m{};
    length_measure measure;
    T::walk(measure, m, version_constant<V>{});
    return measure.range.max;
}
/// SMSGW_CMPP_PDU_LIST's X for largest_pdu(): one PDU's largest size.
#define SMSGW_CMPP_LARGEST(type, id, name, in) most = largest_of<type, V>() > most ? largest_of<type, V>() : most;
template <version V>
constexpr std::uint32_t largest_in() noexcept {
    std::size_t most = 0;
    SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_LARGEST)
    return static_cast<std::uint32_t>(most);
}
#undef SMSGW_CMPP_LARGEST
}  // namespace detail

/// The largest legal PDU of `v`, computed from the layouts: CMPP_FWD in 2.0, with 99 Dest_Id
/// and Msg_Length 255; CMPP_SUBMIT in 3.0, with 99 Dest_terminal_Id and Msg_Length 255. The
/// framer's default maximum.
constexpr std::uint32_t largest_pdu(version v) noexcept {
    return v == version::v20 ? detail::largest_in<version::v20>() : detail::largest_in<version::v30>();
}

}  // namespace smsgw::cmpp
