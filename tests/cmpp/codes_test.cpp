#include "smsgw/cmpp/codes.hpp"

#include <string>

#include "test.hpp"

namespace cmpp = smsgw::cmpp;

namespace {
std::string zh(cmpp::code_text t) { return std::string(t.chinese); }
std::string en(cmpp::code_text t) { return std::string(t.english); }
}  // namespace

TEST_CASE("CONNECT_RESP Status as table 8.5 names it") {
    CHECK(zh(describe(cmpp::connect_status::ok)) == "正确");
    CHECK(zh(describe(cmpp::connect_status::bad_structure)) == "消息结构错");
    CHECK(zh(describe(cmpp::connect_status::bad_source_addr)) == "非法源地址");
    CHECK(zh(describe(cmpp::connect_status::auth_failed)) == "认证错");
    CHECK(en(describe(cmpp::connect_status::auth_failed)) == "authentication failed");
    CHECK(zh(describe(cmpp::connect_status::version_too_high)) == "版本太高");
    // "5~: 其他错误": an unnamed code keeps its number and reads as the spec reads it.
    const auto five = static_cast<cmpp::connect_status>(5);
    CHECK(static_cast<std::uint32_t>(five) == 5);
    CHECK(zh(describe(five)) == "其他错误");
    CHECK(en(describe(static_cast<cmpp::connect_status>(0xFFFFFFFF))) == "other error");
    CHECK(is_named(cmpp::connect_status::version_too_high));
    CHECK_FALSE(is_named(five));
}

TEST_CASE("SUBMIT_RESP Result, with CMPP 3.0's codes 9 to 13 by version") {
    const char* table_8_7[] = {"正确", "消息结构错", "命令字错", "消息序号重复", "消息长度错",
                               "资费代码错", "超过最大信息长", "业务代码错", "流量控制错"};
    for (std::uint32_t i = 0; i < 9; ++i) {
        CHECK(zh(describe(static_cast<cmpp::submit_result>(i))) == table_8_7[i]);
        CHECK(zh(describe(static_cast<cmpp::deliver_result>(i))) == table_8_7[i]);
        CHECK(zh(describe(static_cast<cmpp::fwd_result>(i))) == table_8_7[i]);
        CHECK(zh(describe(static_cast<cmpp::submit_result>(i), cmpp::version::v30)) == table_8_7[i]);
    }
    CHECK(en(describe(cmpp::submit_result::flow_control)) == "flow control exceeded");
    CHECK(zh(describe(cmpp::submit_result::bad_dest_terminal_id)) == "其他错误");
    CHECK(zh(describe(cmpp::submit_result::bad_dest_terminal_id, cmpp::version::v30)) == "Dest_terminal_Id 错误");
    CHECK(zh(describe(cmpp::submit_result::fee_terminal_not_served, cmpp::version::v30)) == "本网关不负责服务此计费号码");
    CHECK(en(describe(cmpp::submit_result::bad_src_id, cmpp::version::v30)) == "bad Src_Id");
    CHECK(zh(describe(static_cast<cmpp::submit_result>(14), cmpp::version::v30)) == "其他错误");
    CHECK(is_named(cmpp::submit_result::bad_msg_src, cmpp::version::v30));
    CHECK_FALSE(is_named(cmpp::submit_result::bad_msg_src, cmpp::version::v20));
    CHECK(is_named(cmpp::submit_result::flow_control));
    CHECK_FALSE(is_named(static_cast<cmpp::submit_result>(14), cmpp::version::v30));
    CHECK(zh(describe(static_cast<cmpp::deliver_result>(9))) == "其他错误");
    CHECK_FALSE(is_named(static_cast<cmpp::deliver_result>(9)));
}

TEST_CASE("FWD_RESP Result 9 is the forwarding error (table 8.19)") {
    CHECK(zh(describe(cmpp::fwd_result::wrong_gateway)) == "前转判断错（此 SP 不应发往本 ISMG）");
    CHECK(is_named(cmpp::fwd_result::wrong_gateway));
    CHECK(zh(describe(static_cast<cmpp::fwd_result>(10))) == "其他错误");
    CHECK_FALSE(is_named(static_cast<cmpp::fwd_result>(10)));
}

TEST_CASE("CANCEL_RESP and the route responses") {
    CHECK(zh(describe(cmpp::cancel_result::success)) == "成功");
    CHECK(zh(describe(cmpp::cancel_result::failure)) == "失败");
    CHECK(en(describe(static_cast<cmpp::cancel_result>(7))) == "undefined");
    CHECK_FALSE(is_named(static_cast<cmpp::cancel_result>(2)));
    CHECK(zh(describe(cmpp::route_result::ok)) == "正常");
    CHECK(zh(describe(cmpp::route_result::no_route)) == "没有匹配路由");
    CHECK(zh(describe(cmpp::route_result::last_route)) == "这是最后 1 条路由");
    CHECK(zh(describe(static_cast<cmpp::route_result>(3))) == "未定义");
    CHECK(is_named(cmpp::route_result::last_route));
    CHECK_FALSE(is_named(static_cast<cmpp::route_result>(3)));
    CHECK(zh(describe(cmpp::route_update_result::accepted)) == "数据合法，等待核实");
    CHECK(zh(describe(cmpp::route_update_result::invalid)) == "数据不合法");
    CHECK(en(describe(static_cast<cmpp::route_update_result>(2))) == "undefined");
    CHECK(zh(describe(cmpp::push_route_update_result::updated)) == "成功更改");
    CHECK(zh(describe(cmpp::push_route_update_result::failed)) == "更改失败");
    CHECK(en(describe(static_cast<cmpp::push_route_update_result>(2))) == "undefined");
    CHECK(zh(describe(cmpp::get_mo_route_result::no_route)) == "没有匹配路由");
    CHECK(en(describe(cmpp::get_mo_route_result::bad_route_type)) == "bad route type");
    CHECK(en(describe(cmpp::get_mo_route_result::busy)) == "system busy");
    CHECK(zh(describe(static_cast<cmpp::get_mo_route_result>(4))) == "未定义");
    CHECK(is_named(cmpp::get_mo_route_result::busy));
    CHECK(is_named(cmpp::get_mo_route_result::bad_source_gateway));
    CHECK_FALSE(is_named(static_cast<cmpp::get_mo_route_result>(4)));
    CHECK(is_named(cmpp::route_update_result::invalid));
    CHECK_FALSE(is_named(static_cast<cmpp::push_route_update_result>(2)));
}

TEST_CASE("descriptions are constant expressions and allocate nothing") {
    static_assert(describe(cmpp::submit_result::ok).english[0] == 's', "constexpr");
    smsgw::test::alloc_counter guard;
    const auto t = describe(static_cast<cmpp::submit_result>(12), cmpp::version::v30);
    CHECK(guard.count() == 0);
    CHECK(t.known());
}
