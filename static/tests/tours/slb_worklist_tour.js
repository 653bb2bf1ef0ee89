/** The SLB's day: its students' open signals, then the unknown absences to explain. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mbo_verzuim_slb_dossier", {
    steps: () => [
        {
            content: "Signals per student: the student, its open signals and first deadline",
            trigger: ".o_list_view .o_data_row:contains('SB Student 0') td[name='verzuim_next_deadline']:contains('16')",
        },
        {
            content: "Both attendance percentages are in the list",
            trigger: ".o_list_view th[data-name='verzuim_attendance_rate_recent'] ~ th[data-name='verzuim_attendance_rate']",
        },
        {
            content: "The hours of the last 4 lesweken",
            trigger: ".o_list_view th[data-name='verzuim_unauthorized_hours']",
        },
        {
            content: "Open the student's signals",
            trigger: ".o_data_row:contains('SB Student 0') button[name='action_verzuim_view_signals']",
            run: "click",
        },
        {
            content: "The card shows its deadline, past and in red, and the hours in Dutch format",
            trigger: ".o_kanban_record:contains('SB Student 0'):has(.o_verzuim_deadline.text-danger):contains('10,0')",
        },
    ],
});

registry.category("web_tour.tours").add("mbo_verzuim_slb_worklist", {
    steps: () => [
        {
            content: "Open the student's unknown absences",
            trigger: ".o_group_header:contains('SB Student 0')",
            run: "click",
        },
        {
            content: "Hours, not minutes: the late line missed half an hour",
            trigger: ".o_data_row td[name='verzuim_hours']:contains('0,5')",
        },
        {
            content: "A late line without a reason says so, not 'Onbekend afwezig'",
            trigger: ".o_data_row:has(td[name='verzuim_hours']:contains('0,5')) td[name='verzuim_reason_label']:not(:contains('Onbekend afwezig')):not(:contains('Unknown absence'))",
        },
        {
            content: "Select the late line",
            trigger: ".o_data_row:has(td[name='verzuim_hours']:contains('0,5')) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Set a reason for the selection",
            trigger: "button[name='action_verzuim_set_reason']",
            run: "click",
        },
        {
            content: "Open the reasons",
            trigger: ".modal div[name='reason_id'] input",
            run: "click",
        },
        {
            content: "A late line is offered a doctor's visit, not sickness",
            trigger: ".o-autocomplete--dropdown-menu:has(a:contains('Artsbezoek')):not(:has(a:contains('Ziek')))",
        },
        {
            content: "Doctor's visit",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Artsbezoek')",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The late line has left the list",
            trigger: "body:not(:has(.modal)) .o_list_view:not(:has(td[name='verzuim_hours']:contains('0,5')))",
        },
        {
            content: "Select all remaining absences",
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Set a reason for the selection",
            trigger: "button[name='action_verzuim_set_reason']",
            run: "click",
        },
        {
            content: "Open the reasons",
            trigger: ".modal div[name='reason_id'] input",
            run: "click",
        },
        {
            content: "An absence may be sickness",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Ziek')",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Nothing left to explain",
            trigger: "body:not(:has(.modal)) .o_view_nocontent",
        },
    ],
});
