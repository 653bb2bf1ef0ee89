/** @odoo-module **/
/**
 * A form saves the record before any button runs, and the save first checks the fields the
 * form requires, also on a saved record without changes. OpenEduCat's student form requires
 * e-mail and mobile, so the student's smart buttons failed for a student without them
 * ("Ongeldige velden: E-mail, Mobiel"). The module's buttons that only open the related
 * records (``action_verzuim_view_*``) need no save: on a saved record without changes they
 * run without it. With unsaved changes the form saves (and checks) as always.
 */
import { patch } from "@web/core/utils/patch";
import { FormController } from "@web/views/form/form_controller";

patch(FormController.prototype, {
    async beforeExecuteActionButton(clickParams) {
        const record = this.model.root;
        if (
            clickParams.type === "object" &&
            clickParams.name?.startsWith("action_verzuim_view_") &&
            !record.isNew &&
            !(await record.isDirty())
        ) {
            return true;
        }
        return super.beforeExecuteActionButton(...arguments);
    },
});
