"""Lists that stay small at any archive size: pages of at most N items, in clean folders.

A list that holds every release (the archive, the timeline, the register) grows with the
archive: at 1,000 releases the one-page archive was 739 KB and the timeline 864 KB. Here a
list is cut into pages of at most `per_page` items, written as folders like every other URL
(`releases/2024/`, `releases/2024/page/2/`), the same shape as Pelican's own pagination of
the home and tag pages (`PAGINATION_PATTERNS` in pelicanconf.py). The cap per list is a
Pelican setting, `PAGINATED_TEMPLATES[name]` (else `DEFAULT_PAGINATION`), so a page's size
is bounded by the settings, never by the number of releases.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

PAGE_FOLDER = "page/{number}/"


@dataclass(frozen=True)
class ListPage:
    """One page of a list: its number, where it is and where its neighbours are."""

    base: str  # the list's first page, e.g. "releases/2024/"
    number: int
    count: int  # pages in the list
    total: int  # items in the list
    items: list

    @property
    def url(self) -> str:
        return page_url(self.base, self.number)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    def links(self) -> dict:
        """What the templates' pager reads (plain values, so the page key can hash them)."""
        return {
            "number": self.number,
            "count": self.count,
            "total": self.total,
            "url": self.url,
            "previous": page_url(self.base, self.number - 1) if self.number > 1 else None,
            "next": page_url(self.base, self.number + 1) if self.number < self.count else None,
        }


def page_url(base: str, number: int) -> str:
    """`base` for page 1, `base` + "page/N/" after it."""
    return base if number == 1 else base + PAGE_FOLDER.format(number=number)


def per_page(settings, name: str) -> int:
    """The most items a page of list `name` holds: PAGINATED_TEMPLATES[name], else
    DEFAULT_PAGINATION (a positive whole number either way)."""
    value = (settings.get("PAGINATED_TEMPLATES") or {}).get(name)
    value = value or settings.get("DEFAULT_PAGINATION") or 20
    return value if isinstance(value, int) and value > 0 else 20


def paginate(base: str, items: list, size: int) -> list[ListPage]:
    """The list cut into pages of at most `size` items; an empty list is one empty page."""
    items = list(items)
    count = max(1, -(-len(items) // size))
    return [ListPage(base, n + 1, count, len(items), items[n * size:(n + 1) * size])
            for n in range(count)]


def by_year(items, year_of) -> list[tuple[int, list]]:
    """(year, items of that year) newest year first; the items keep their order."""
    groups: dict[int, list] = {}
    for year, group in groupby(items, key=year_of):
        groups.setdefault(year, []).extend(group)
    return sorted(groups.items(), reverse=True)


def write_list(generator, writer, template: str, base: str, items: list, size: int,
               **kwargs) -> list[ListPage]:
    """Write every page of one list with `template`; each page gets `rows` (its items) and
    `listing` (ListPage.links) besides `kwargs`."""
    pages = paginate(base, items, size)
    for page in pages:
        writer.write_file(page.save_as, generator.get_template(template), generator.context,
                          relative_urls=generator.settings["RELATIVE_URLS"], url=page.url,
                          rows=page.items, listing=page.links(), **kwargs)
    return pages
