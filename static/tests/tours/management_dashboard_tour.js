/** Management's first screen: the dashboard, and from it the attendance analysis. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mbo_verzuim_management_dashboard", {
    steps: () => [
        {
            content: "After login management lands on the dashboard",
            trigger: ".o_verzuim_dashboard",
        },
        {
            content: "It shows this month's attendance rate per programme",
            trigger: ".o_verzuim_dashboard div[name='rate'] td:contains('MD Logistiek')",
        },
        {
            content: "with the rate as a percentage",
            trigger: ".o_verzuim_dashboard div[name='rate'] td:contains('%')",
        },
        {
            content: "the teachers with unregistered lessons",
            trigger: ".o_verzuim_dashboard div[name='teachers'] td:contains('Lies Laat')",
        },
        {
            content: "the overdue legal reports",
            trigger: ".o_verzuim_dashboard div[name='overdue'] td:contains('MD Logistiek')",
        },
        {
            content: "and the classes below the urennorm",
            trigger: ".o_verzuim_dashboard div[name='urennorm'] td:contains('MD LOG2A')",
        },
        {
            content: "Open the attendance analysis",
            trigger: "button[name='action_open_attendance']",
            run: "click",
        },
        {
            content: "The analysis opens as a pivot per programme",
            trigger: ".o_pivot_view .o_pivot_header_cell_closed:contains('MD Logistiek'), .o_pivot_view th:contains('MD Logistiek')",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "The dashboard again",
            trigger: ".o_verzuim_dashboard div[name='urennorm']",
        },
    ],
});
