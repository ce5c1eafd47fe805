"""Branding in issuer.yaml (logo, colours, font) and the navigation's page_order.

Every value is checked at build time (WCAG AA contrast where the theme uses the colour,
family names only in a font stack, an SVG or PNG logo inside content/), reported as
`issuer.yaml:line: branding.x: ...`, and nothing issuer.yaml says reaches a page as written.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from dateline.content import branding
from dateline.content.issuer import parse_issuer
from dateline.errors import DatelineError
from sitebuild import build_site

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
ROOT = Path(__file__).resolve().parent.parent
BASE = ("name: Kestrel Lithium Ltd.\ntickers: ['TSX: KLI']\n")


def problems(text: str, folder: Path) -> list[str]:
    path = folder / "issuer.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatelineError) as raised:
        parse_issuer(text, str(path))
    return [str(p).replace(str(folder) + "/", "") for p in raised.value.problems]


def test_contrast_is_wcag_2_1():
    assert branding.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert branding.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert branding.contrast("#13355a", "#ffffff") > 12


@pytest.mark.parametrize("value, hex_value", [
    ("#0F3D3E", "#0f3d3e"), ("#036", "#003366"), ("rgb(15 61 62)", "#0f3d3e"),
    ("navy", "#000080"), ("hsl(210 65% 21%)", "#133658"),
])
def test_colours_are_rewritten_as_hex(value, hex_value):
    assert branding.parse_colour(value) == (hex_value, None)


@pytest.mark.parametrize("value", [
    "red;}</style><script>alert(1)</script>", "#13355a; background: url(//x)", "#13355a80",
    "rgb(0 0 0 / 50%)", "color(display-p3 0 1 0)", "", 12, None, "var(--x)", "x" * 100,
])
def test_colours_that_are_not_plain_opaque_srgb_are_refused(value):
    assert branding.parse_colour(value)[0] is None


@pytest.mark.parametrize("value, css", [
    ("system-ui, sans-serif", "system-ui, sans-serif"),
    ('"Source Sans 3", Arial, sans-serif', '"Source Sans 3", "Arial", sans-serif'),
    (["Fira Sans", "Helvetica Neue", "serif"], '"Fira Sans", "Helvetica Neue", serif'),
    ("-apple-system, 'Segoe UI', sans-serif", '-apple-system, "Segoe UI", sans-serif'),
])
def test_font_stacks_are_family_names_requoted(value, css):
    assert branding.parse_font(value) == (css, None)


@pytest.mark.parametrize("value", [
    "Arial", "Arial; } body { color: red }, sans-serif", 'url(https://fonts.example/a.woff2)',
    '"A\\" ; x", sans-serif', "Arial, sans-serif</style>", "@import x, serif", [], [1, "serif"],
    "a, " * 20 + "serif",
])
def test_font_stacks_with_anything_else_are_refused(value):
    assert branding.parse_font(value)[0] is None


def test_branding_problems_name_the_line_and_field(tmp_path):
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "fake.png").write_bytes(b"<svg/>")
    (tmp_path / "entity.svg").write_bytes(b'<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>')
    found = problems(BASE + "branding:\n  primary: '#7fa0c0'\n  accent: '#dd0000'\n"
                     "  logo: logo.gif\n  logo_alt: Kestrel\n  font: Arial\n  size: 3\n",
                     tmp_path)
    assert found[0].startswith("issuer.yaml:4: branding.primary: expected a colour with WCAG AA"
                               " contrast where the theme uses it (2.73:1 against white")
    assert found[1].startswith("issuer.yaml:5: branding.accent: expected a colour with WCAG AA")
    assert "4.40:1 against links on badges (--badge-bg), needs 4.5:1" in found[1]
    assert "4.48:1 against links in a highlighted sentence" in found[1]  # never rounded up
    assert found[2] == ("issuer.yaml:6: branding.logo: expected an .svg or .png file, "
                        "found 'logo.gif'")
    assert found[3].startswith("issuer.yaml:8: branding.font: expected a font stack")
    assert found[4].startswith("issuer.yaml:9: branding.size: unknown key")
    for logo, what in [("fake.png", "a PNG file"), ("entity.svg", "an SVG file"),
                       ("missing.svg", "a file that exists"), ("../x.svg", "a path inside"),
                       ("/etc/x.svg", "a path inside")]:
        (message,) = problems(BASE + f"branding:\n  logo: {logo}\n  logo_alt: K\n", tmp_path)
        assert message.startswith(f"issuer.yaml:4: branding.logo: expected {what}"), message
    # a logo needs its alt text
    (tmp_path / "ok.svg").write_bytes(SVG)
    (message,) = problems(BASE + "branding:\n  logo: ok.svg\n", tmp_path)
    assert message.startswith("issuer.yaml:3: branding.logo_alt: expected a non-empty string")


def test_a_symlink_out_of_the_content_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.svg"
    outside.write_bytes(SVG)
    content = tmp_path / "content"
    content.mkdir()
    (content / "logo.svg").symlink_to(outside)
    (message,) = problems(BASE + "branding:\n  logo: logo.svg\n  logo_alt: K\n", content)
    assert "branding.logo: expected a file that exists in" in message


def _brand(content: Path, logo: bytes = SVG, alt: str = "Northgate logo") -> None:
    (content / "brand").mkdir(exist_ok=True)
    (content / "brand" / "logo.svg").write_bytes(logo)
    issuer = content / "issuer.yaml"
    issuer.write_text(issuer.read_text(encoding="utf-8") + (
        "branding:\n  logo: brand/logo.svg\n  logo_alt: %s\n  primary: '#0f3d3e'\n"
        "  accent: '#0b6e4f'\n  font: '\"Source Sans 3\", Arial, sans-serif'\n"
        % json.dumps(alt)),
        encoding="utf-8")


def _linked(page: str, kind: str) -> str:
    return re.search(rf'/(theme/[a-z]+/{kind}-[0-9a-f]{{12}}\.[a-z]+)"', page).group(1)


def test_a_branded_build_links_the_brand_stylesheet_and_logo(tiny_site, tmp_path):
    _brand(tiny_site, alt="'\"><script>alert(1)</script>")
    output = Path(build_site(tiny_site, tmp_path / "out"))
    for page in ["index.html", "about/index.html", "grants/index.html", "404.html",
                 "releases/2021/northgate-grants-options/index.html"]:
        html = (output / page).read_text(encoding="utf-8")
        css, logo = _linked(html, "brand"), _linked(html, "logo")
        assert html.index("css/main-") < html.index(css)  # after main.css: it overrides
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    sheet = (output / css).read_text(encoding="utf-8")
    assert ":root{--brand:#0f3d3e;--brand-soft:#ffffff;--link:#0b6e4f;--focus:#0b6e4f;" in sheet
    assert '--font:"Source Sans 3", "Arial", sans-serif}' in sheet
    assert "@font-face" not in sheet and "url(" not in sheet and "@import" not in sheet
    assert (output / logo).read_bytes() == SVG
    assert not list(output.rglob("logo.svg"))  # only the hashed copy


def test_a_new_logo_re_renders_every_page(tiny_site, tmp_path):
    _brand(tiny_site)
    output = Path(build_site(tiny_site, tmp_path / "out", tmp_path / "cache"))
    before = _linked((output / "about" / "index.html").read_text(encoding="utf-8"), "logo")
    (tiny_site / "brand" / "logo.svg").write_bytes(SVG.replace(b"0 0 4 4", b"0 0 8 8"))
    output = Path(build_site(tiny_site, tmp_path / "out", tmp_path / "cache"))
    for page in ["about/index.html", "index.html", "releases/2021/northgate-grants-options/"
                 "index.html"]:
        after = _linked((output / page).read_text(encoding="utf-8"), "logo")
        assert after != before and (output / after).is_file()


def test_without_branding_no_brand_file_is_written(built_site):
    assert not list((built_site / "theme").rglob("brand-*"))
    assert "site-logo" not in (built_site / "index.html").read_text(encoding="utf-8")


def _nav(html: str) -> list[str]:
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">([^<>]+)</a>", nav)


def test_page_order_sets_the_navigation(tiny_site, tmp_path):
    pages = tiny_site / "pages"
    (pages / "governance.md").write_text("---\ntitle: Governance\npage_order: 1\n---\nBoard.\n")
    (pages / "contact.md").write_text("---\ntitle: Contact\n---\nWrite.\n")
    (pages / "zeta.md").write_text("---\ntitle: Zeta first\npage_order: -5\n---\nZ.\n")
    output = Path(build_site(tiny_site, tmp_path / "out"))
    nav = _nav((output / "index.html").read_text(encoding="utf-8"))
    about = next(n for n in nav if n.startswith("About"))
    # ordered pages lowest first, then the others by file name (about.md, contact.md)
    assert nav[nav.index("Search") + 1:] == ["Zeta first", "Governance", about, "Contact"]


def test_a_bad_page_order_is_a_path_line_error(tiny_site, tmp_path):
    (tiny_site / "pages" / "governance.md").write_text(
        "---\ntitle: Governance\npage_order: first\n---\nBoard.\n")
    with pytest.raises(DatelineError) as raised:
        build_site(tiny_site, tmp_path / "out")
    assert [str(p).split("/")[-1] for p in raised.value.problems] == [
        "governance.md:3: page_order: expected a whole number (pages are listed lowest first), "
        "found 'first'"]


def test_an_edited_stylesheet_re_renders_the_pages_that_link_it(tiny_site, tmp_path):
    """Pages name theme files by content hash, so their keys hold those names (THEME_FILES):
    an edit to main.css alone must not leave a reused page linking the old file."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("__pycache__"))
    output = Path(build_site(tiny_site, tmp_path / "out", tmp_path / "cache", THEME=str(theme)))
    before = _linked((output / "about" / "index.html").read_text(encoding="utf-8"), "main")
    css = theme / "static" / "css" / "main.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    output = Path(build_site(tiny_site, tmp_path / "out", tmp_path / "cache", THEME=str(theme)))
    after = _linked((output / "about" / "index.html").read_text(encoding="utf-8"), "main")
    assert after != before and (output / after).is_file()
