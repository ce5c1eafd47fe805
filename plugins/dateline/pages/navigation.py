"""The order of the pages in the site's navigation: `page_order` in each page's front matter.

Pelican lists pages by file name, so a site whose About page should come before Governance
had to rename files. A page may set `page_order: N` (an integer, validated in
content/frontmatter.py); pages are listed by it, lowest first, and pages without one come
after, by file name as before. The list is sorted in place, so Pelican's context (the same
list) and the page keys (which fingerprint the pages in this order) follow it.
"""

from __future__ import annotations

import os


def nav_key(page) -> tuple:
    order = getattr(page, "page_order", None)
    name = os.path.basename(getattr(page, "source_path", "") or "")
    return (order is None, order if order is not None else 0, name)


def order_pages(generator) -> None:
    """page_generator_finalized: pages (and their translations) in navigation order."""
    generator.pages.sort(key=nav_key)
    generator.translations.sort(key=nav_key)
