"""The release archive by year: `/releases/2024/`, then `/releases/2024/page/2/`.

`/releases/` itself (Pelican's `archives` direct template) is the index of years with
their counts; each year has its own pages here, newest release first, at most
`PAGINATED_TEMPLATES["year_archive"]` to a page (listpages.py). Pelican's own period
archives are not used: they find each year's releases with a list scan per release
(quadratic: seconds at 10,000 releases), and they would page as `index2.html`.
"""

from __future__ import annotations

from pelican.generators import Generator

from dateline.pages.listpages import by_year, per_page, write_list

TEMPLATE = "year_archive"


def year_of(article) -> int:
    """The year in the release's URL (ARTICLE_URL formats `{date:%Y}`)."""
    return article.date.year


def year_counts(articles) -> list[tuple[int, int]]:
    """(year, releases) newest first, for the year navigation."""
    return [(year, len(items)) for year, items in by_year(articles, year_of)]


class ArchiveGenerator(Generator):
    """Writes each year's archive pages once the releases are read and withheld."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        articles = sorted(self.context.get("articles", []), key=lambda a: a.date, reverse=True)
        years = by_year(articles, year_of)
        counts = [(year, len(items)) for year, items in years]
        size = per_page(self.settings, TEMPLATE)
        for year, items in years:
            write_list(self, writer, TEMPLATE, f"releases/{year}/", items, size,
                       year=year, years=counts, page_name=f"releases/{year}/index")
