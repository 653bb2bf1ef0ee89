/** Every smart button of a student without e-mail or mobile opens its list. */
import { registry } from "@web/core/registry";

function open(button, title) {
    return [
        {
            content: `Open ${title} (from "More" when the button box is full)`,
            trigger: ".o_form_view .o-form-buttonbox",
            run: async () => {
                const selector = `button[name='${button}']`;
                if (!document.querySelector(selector)) {
                    document.querySelector(".o-form-buttonbox .o_button_more").click();
                    await new Promise((resolve) => setTimeout(resolve, 500));
                }
                document.querySelector(selector).click();
            },
        },
        {
            content: `${title}: the list is shown, the student is one step back`,
            trigger: ".o_breadcrumb li.breadcrumb-item a:contains('SB Student 0')",
        },
        {
            content: "The list is shown",
            trigger: ".o_list_view, .o_kanban_view",
        },
        {
            content: "Back to the student",
            trigger: ".o_breadcrumb li.breadcrumb-item a:contains('SB Student 0')",
            run: "click",
        },
        {
            content: "The student form again",
            trigger: ".o_form_view .o-form-buttonbox",
        },
    ];
}

registry.category("web_tour.tours").add("mbo_verzuim_student_smart_buttons", {
    steps: () => [
        {
            content: "The student's form",
            trigger: ".o_form_view button[name='action_verzuim_view_signals']",
        },
        ...open("action_verzuim_view_signals", "Signals"),
        ...open("action_verzuim_view_lines", "Registrations"),
        ...open("action_verzuim_view_notices", "Notices"),
        ...open("action_verzuim_view_interventions", "Interventions"),
        ...open("action_verzuim_view_meldingen", "Reports to DUO"),
    ],
});
