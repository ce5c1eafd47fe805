"""The grants register (/grants/) and milestones timeline (/milestones/), with CSV and JSON.

Both are lists that grow with the archive, so each is an index page (totals, the years)
plus pages per year of at most `PAGINATED_TEMPLATES["grants"]` or `["milestones"]` rows
(listpages.py): `/grants/2024/`, `/milestones/2024/page/2/`, newest first;
`/grants/recipients/` has every recipient's totals and `/milestones/planned/` the
planned milestones, soonest first.

Both read only the published releases Pelican is writing, so drafts and
embargoed releases can't reach them.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections import defaultdict
from pathlib import Path

from pelican.generators import Generator

from dateline.pages.listpages import by_year as by_year_of
from dateline.pages.listpages import paginate, per_page, write_list
from dateline.pages.urls import url_of
from dateline.settings import dateline_settings

logger = logging.getLogger(__name__)

# /grants/ shows the recipients with the most securities; all are on /grants/recipients/.
TOP_RECIPIENTS = 20

from dateline.facts.fact_fields import GRANT_COLUMNS, MILESTONE_COLUMNS  # noqa: E402,F401


def _release_fields(article) -> dict:
    return {"release_date": article.date.date().isoformat(), "release_title": article.title,
            "release_url": url_of(article)}


def grant_rows(articles) -> list[dict]:
    """Every grant with its release, newest release first."""
    rows = []
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        release = _release_fields(article) if getattr(article, "grants", None) else None
        for grant in getattr(article, "grants", []):
            row = dict(release)
            row.update({k: v for k, v in grant.items() if k != "anchor"})
            row["anchor"] = grant.get("anchor")
            rows.append(row)
    return rows


def milestone_rows(articles) -> list[dict]:
    """Every milestone with its release; undated ones sort at their release date."""
    rows = []
    for article in articles:
        release = _release_fields(article) if getattr(article, "milestones", None) else None
        for milestone in getattr(article, "milestones", []):
            row = dict(release)
            row.update({k: v for k, v in milestone.items() if k != "anchor"})
            row["anchor"] = milestone.get("anchor")
            row["sort_date"] = sort_date(milestone.get("date")) or row["release_date"]
            rows.append(row)
    return sorted(rows, key=lambda r: (r["sort_date"], r["release_date"], r["release_url"]))


def sort_date(date: str | None) -> str | None:
    """Where a milestone date sorts: a quarter or half at its first month ("2014-Q3" ->
    "2014-07"), so it sits among the months it covers; other dates as they are."""
    if not date or len(date) != 7 or date[5] not in "QH":
        return date
    first = {"Q": (int(date[6]) - 1) * 3 + 1, "H": (int(date[6]) - 1) * 6 + 1}[date[5]]
    return f"{date[:4]}-{first:02d}"


def totals(rows, key) -> list[tuple]:
    """(key, number of grants, securities granted) for register summaries."""
    count, number = defaultdict(int), defaultdict(int)
    for row in rows:
        name = key(row)
        count[name] += 1
        number[name] += row.get("number") or 0
    return [(name, count[name], number[name]) for name in count]


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection):
# `=HYPERLINK(...)` in a recipient or `=cmd|...` in a sentence would run when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe.

    A carriage return becomes a line feed: the writer quotes cells holding its line ending
    ("\n") only, and a bare "\r" in an unquoted cell splits the row for most readers."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def csv_cell(value):
    """A cell as a CSV reader expects it: booleans as JSON writes them (`true`/`false`, not
    Python's `True`), text neutralised (neutralise_cell), numbers as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_cell(value)


def to_csv(rows, columns) -> str:
    """CSV of the rows' columns; numbers stay numbers, text can never become a formula."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: csv_cell(row.get(c)) for c in columns} for row in rows)
    return buffer.getvalue()


def absolute_links(rows, settings) -> list[dict]:
    """Rows whose release_url is absolute (SITEURL/...) when the build has a public address:
    a downloaded CSV or JSON file is read away from the site, where a relative link leads
    nowhere. Local and RELATIVE_URLS builds keep the site-relative links."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if not siteurl or settings.get("RELATIVE_URLS") or not re.match(r"^https?://", siteurl):
        return rows
    return [dict(row, release_url=f"{siteurl}/{row['release_url']}") for row in rows]


def to_json(rows, columns) -> str:
    """A JSON array with one record per line: readable, diffable, and written by json's C
    encoder (an indented dump goes through the pure-Python one, seconds for 30,000 rows)."""
    records = [json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n"


class RegisterGenerator(Generator):
    """Writes the register and timeline pages once all releases are enriched."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if not dateline_settings(self.settings)["register"]:
            return
        articles = self.context.get("articles", [])
        grants = grant_rows(articles)
        milestones = milestone_rows(articles)
        self._write_grants(writer, grants)
        self._write_milestones(writer, milestones)
        logger.info("dateline: register has %d grant(s); timeline has %d milestone(s)",
                    len(grants), len(milestones))

    def _write_grants(self, writer, rows):
        by_year = sorted(totals(rows, lambda r: r["release_date"][:4]), reverse=True)
        by_recipient = sorted(totals(rows, lambda r: r["recipient"]), key=lambda t: (-t[2], t[0]))
        size = per_page(self.settings, "grants")
        writer.write_file("grants/index.html", self.get_template("grants"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="grants/",
                          grant_totals_by_year=by_year, grant_count=len(rows),
                          grant_totals_by_recipient=by_recipient[:TOP_RECIPIENTS],
                          recipient_count=len(by_recipient), page_name="grants/index")
        for year, items in by_year_of(rows, lambda r: int(r["release_date"][:4])):
            write_list(self, writer, "grants_list", f"grants/{year}/", items, size,
                       year=year, years=[(y, c) for y, c, _ in by_year],
                       page_name=f"grants/{year}/index")
        write_list(self, writer, "grants_recipients", "grants/recipients/", by_recipient, size,
                   page_name="grants/recipients/index")
        self._write_data("grants", rows, GRANT_COLUMNS)

    def _write_milestones(self, writer, rows):
        achieved = [r for r in reversed(rows) if r["status"] == "achieved"]  # newest first
        planned = [r for r in rows if r["status"] == "planned"]  # soonest first
        years = by_year_of(achieved, lambda r: int(r["sort_date"][:4]))
        counts = [(year, len(items)) for year, items in years]
        size = per_page(self.settings, "milestones")
        planned_pages = paginate("milestones/planned/", planned, size)
        writer.write_file("milestones/index.html", self.get_template("milestones"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="milestones/",
                          milestone_years=counts, planned_milestones=planned_pages[0].items,
                          planned_listing=planned_pages[0].links(),
                          page_name="milestones/index")
        for year, items in years:
            write_list(self, writer, "milestones_list", f"milestones/{year}/", items, size,
                       year=year, years=counts, planned=False,
                       page_name=f"milestones/{year}/index")
        if planned:
            write_list(self, writer, "milestones_list", "milestones/planned/", planned, size,
                       year=None, years=counts, planned=True,
                       page_name="milestones/planned/index")
        self._write_data("milestones", rows, MILESTONE_COLUMNS)

    def _write_data(self, name, rows, columns):
        rows = absolute_links(rows, self.settings)
        folder = Path(self.output_path) / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.csv").write_text(to_csv(rows, columns), encoding="utf-8")
        (folder / f"{name}.json").write_text(to_json(rows, columns), encoding="utf-8")


def get_generators(pelican_object):
    """get_generators signal: add the register generator after Pelican's own."""
    return RegisterGenerator
