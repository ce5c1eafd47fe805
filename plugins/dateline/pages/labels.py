"""Theme labels and dates in the page's language (Jinja2's i18n extension + Babel).

Pelican renders every page with one Jinja environment per generator, so the language cannot be
installed once: the gettext callables installed here read the language of the page being
rendered from the template context (`article.lang` / `page.lang`, else DEFAULT_LANG), and no
state is shared between pages. The French catalog is the theme's `.po` file, compiled in memory
when a build starts, so there is no `.mo` file that could go stale.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import jinja2
from babel.dates import format_date
from babel.messages import mofile, pofile
from babel.support import NullTranslations, Translations

CATALOGS = Path(__file__).resolve().parents[3] / "theme" / "translations"  # the theme's own
LOCALES = {"fr": "fr_CA"}  # page language -> Babel locale for dates
_FORMATS = {"day": "d MMMM y", "month": "MMMM y"}  # "29 mai 2013", "mai 2013"
_ENGLISH = {"day": "%B %-d, %Y", "month": "%B %Y"}  # byte-identical to the theme before


@lru_cache(maxsize=None)
def translations(lang: str, catalogs: Path = CATALOGS) -> NullTranslations:
    """The compiled catalog of `lang` (an empty one for English or an unknown language)."""
    path = catalogs / lang / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=LOCALES.get(lang, lang))
    compiled = io.BytesIO()
    mofile.write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def page_lang(context) -> str:
    """The language of the page being rendered: its release's or page's `lang`."""
    for name in ("article", "page"):
        item = context.get(name)
        lang = getattr(item, "lang", None) if item is not None else None
        if isinstance(lang, str) and lang:
            return lang
    return context.get("DEFAULT_LANG") or "en"


def _catalogs(context) -> Path:
    """The active theme's translations folder (a site's own theme may bring its own)."""
    theme = context.get("THEME")
    folder = Path(theme) / "translations" if isinstance(theme, str) and theme else CATALOGS
    return folder if folder.is_dir() else CATALOGS


@jinja2.pass_context
def gettext(context, message: str) -> str:
    return translations(page_lang(context), _catalogs(context)).gettext(message)


@jinja2.pass_context
def ngettext(context, singular: str, plural: str, count: int) -> str:
    catalog = translations(page_lang(context), _catalogs(context))
    return catalog.ngettext(singular, plural, count)


def localized_date(value, lang: str, precision: str = "day") -> str:
    """The one place dates become words: English as the theme always wrote them, else Babel."""
    locale = LOCALES.get(lang)
    if locale is None:
        return value.strftime(_ENGLISH[precision])
    return format_date(value, _FORMATS[precision], locale=locale)


@jinja2.pass_context
def date_filter(context, value, precision: str = "day") -> str:
    """`{{ when|local_date }}`: a date or datetime in the page's language."""
    return localized_date(value, page_lang(context), precision)


@jinja2.pass_context
def current_lang(context) -> str:
    """`{{ current_lang() }}`: the page's language, for templates that branch on it."""
    return page_lang(context)


def install(generator) -> None:
    """generator_init: give this generator's environment the i18n extension and filters."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters["local_date"] = date_filter
    env.globals["current_lang"] = current_lang
