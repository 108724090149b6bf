// The User Data Header of a long message's segment, as the `cmpp` formats print it.
#include "capture.hpp"

namespace inspect {

void udh_member(smsgw::codec::json::writer& j, std::uint8_t tp_udhi, smsgw::bytes content) {
    namespace cmpp = smsgw::cmpp;
    if (tp_udhi == 0) return;
    cmpp::user_data ud;
    const smsgw::result r = cmpp::parse_user_data(content, tp_udhi, ud);
    if (!r) {
        j.key("udh_error").begin_object().member("error", r.message()).member("offset", r.offset);
        if (r.field != nullptr) j.member("field", r.field);
        j.end_object();
        return;
    }
    j.key("udh").begin_object().member("udhl", ud.udh[0]);
    if (ud.concatenated) {
        const cmpp::concat_info& c = ud.concat;
        j.key("concatenation").begin_object();
        j.member("reference_bits", c.reference_size == cmpp::concat_reference::ref8 ? 8 : 16);
        j.member("reference", c.reference).member("total", c.total).member("number", c.number);
        j.end_object();
    }
    j.key("elements").begin_array();
    for (std::size_t i = 1; i + 1 < ud.udh.size(); i += 2 + std::size_t{ud.udh[i + 1]}) {
        j.begin_object().member("iei", ud.udh[i]);
        hex_member(j, "data", ud.udh.subspan(i + 2, ud.udh[i + 1]));
        j.end_object();
    }
    j.end_array().end_object();
}

}  // namespace inspect
