"""The issuer's branding (`branding:` in issuer.yaml): logo, colours and font stack.

Branding reaches every page, so it is checked like a disclosure: a colour must be opaque, in
sRGB and readable where the theme uses it (WCAG AA: 4.5:1 for text, 3:1 for focus rings),
a font stack is family names only, and a logo is an SVG or PNG file that exists in the
content folder. Nothing the issuer writes goes into a page as written: colours are re-written
as `#rrggbb` by coloraide, font names are re-quoted from a narrow alphabet, and the logo is
copied under a hashed name, so issuer.yaml cannot inject CSS, HTML or script.

The values become CSS custom properties that main.css already uses (`--brand`, `--link`,
`--focus`, `--font`) in a small stylesheet of their own (pages/brand_assets.py), loaded after
main.css, so main.css keeps its defaults and a strict CSP (no inline `<style>`) still holds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("logo", "logo_alt", "primary", "accent", "font")
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
MAX_LOGO_BYTES = 1_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
_SVG_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE svg[^>[]*>\s*)?"
                       rb"(?:<!--.*?-->\s*)*<svg[\s>]", re.S)

# What each colour is drawn with or on in main.css, and the ratio WCAG AA asks for there.
PRIMARY_PAIRS = (  # --brand: the header band and the outlined buttons
    ("#ffffff", 4.5, "white header text (--brand-ink) and button text on white"),
    ("#e6eef7", 4.5, "button text on its hover background (--badge-bg)"),
    ("#ffd166", 3.0, "the focus ring in the header (--focus-on-dark)"),
)
ACCENT_PAIRS = (  # --link and --focus: links on every background they appear on
    ("#ffffff", 4.5, "links on the page (white)"),
    ("#f3f5f8", 4.5, "links on panels and the footer (--surface)"),
    ("#eef4fb", 4.5, "links in notes (--note-bg)"),
    ("#e6eef7", 4.5, "links on badges (--badge-bg)"),
    ("#fff0a6", 4.5, "links in a highlighted sentence (--target-bg)"),
)
GENERIC_FAMILIES = ("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
                    "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji",
                    "fangsong")
_VENDOR_FAMILIES = ("-apple-system", "BlinkMacSystemFont")
_FAMILY = re.compile(r"^(?:\"([A-Za-z0-9 ._-]{1,60})\"|'([A-Za-z0-9 ._-]{1,60})'"
                     r"|([A-Za-z][A-Za-z0-9-]*(?: [A-Za-z0-9][A-Za-z0-9-]*){0,5}))$")
MAX_FAMILIES = 12


@dataclass(frozen=True)
class Branding:
    """Validated branding: every value safe to write into a stylesheet as is."""

    logo: Path | None = None  # the file, resolved inside the content folder
    logo_alt: str | None = None
    primary: str | None = None  # "#rrggbb"
    accent: str | None = None
    font: str | None = None  # a CSS font-family value built from checked names


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (coloraide's implementation of the formula)."""
    from coloraide import Color

    return Color(first).contrast(second, method="wcag21")


def parse_colour(value) -> tuple[str | None, str | None]:
    """(#rrggbb, None) for an opaque sRGB CSS colour, else (None, what was expected)."""
    from coloraide import Color

    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None, "a CSS colour such as '#13355a'"
    try:
        colour = Color(value.strip())
    except ValueError:
        return None, "a CSS colour such as '#13355a' or 'rgb(19 53 90)'"
    if colour.alpha() < 1:
        return None, "an opaque colour (no transparency)"
    srgb = colour.convert("srgb")
    if not srgb.in_gamut():
        return None, "a colour inside sRGB, the gamut every screen shows"
    return srgb.to_string(hex=True, alpha=False), None


def contrast_failures(colour: str, pairs) -> list[str]:
    """What `colour` is too faint against, as 'x.x:1 against ..., needs y:1' phrases."""
    failures = []
    for other, needed, where in pairs:
        ratio = contrast(colour, other)
        if ratio < needed:  # shown rounded down: 4.499 is not "4.5:1"
            failures.append(f"{math.floor(ratio * 100) / 100:.2f}:1 against {where}, "
                            f"needs {needed:g}:1")
    return failures


def parse_font(value) -> tuple[str | None, str | None]:
    """(a CSS font-family value, None) for a stack of family names, else (None, expected)."""
    items = value if isinstance(value, list) else (
        value.split(",") if isinstance(value, str) else None)
    what = ("a font stack of family names ending with a generic family, e.g. "
            "'\"Source Sans 3\", Arial, sans-serif' (no url(), no web fonts)")
    if not items or len(items) > MAX_FAMILIES or not all(isinstance(i, str) for i in items):
        return None, what
    names = []
    for item in (i.strip() for i in items):
        if item in GENERIC_FAMILIES or item in _VENDOR_FAMILIES:
            names.append(item)
            continue
        match = _FAMILY.match(item)
        if not match:
            return None, what
        names.append('"%s"' % next(g for g in match.groups() if g))
    if names[-1] not in GENERIC_FAMILIES:
        return None, what
    return ", ".join(names), None


def logo_problem(content_dir: Path, value) -> tuple[Path | None, str | None]:
    """(the logo file, None), or (None, what was expected) for a path that is not an SVG or
    PNG file inside the content folder."""
    if not isinstance(value, str) or not value.strip():
        return None, "a path in the content folder to an .svg or .png file"
    relative = value.strip()
    if relative.startswith(("/", "\\")) or "\\" in relative or ".." in Path(relative).parts:
        return None, "a path inside the content folder (no leading / and no ..)"
    suffix = Path(relative).suffix.lower()
    if suffix not in LOGO_TYPES:
        return None, "an .svg or .png file"
    base = content_dir.resolve()
    path = (base / relative).resolve()
    if base not in path.parents or not path.is_file():
        return None, f"a file that exists in {content_dir}/"
    blob = path.read_bytes()
    if len(blob) > MAX_LOGO_BYTES:
        return None, f"a logo of at most {MAX_LOGO_BYTES // 1000} kB"
    if suffix == ".png" and not blob.startswith(_PNG):
        return None, "a PNG file (this one's bytes are not PNG)"
    if suffix == ".svg" and (not _SVG_ROOT.match(blob[:4096]) or b"<!ENTITY" in blob):
        return None, "an SVG file (an <svg> root element, no entity declarations)"
    return path, None


def stylesheet(branding: Branding) -> str:
    """The CSS custom properties (and the logo's size) for the brand stylesheet."""
    variables = []
    if branding.primary:  # the header's light text becomes white: its pale blue suits only
        variables += [f"--brand:{branding.primary}", "--brand-soft:#ffffff"]  # the default
    if branding.accent:
        variables += [f"--link:{branding.accent}", f"--focus:{branding.accent}"]
    if branding.font:
        variables.append(f"--font:{branding.font}")
    css = "/* issuer.yaml branding, validated by Dateline (content/branding.py) */\n"
    if variables:
        css += ":root{%s}\n" % ";".join(variables)
    if branding.logo:
        css += (".site-logo{display:inline-block;vertical-align:middle;height:2rem;width:auto;"
                "max-width:12rem;margin-right:0.5rem}\n")
    return css


def validate(checker, value, content_dir: Path) -> Branding:
    """issuer.yaml's `branding:` through the issuer validator (`checker`: its expect(),
    complain(), mapping() and string() report `issuer.yaml:line: branding.x: ...`)."""
    if value is None:
        return Branding()
    entry = checker.mapping(("branding",), value, FIELDS, ())
    found = {}
    if "logo" in entry:
        found["logo"], what = logo_problem(content_dir, entry["logo"])
        if what:
            checker.expect(("branding", "logo"), what, entry["logo"])
        found["logo_alt"] = checker.string(("branding", "logo_alt"), entry.get("logo_alt"))
    elif "logo_alt" in entry:
        checker.complain(("branding", "logo_alt"), "alt text without a logo")
    for name, pairs in (("primary", PRIMARY_PAIRS), ("accent", ACCENT_PAIRS)):
        if name in entry:
            found[name] = _checked_colour(checker, ("branding", name), entry[name], pairs)
    if "font" in entry:
        found["font"], what = parse_font(entry["font"])
        if what:
            checker.expect(("branding", "font"), what, entry["font"])
    return Branding(**found)


def _checked_colour(checker, keys, value, pairs) -> str | None:
    colour, what = parse_colour(value)
    if what:
        checker.expect(keys, what, value)
        return None
    failures = contrast_failures(colour, pairs)
    if failures:
        checker.expect(keys, "a colour with WCAG AA contrast where the theme uses it ("
                       + "; ".join(failures) + ")", value)
        return None
    return colour
