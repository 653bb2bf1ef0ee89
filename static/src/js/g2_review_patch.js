/** @odoo-module **/
/**
 * OpenEduCat's web client opens a promotional review dialog five seconds after loading
 * (openeducat_core/static/src/js/g2_review.js: the G2Review component it adds to the
 * WebClient). It covers the screen at login and in the middle of a task, also over unsaved
 * forms: the module's users (session flag set by ir.http.session_info) never get it.
 */
// OpenEduCat's module returns its dialog instead of its exports: it is imported for the
// load order only, and the component is found where OpenEduCat registers it.
import "@openeducat_core/js/g2_review";
import { patch } from "@web/core/utils/patch";
import { session } from "@web/session";
import { WebClient } from "@web/webclient/webclient";

const G2Review = WebClient.components.G2Review;
if (G2Review) {
    patch(G2Review.prototype, {
        setup() {
            if (session.mbo_verzuim_no_promotion) {
                return;
            }
            super.setup(...arguments);
        },
    });
}
