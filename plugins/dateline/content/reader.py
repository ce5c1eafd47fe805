"""The Pelican reader for releases and pages: YAML front matter + Markdown body."""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import escape
from pelican.readers import BaseReader
from pelican.urlwrappers import Tag

from dateline.build import site
from dateline.content import markup
from dateline.content.frontmatter import kind_of, parse_file
from dateline.errors import DatelineError
from dateline.runtime import progress
from dateline.runtime.timing import phase

logger = logging.getLogger(__name__)

# front-matter names that become Pelican metadata under another name
RENAMED = {
    "ticker": "tickers",
    "disclaimer": "disclaimer_key",
    "legends": "legend_keys",
    "contacts": "contact_keys",
    "grants": "grants_override",
    "milestones": "milestones_override",
}


class ReleaseReader(BaseReader):
    """Reads `.md` files whose YAML front matter was already validated."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        with phase("read"):
            kind = kind_of(Path(source_path), Path(self.settings["PATH"]))
            matter = parse_file(source_path, kind, self.settings, site.store())
            if matter.problems:
                raise DatelineError(matter.problems)
            progress.advance("read")
            html, metadata = self.render(matter.body), self.metadata(matter)
        if kind == "release":  # the pipeline decides what follows a read (it prepares ahead)
            from dateline.build import pipeline

            pipeline.release_rendered(source_path, html, metadata, self.settings)
        return html, metadata

    def render(self, body: str) -> str:
        """Markdown to HTML with one converter per reader: building one loads every extension."""
        if getattr(self, "_converter", None) is None:
            self._converter = markup.converter(self.settings)
        return self._converter.reset().convert(body)

    def metadata(self, matter) -> dict:
        """Turn checked front matter into Pelican metadata (tags, slug, dates, extras)."""
        metadata = {"slug": matter.slug, "kind": matter.kind}
        for name, value in matter.fields.items():
            if name == "tags":
                metadata["tags"] = [Tag(tag, self.settings) for tag in value]
            elif name == "summary":
                metadata["summary"] = str(escape(value))
            else:
                metadata[RENAMED.get(name, name)] = value
        metadata.setdefault("status", "published")
        metadata["front_matter_lines"] = dict(matter.lines)
        return metadata


def add_reader(readers):
    """readers_init signal: our reader takes over .md and .markdown, and Pelican's readers of
    other formats (HTML, reStructuredText, .mkd) are turned off: they would publish raw HTML
    unchecked. Validation reports such files as errors."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is not BaseReader and extension not in ReleaseReader.file_extensions:
            readers.reader_classes[extension] = None
    for extension in ReleaseReader.file_extensions:
        readers.reader_classes[extension] = ReleaseReader
