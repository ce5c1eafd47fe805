"""robots.txt pointing at the sitemap, so crawlers find every public release."""

from __future__ import annotations

from pathlib import Path


def write_robots(pelican_object) -> None:
    """finalized signal: write robots.txt unless the content folder ships its own."""
    settings = pelican_object.settings
    target = Path(pelican_object.output_path) / "robots.txt"
    if target.exists():
        return
    site_url = settings.get("SITEURL", "")
    lines = ["User-agent: *", "Allow: /", ""]
    if site_url.startswith("http"):
        lines.insert(2, f"Sitemap: {site_url}/sitemap.xml")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
