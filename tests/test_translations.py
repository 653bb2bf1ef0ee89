from pathlib import Path

import polib

from odoo.tests import tagged
from odoo.tools.translate import TranslationModuleReader

from .common import VerzuimCase

PO_FILE = Path(__file__).resolve().parent.parent / "i18n" / "nl.po"


@tagged("post_install", "-at_install")
class TestTranslations(VerzuimCase):
    def test_every_user_facing_string_has_a_dutch_translation(self):
        catalogue = {entry.msgid: entry.msgstr for entry in polib.pofile(str(PO_FILE))}
        reader = TranslationModuleReader(self.env.cr, ["mbo_verzuim"])
        missing = sorted(
            {
                source
                for _module, _kind, _name, res_id, source, *_rest in reader
                if source and not str(res_id).endswith("_demo") and not catalogue.get(source)
            }
        )
        self.assertFalse(missing, "untranslated in i18n/nl.po:\n" + "\n".join(missing[:40]))

    def test_dutch_is_loaded(self):
        menu = self.env.ref("mbo_verzuim.verzuim_menu_root").with_context(lang="nl_NL")
        self.assertEqual(menu.name, "Verzuim")
