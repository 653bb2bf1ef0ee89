/** The coordinator's legal chain: from a 16-hour signal to a filed report, feedback and closure. */
import { registry } from "@web/core/registry";

function feedback(state, text) {
    return [
        {
            content: "Record the municipality's feedback",
            trigger: "button[name='action_record_feedback']",
            run: "click",
        },
        {
            content: "What the municipality said",
            trigger: ".modal div[name='text'] textarea",
            run: `edit ${text}`,
        },
        {
            content: "The report's new status",
            trigger: ".modal div[name='new_state'] select",
            run: `select "${state}"`,
        },
    ];
}

registry.category("web_tour.tours").add("mbo_verzuim_coordinator_melding", {
    steps: () => [
        {
            content: "Open the report from the 16-hour signal",
            trigger: "button[name='action_create_melding']",
            run: "click",
        },
        {
            content: "The draft is prefilled: the period and hours of the signal",
            trigger: ".o_form_view div[name='hours'] :contains('16')",
        },
        {
            content: "Presumed reason",
            trigger: "div[name='presumed_reason'] textarea",
            run: "edit Spijbelt, vermoedelijk bijbaan",
        },
        {
            content: "Actions already taken",
            trigger: "div[name='actions_taken'] textarea",
            run: "edit Gesprek met SLB, ouders gebeld",
        },
        {
            content: "Action by the municipality wanted",
            trigger: "div[name='municipality_action'] input[data-value='yes']",
            run: "click",
        },
        {
            content: "Lesson location",
            trigger: "div[name='lesson_location'] input",
            run: "edit Rotterdam, Lloydstraat",
        },
        {
            content: "Reporter's function",
            trigger: "div[name='reporter_function'] input",
            run: "edit Verzuimcoördinator",
        },
        {
            content: "Reporter's phone",
            trigger: "div[name='reporter_phone'] input",
            run: "edit 010 123 4567",
        },
        {
            content: "Reporter's e-mail",
            trigger: "div[name='reporter_email'] input",
            run: "edit verzuim@roc.example",
        },
        {
            content: "File the report (after entering it in the verzuimloket)",
            trigger: "button[name='action_file']",
            run: "click",
        },
        {
            content: "The report is registered",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='registered']",
        },
        ...feedback("in_progress", "Leerplichtambtenaar neemt contact op"),
        {
            content: "Save the feedback",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The report is being handled",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='in_progress']",
        },
        ...feedback("closed", "Student is weer op school"),
        {
            content: "Why the case was closed",
            trigger: ".modal div[name='closing_reason'] select",
            run: `select "back_at_school"`,
        },
        {
            content: "Save the feedback",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The report is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
    ],
});
