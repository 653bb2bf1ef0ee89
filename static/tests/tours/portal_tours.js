/** Issue 13: a parent in the portal; the coordinator decides on leave; the frontoffice
 * confirms a sick report made in the portal. */
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

/** Date inputs take an ISO date as their value (typing depends on the browser's locale). */
function setDate(days) {
    return ({ anchor }) => {
        anchor.value = DateTime.now().plus({ days }).toISODate();
        anchor.dispatchEvent(new Event("change", { bubbles: true }));
    };
}

registry.category("web_tour.tours").add("mbo_verzuim_portal_parent", {
    steps: () => [
        {
            content: "The parent sees the child's absence of today",
            trigger: ".o_verzuim_student .o_verzuim_absences td.o_verzuim_unauthorized",
        },
        {
            content: "and the attendance rates",
            trigger: ".o_verzuim_student .o_verzuim_rate_year:contains('%')",
        },
        {
            content: "Report sick",
            trigger: ".o_verzuim_student a.o_verzuim_report_sick",
            run: "click",
        },
        {
            content: "From today (the default)",
            trigger: ".o_verzuim_sick_form input[name='day']",
        },
        {
            content: "Send the sick report",
            trigger: ".o_verzuim_sick_form button.o_verzuim_submit",
            run: "click",
        },
        {
            content: "The school has it",
            trigger: ".o_verzuim_done",
        },
        {
            content: "and it is listed as open, to report better later",
            trigger: ".o_verzuim_sick_reports button.o_verzuim_recovered",
        },
        {
            content: "Ask for leave",
            trigger: ".o_verzuim_student a.o_verzuim_ask_leave",
            run: "click",
        },
        {
            content: "For important circumstances",
            trigger: ".o_verzuim_leave_form select[name='kind']",
            run: "select art11",
        },
        {
            content: "First day",
            trigger: ".o_verzuim_leave_form input[name='date_from']",
            run: setDate(21),
        },
        {
            content: "Last day",
            trigger: ".o_verzuim_leave_form input[name='date_to']",
            run: setDate(22),
        },
        {
            content: "Why",
            trigger: ".o_verzuim_leave_form textarea[name='reason']",
            run: "edit Bruiloft van mijn zus",
        },
        {
            content: "Send the request",
            trigger: ".o_verzuim_leave_form button.o_verzuim_submit",
            run: "click",
        },
        {
            content: "The request waits for the school's decision",
            trigger: ".o_verzuim_leave_requests li[data-state='submitted']",
        },
    ],
});

registry.category("web_tour.tours").add("mbo_verzuim_coordinator_approves_leave", {
    steps: () => [
        {
            content: "The leave requests to decide",
            trigger: ".o_list_view .o_data_row:contains('TL Minor Kid') td[name='student_id']",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "The request is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Its lessons",
            trigger: ".o_form_view button[name='action_view_lines']",
            run: "click",
        },
        {
            content: "are authorized: extra leave (the reason's name is checked by the test)",
            trigger: ".o_list_view .o_data_row:contains('TL Minor Kid') td[name='verzuim_reason_label']",
        },
    ],
});

registry.category("web_tour.tours").add("mbo_verzuim_frontoffice_confirms_sick_report", {
    steps: () => [
        {
            content: "The sick report from the portal is in the notices",
            trigger: ".o_list_view .o_data_row:contains('TL Minor Kid') td[name='student_id']",
            run: "click",
        },
        {
            content: "Confirm it",
            trigger: ".o_form_view button[name='action_verzuim_confirm']",
            run: "click",
        },
        {
            content: "It is confirmed",
            trigger: ".o_form_view div[name='verzuim_confirmed'] input:checked",
        },
    ],
});
