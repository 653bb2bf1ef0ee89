/** The teacher's daily task: find today's lesson in "Mijn lessen", open its register with a
 * click on the row, see who the frontoffice reported, mark the exceptions, complete, and
 * correct it the same day through "Reopen" (issue 10, points 1-5). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mbo_verzuim_teacher_register", {
    steps: () => [
        {
            content: "Today's lesson shows its times without seconds and its room",
            trigger: ".o_list_view .o_data_row:contains('TR LOG2A'):contains('00:05 - 00:55'):contains('TR Lokaal 2.04')",
        },
        {
            content: "A click on the row (not on a button) opens the register",
            trigger: ".o_list_view .o_data_row:contains('TR LOG2A') td[name='subject_id']",
            run: "click",
        },
        {
            content: "The register's title names class, subject and time",
            trigger: ".o_form_view .oe_title:contains('TR LOG2A'):contains('TR Nederlands'):contains('00:05-00:55')",
        },
        {
            content: "The student reported sick is absent, authorized, by a notice",
            trigger: ".o_data_row.text-danger:contains('TR Student 1'):contains('Geoorloofd afwezig')",
        },
        {
            content: "The register shows why: a notice",
            trigger: ".o_data_row:contains('TR Student 1') td[name='verzuim_by_notice'] input:checked",
        },
        {
            content: "Mark one student absent",
            trigger: ".o_form_view .o_data_row:contains('TR Student 0') button[name='action_verzuim_absent']",
            run: "click",
        },
        {
            content: "The student shows as absent",
            trigger: ".o_data_row.text-danger:contains('TR Student 0')",
        },
        {
            content: "Everyone present would clear the marks: it asks first",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_verzuim_all_present']:visible",
            run: "click",
        },
        {
            content: "Keep the marks",
            trigger: ".modal .modal-footer button.btn-secondary",
            run: "click",
        },
        {
            content: "The absence is still there",
            trigger: "body:not(:has(.modal)) .o_data_row.text-danger:contains('TR Student 0')",
        },
        {
            content: "Student 2 arrived late",
            trigger: ".o_form_view .o_data_row:contains('TR Student 2') button[name='action_verzuim_late']",
            run: "click",
        },
        {
            content: "The dialog asks in plain words what happened (no \"Modus\")",
            trigger: ".modal .o_form_view:has(div[name='mode']):not(:has(label:contains('Modus')))",
        },
        {
            content: "Twelve minutes late",
            trigger: ".modal div[name='late_minutes'] input",
            run: "edit 12",
        },
        {
            content: "Save",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Student 2 shows as late",
            trigger: "body:not(:has(.modal)) .o_data_row.text-warning:contains('TR Student 2')",
        },
        {
            content: "Complete the register",
            trigger: "button[name='action_verzuim_complete']",
            run: "click",
        },
        {
            content: "The register is complete and locked: no per-student buttons",
            trigger: ".o_form_view:has(button[name='action_verzuim_reopen']):not(:has(button[name='action_verzuim_absent']))",
        },
        {
            content: "Reopen it the same day to correct a mistake",
            trigger: "button[name='action_verzuim_reopen']",
            run: "click",
        },
        {
            content: "Student 3 was absent after all",
            trigger: ".o_form_view .o_data_row:contains('TR Student 3') button[name='action_verzuim_absent']",
            run: "click",
        },
        {
            content: "Student 3 shows as absent",
            trigger: ".o_data_row.text-danger:contains('TR Student 3')",
        },
        {
            content: "Complete the register again",
            trigger: "button[name='action_verzuim_complete']",
            run: "click",
        },
        {
            content: "The correction is in the chatter",
            trigger: ".o-mail-Chatter .o-mail-Message:contains('TR Student 3'):contains('→')",
        },
        {
            content: "The register is complete",
            trigger: "button[name='action_verzuim_reopen']",
        },
    ],
});
