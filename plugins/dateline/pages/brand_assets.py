"""The issuer's branding as files pages load: a small stylesheet and the logo, hashed.

issuer.yaml's `branding:` is validated with the issuer (content/branding.py). Here its values
become `theme/css/brand-<hash>.css` (CSS custom properties over main.css's defaults) and
`theme/img/logo-<hash>.svg|png`, written into the build before any page, and the templates
get their paths as BRAND. A separate file, not an inline `<style>`: the theme works under a
strict Content-Security-Policy (no inline style), and like every theme file the names carry
a content hash, so a host may cache them forever and a deploy never mixes versions. The page
keys hold BRAND (pages/writer.py), so a new logo or colour re-renders every page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dateline.content.branding import stylesheet

HASH_CHARS = 12


def _write_hashed(folder: Path, stem: str, suffix: str, blob: bytes) -> str:
    name = "%s-%s%s" % (stem, hashlib.sha256(blob).hexdigest()[:HASH_CHARS], suffix)
    target = folder / name
    if not (target.exists() and target.read_bytes() == blob):
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    return name


def publish_branding(generator, issuer) -> None:
    """article_generator_finalized: write the brand files; BRAND (or None) into the context."""
    branding = getattr(issuer, "branding", None)
    if branding is None or branding == type(branding)():
        generator.context["BRAND"] = None
        return
    static_dir = generator.settings.get("THEME_STATIC_DIR", "theme")
    output = Path(generator.output_path) / static_dir
    brand = {"css": "%s/css/%s" % (static_dir, _write_hashed(
        output / "css", "brand", ".css", stylesheet(branding).encode("utf-8")))}
    if branding.logo:
        logo = _write_hashed(output / "img", "logo", branding.logo.suffix.lower(),
                             branding.logo.read_bytes())
        brand.update(logo="%s/img/%s" % (static_dir, logo), logo_alt=branding.logo_alt)
    generator.context["BRAND"] = brand
