"""The dev server's fast path: an edited release's own page is live before the full rebuild.

Saving one release in `dateline serve` should show the edit in the open tab within a second
at 1k releases and a few seconds at 10k (issue 17 item 3), and a full incremental build
(validation of every file, list pages, feeds, the search export) takes longer. So the dev
server keeps the article generator of its last good build and, when the only change is the
body or front matter of a release that build published at the same URL, it validates that
one file, prepares it exactly as a build does (`releases.prepare_text` and `apply`), renders
its page with the same templates and context, and swaps that one file into the live folder.
The full atomic build runs straight after and replaces the whole folder, lists and search
included; until then only the edited page is new. Anything else (a new, moved or deleted
file, a problem in the file, a theme or settings change) goes straight to the full build.
Nothing here runs in `make html` or `make publish`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.readers import default_metadata, parse_path_metadata, path_metadata
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from dateline.build import releases
from dateline.content import publishing
from dateline.content.frontmatter import parse_file
from dateline.content.links import link_problems
from dateline.content.publishing import build_time
from dateline.content.reader import ReleaseReader
from dateline.content.validate import issuer_key_problems
from dateline.runtime import run as build_run

logger = logging.getLogger(__name__)


@dataclass
class LastBuild:
    """What the fast path needs of the dev server's last good build."""

    generator: ArticlesGenerator
    issuer: object
    final: Path

    def article(self, path: str):
        wanted = os.path.abspath(path)
        return next((a for a in self.generator.articles
                     if os.path.abspath(a.source_path) == wanted), None)


class Keeper:
    """Catches each build's article generator (all_generators_finalized); `settle` keeps it
    only once that build has succeeded."""

    def __init__(self, final: Path):
        self.final = final
        self._pending = None
        self.last: LastBuild | None = None
        signals.all_generators_finalized.connect(self._catch, weak=False)

    def _catch(self, generators) -> None:
        self._pending = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)

    def settle(self, succeeded: bool) -> None:
        """After each build: a good one that ran Pelican becomes the kept build; a failed one
        or one that found nothing changed leaves the live folder, and the kept build, as
        they were."""
        site = build_run.current().site
        if succeeded and self._pending is not None and site is not None:
            self.last = LastBuild(self._pending, site.issuer, self.final)
        self._pending = None


def quick_page(last: LastBuild | None, changed: set[str]) -> Path | None:
    """Write the edited release's page into the live folder; its path, or None when the
    change is not a one-release edit the fast path can show exactly."""
    if last is None or len(changed) != 1:
        return None
    [path] = changed
    old = last.article(path)
    if old is None or not os.path.isfile(path):
        return None
    new = _read(last, path, old)
    if new is None:
        return None
    settings = last.generator.settings
    prepared = releases.prepare_text(releases._job(new, build_time(settings).date()), last.issuer)
    releases.apply(new, last.issuer, settings, prepared)
    new.previous_release, new.next_release = old.previous_release, old.next_release
    if publishing.is_preview(settings):
        new.preview_notice = publishing.preview_notice(new, _clock())
    return _write(last, new)


def _read(last: LastBuild, path: str, old):
    """The edited release as a Pelican article, or None if it has a problem (the full build
    reports it) or would not be the same page (another URL, status or date)."""
    settings, generator = last.generator.settings, last.generator
    matter = parse_file(path, "release", settings)
    if (matter.problems or issuer_key_problems(matter, last.issuer)
            or link_problems(matter, settings)):
        return None
    reader = ReleaseReader(settings)
    source = os.path.relpath(path, generator.path)
    metadata = default_metadata(settings=settings, process=reader.process_metadata)
    metadata.update(path_metadata(full_path=path, source_path=source, settings=settings))
    metadata.update(parse_path_metadata(source_path=source, settings=settings,
                                        process=reader.process_metadata))
    metadata["reader"] = "release"
    metadata.update(reader.metadata(matter))
    new = Article(reader.render(matter.body), metadata=metadata, settings=settings,
                  source_path=path, context=generator.context)
    if hasattr(old, "override_save_as"):  # a previewed draft
        new.override_url, new.override_save_as = old.override_url, old.override_save_as
    same = (new.save_as == old.save_as and new.status == old.status and new.date == old.date)
    return new if same else None


def _write(last: LastBuild, article) -> Path:
    """Render as Pelican's `Writer.write_file` renders a release page (the same local
    context), into a scratch file beside the output, then replace the one live file: a new
    inode, so the last build's hard-linked files are never written through. No
    content_written signal: the sitemap and progress bars of a build running meanwhile
    must not count this page."""
    generator = last.generator
    name = article.save_as
    local = generator.context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if generator.settings["RELATIVE_URLS"]:
        local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
    local["output_file"] = name
    local.update(article=article, category=getattr(article, "category", None),
                 url=article.url, blog=True)
    html = generator.get_template(article.template).render(local)
    target = Path(sanitised_join(str(last.final), name))
    scratch = target.with_name(f".{target.name}.quick-{os.getpid()}")
    try:
        scratch.write_text(html, encoding="utf-8")
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def _clock():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)
