/** The coordinator's first screen: signals per student, then one signal opened. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mbo_verzuim_coordinator_dossier", {
    steps: () => [
        {
            content: "Look for the class's students",
            trigger: ".o_searchview_input",
            run: "edit CD",
        },
        {
            content: "Search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Only the class's students are left",
            trigger: ".o_list_view:not(:has(.o_data_row:not(:contains('CD '))))",
        },
        {
            content: "The student with the most urgent deadline comes first",
            trigger: ".o_list_view .o_data_row:first:contains('CD Urgent')",
        },
        {
            content: "Its open signals are counted",
            trigger: ".o_data_row:contains('CD Urgent') td[name='verzuim_open_signal_count']:contains('1')",
        },
        {
            content: "Both attendance percentages are in the list",
            trigger: ".o_list_view th[data-name='verzuim_attendance_rate_recent'] ~ th[data-name='verzuim_attendance_rate']",
        },
        {
            content: "Open the student's signals",
            trigger: ".o_data_row:contains('CD Urgent') button[name='action_verzuim_view_signals']",
            run: "click",
        },
        {
            content: "The card shows its deadline and hours with their unit",
            trigger: ".o_kanban_record:contains('CD Urgent'):has(.o_verzuim_deadline):contains('10,0')",
            run: "click",
        },
        {
            content: "The note reads in the coordinator's language",
            trigger: ".o_form_view div[name='note']:contains('uur ongeoorloofd verzuim')",
        },
    ],
});
