/** The frontoffice's and management's day starts on their own screen, without pop-ups. */
import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

/** OpenEduCat's review pop-up comes five seconds after the web client loads: wait past it. */
const noPromotion = {
    content: "No promotional pop-up covers the screen",
    trigger: ".o_action_manager",
    run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 6500));
        if (document.querySelector(".g2_review_container, .modal .g2_image")) {
            throw new Error("OpenEduCat's promotional pop-up is shown");
        }
    },
};

registry.category("web_tour.tours").add("mbo_verzuim_frontoffice_recovered", {
    steps: () => [
        {
            content: "After login the frontoffice lands on the notices",
            trigger: ".o_list_view th[data-name='notice_type']",
        },
        {
            content: "The list of notices",
            trigger: ".o_list_view .o_data_row:contains('FR Student 0')",
        },
        noPromotion,
        {
            content: "Open the sick notice",
            trigger: ".o_data_row:contains('FR Student 0') td[name='student_id']",
            run: "click",
        },
        {
            content: "Its title is the local date in Dutch form",
            trigger: ".o_breadcrumb:contains('07-06-2027')",
        },
        {
            content: "Report the student recovered",
            trigger: "button[name='action_recovered']",
            run: "click",
        },
        {
            content: "The recovery moment is asked",
            trigger: ".modal div[name='date_end'] input",
            run: `edit ${DateTime.fromISO("2027-06-08T18:00:00").toFormat(localization.dateTimeFormat)}`,
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The notice is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
        {
            content: "Its lessons",
            trigger: "button[name='action_view_lines']",
            run: "click",
        },
        {
            content: "open in the module's own registration list",
            trigger: ".o_list_view th[data-name='verzuim_reason_label']",
        },
        {
            content: "with the student's absence",
            trigger: ".o_list_view .o_data_row:contains('FR Student 0')",
        },
    ],
});

registry.category("web_tour.tours").add("mbo_verzuim_management_figures", {
    steps: () => [
        {
            content: "After login management lands on the dashboard",
            trigger: ".o_verzuim_dashboard",
        },
        noPromotion,
    ],
});
