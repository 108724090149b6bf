// Hezhong video MMS (docs/hezhong.md): a template saved with SaveMmsModel, a SendMmsTask with
// its variables, the platform's side of it (a test double decodes what the client sent), and the
// `rpts` push the customer's server receives.
#include <smsgw/hezhong.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace hz = smsgw::hezhong;

int main() {
    // [snippet:hezhong-template]
    // SaveMmsModel: the title and the text file travel as HEX16, written in lower case.
    const std::string_view text = "尊敬的${Text1}，欢迎光临";
    const hz::attachment files[] = {{1, "1.txt", smsgw::bytes(text), {}}};
    const hz::frame frames[] = {{0, "5000", files}};
    hz::save_mms_model_request model{"300000", "300000", "123456", "16891", smsgw::bytes(std::string_view("欢迎")), frames};
    std::string model_body;
    const smsgw::result m = smsgw::encode_append(model, model_body);  // POST to hz::path(hz::call::save_mms_model)

    // SendMmsTask: cont, the variables, is a JSON object inside a JSON string.
    const hz::variable vars[] = {{"Text1", "张先生"}};
    hz::send_mms_task_request task;
    task.userid = "300000";
    task.username = "300000";
    task.password = "123456";
    task.mobile = "13681000000,13681000002";  // up to 1000
    task.mmsid = "142D2B40270F0001";
    task.cont = hz::variables(vars);
    const smsgw::result v = hz::check_variables(text, task.cont);  // every ${TextN} has a value
    std::string task_body;
    const smsgw::result t = smsgw::encode_append(task, task_body);

    // The platform's side: the body decoded, the variable read back.
    std::vector<unsigned char> scratch(task_body.size());
    hz::send_mms_task_request got;
    const smsgw::result g = hz::decode(task_body, got, scratch);
    std::string_view name;
    got.cont.find("Text1", name);
    // [/snippet]

    // Its answer, and the status reports it pushes later (the `rpts` form value).
    hz::task_response answer;
    const smsgw::result a = hz::decode(std::string_view(R"({"taskid":"14424380270F0005","code":"0","message":"提交成功"})"),
                                       answer, scratch);
    // [snippet:hezhong-reports]
    const hz::report_list reports("13681000000,DELIVRD,1001,20240229103324;13681000002,UNDELIV,1002,20240229103330");
    std::size_t delivered = 0;
    for (const hz::report& r : reports) delivered += r.delivered();
    // [/snippet]
    std::printf("task %.*s: %zu delivered\n", int(answer.taskid.size()), answer.taskid.data(), delivered);

    return m && v && t && g && name == "张先生" && a && answer.code_value() == hz::return_code::success &&
                   reports.error() && delivered == 1
               ? 0
               : 1;
}
