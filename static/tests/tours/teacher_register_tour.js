/** The teacher's ten-second register: open the lesson, one click per absent student, done. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mbo_verzuim_teacher_register", {
    steps: () => [
        {
            content: "Open the register of today's lesson",
            trigger: ".o_list_view .o_data_row:contains('TR LOG2A') button[name='action_verzuim_open_register']",
            run: "click",
        },
        {
            content: "Everyone is present: mark one student absent",
            trigger: ".o_form_view .o_data_row:contains('TR Student 0') button[name='action_verzuim_absent']",
            run: "click",
        },
        {
            content: "The student shows as absent",
            trigger: ".o_data_row.text-danger:contains('TR Student 0')",
        },
        {
            content: "Complete the register",
            trigger: "button[name='action_verzuim_complete']",
            run: "click",
        },
        {
            content: "The register is complete",
            trigger: "button[name='action_verzuim_reopen']",
        },
    ],
});
