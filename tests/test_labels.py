"""Theme labels and dates follow the page's language (pages/labels.py)."""

from datetime import date
from pathlib import Path

from babel.messages.extract import extract_from_dir
from jinja2 import DictLoader, Environment

from dateline.pages import labels

THEME = Path(__file__).resolve().parents[1] / "theme"


class _Page:
    def __init__(self, lang):
        self.lang = lang


def _env():
    env = Environment(loader=DictLoader({"t": '{{ _("Releases") }} {{ when|local_date }}'}))

    class Generator:
        pass

    generator = Generator()
    generator.env = env
    labels.install(generator)
    return env


def test_french_page_gets_french_label_and_date():
    out = _env().get_template("t").render(page=_Page("fr"), when=date(2013, 5, 29))
    assert out == "Communiqués 29 mai 2013"


def test_english_page_unchanged():
    out = _env().get_template("t").render(page=_Page("en"), when=date(2013, 5, 29))
    assert out == "Releases May 29, 2013"


def test_every_template_msgid_has_a_french_msgstr():
    catalog = labels.translations("fr")
    found = [
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(THEME / "templates"), method_map=[("**.html", "jinja2")],
        )
    ]
    assert found
    missing = [m for m in found if isinstance(m, str) and catalog.gettext(m) == m]
    assert missing == []
