"""CPU per release of grant and milestone extraction, the way the build calls it.

Run ``.venv/bin/python -m bench.extraction [N ...]`` (default 10000). Releases come from the
corpus generator (``dateline_corpus``), are rendered once with the build's own Markdown
factory (``markup.render``), and then only ``extraction.extract_html`` is timed, in process
CPU seconds (``time.process_time``), best of three passes: other load on the machine changes
wall time far more than CPU time. Issue 12 asks for under 3 ms per release at 10,000.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from dateline.content import markup
from dateline.content.exchanges import parse_ticker
from dateline.facts.extraction import extract_html
from dateline_corpus.generator import iter_releases


def rendered(count: int) -> list[tuple[str, dict]]:
    """(body HTML, front matter) for count generated releases."""
    return [(markup.render(release.body_markdown), release.front_matter)
            for release in iter_releases(count)]


def _date(value) -> dt.date:
    return value.date() if isinstance(value,
                                      dt.datetime) else dt.date.fromisoformat(str(value)[:10])


def _exchanges(tickers) -> list[str]:
    """The exchange codes, as the build passes them (front matter's `ticker`, one or a list)."""
    listed = [tickers] if isinstance(tickers, str) else list(tickers or [])
    return [parse_ticker(text).exchange for text in listed]


def one_pass(releases: list[tuple[str, dict]]) -> float:
    """CPU seconds to extract every release once."""
    start = time.process_time()
    for html, matter in releases:
        exchanges = _exchanges(matter.get("ticker"))
        extract_html(html, release_date=_date(matter["date"]), exchanges=exchanges,
                     title=matter.get("title"))
    return time.process_time() - start


def main(argv: list[str]) -> int:
    for count in [int(arg) for arg in argv] or [10000]:
        print(f"rendering {count} generated releases...", file=sys.stderr)
        releases = rendered(count)
        best = min(one_pass(releases) for _ in range(3))
        print(f"{count} releases: extraction {1000 * best / count:.2f} ms CPU per release "
              f"(best of 3, {best:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
