"""The documents library (`content/documents/documents.yaml`): reports, statements, decks.

Investors come for the annual report as much as for the news (issue 19 item 1). One YAML
list names each file with a key, title, date and kind; it is validated as strictly as
issuer.yaml (every problem `path:line: field: message`, all at once, the build stops), and a
draft or embargoed document is left out exactly as a release is (content/publishing.py):
`load_documents` returns only what may be published, so nothing else can leak it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from dateline.content import bounded_yaml, moments, publishing
from dateline.content.issuer import _field, _node_lines, _syntax_problem
from dateline.errors import DatelineError, Problem, expected

LIST_NAME = "documents.yaml"
FOLDER = "documents"
KINDS = ("annual-report", "financial-statements", "mdna", "aif", "technical-report",
         "presentation", "circular", "other")
KIND_TITLES = {"annual-report": "Annual reports", "financial-statements": "Financial statements",
               "mdna": "MD&A", "aif": "Annual information forms",
               "technical-report": "Technical reports", "presentation": "Presentations",
               "circular": "Circulars", "other": "Other documents"}
_FIELDS = ("key", "title", "date", "kind", "file", "lang", "release", "status", "embargo")
_REQUIRED = ("key", "title", "date", "kind", "file")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANG = re.compile(r"^[a-z]{2}$")
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # a plain name: the URL is /documents/<it>


@dataclass(frozen=True)
class Document:
    """One published document: where it is on the site and what the list page says of it."""

    key: str
    title: str
    date: dt.date
    kind: str
    lang: str
    url: str
    size_bytes: int
    format: str
    release: str | None
    source: Path  # the file in content/documents/, copied to `url`

    @property
    def size(self) -> str:
        return human_size(self.size_bytes)


def human_size(size: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as file managers show them)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def list_path(content_dir) -> Path:
    return Path(content_dir) / FOLDER / LIST_NAME


def load_documents(content_dir, *, release_slugs=None, lang: str = "en", now=None,
                   path_label=None) -> dict[str, Document]:
    """key -> Document for every published document; {} when there is no list.

    `release_slugs` (a set) checks each `release`; None skips that check. `now` is the build
    time (publishing.build_time); drafts and documents embargoed past it are left out."""
    source = list_path(content_dir)
    if not source.is_file():
        return {}
    label = str(path_label or source)
    try:
        node, entries = bounded_yaml.load(source.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as error:
        raise DatelineError([_syntax_problem(label, error)]) from None
    lines, problems = _node_lines(node, label) if node is not None else ({}, [])
    checker = _Checker(label, lines, source.parent, release_slugs, lang)
    checker.problems.extend(problems)
    documents = checker.documents(entries)
    if checker.problems:
        raise DatelineError(checker.problems)
    now = now or dt.datetime.now(dt.timezone.utc)
    return {d.key: d for d, status, embargo in documents
            if publishing.publishes(status, embargo or _start_of(d.date), now)}


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc)


class _Checker:
    """Walks the parsed list, collecting every problem before raising."""

    def __init__(self, path, lines, folder: Path, release_slugs, lang):
        self.path, self.lines, self.folder = path, lines, folder
        self.release_slugs, self.lang = release_slugs, lang
        self.problems: list[Problem] = []

    def line(self, keys: tuple) -> int:
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1

    def complain(self, keys, message) -> None:
        self.problems.append(Problem(self.path, self.line(keys), _field(keys), message))

    def expect(self, keys, what, found) -> None:
        self.problems.append(expected(self.path, self.line(keys), _field(keys), what, found))

    def documents(self, entries) -> list:
        if entries is None:
            return []
        if not isinstance(entries, list):
            self.expect((), "a list of documents (- key: ...)", entries)
            return []
        found, seen = [], {}
        for index, entry in enumerate(entries):
            document = self.entry((index,), entry)
            if document is None:
                continue
            key = document[0].key
            if key in seen:
                self.complain((index, "key"), f"duplicate key {key!r} (first on line {seen[key]})")
                continue
            seen[key] = self.line((index, "key"))
            found.append(document)
        return found

    def entry(self, at: tuple, entry):
        if not isinstance(entry, dict):
            self.expect(at, "a mapping with key, title, date, kind and file", entry)
            return None
        before = len(self.problems)
        for name in entry:
            if name not in _FIELDS:
                self.complain((*at, name), f"unknown field (expected one of {', '.join(_FIELDS)})")
        for name in _REQUIRED:
            if entry.get(name) in (None, ""):
                self.complain((*at, name), "required")
        values = {name: self.value((*at, name), name, entry[name])
                  for name in _FIELDS if entry.get(name) not in (None, "")}
        if len(self.problems) > before:
            return None
        name = values["file"]
        return (Document(values["key"], values["title"], values["date"], values["kind"],
                         values.get("lang", self.lang), f"{FOLDER}/{name}",
                         (self.folder / name).stat().st_size,
                         Path(name).suffix.lstrip(".").upper() or "FILE",
                         values.get("release"), self.folder / name),
                values.get("status", "published"), values.get("embargo"))

    def value(self, at, name, raw):
        check = getattr(self, f"check_{name}")
        return check(at, raw)

    def text(self, at, raw, what="text"):
        if not isinstance(raw, str) or not raw.strip():
            self.expect(at, what, raw)
            return None
        return raw.strip()

    def check_key(self, at, raw):
        value = self.text(at, raw)
        if value is not None and not _KEY.match(value):
            self.expect(at, "lowercase letters, digits and hyphens", raw)
        return value

    def check_title(self, at, raw):
        return self.text(at, raw)

    def check_kind(self, at, raw):
        if raw not in KINDS:
            self.expect(at, f"one of {', '.join(KINDS)}", raw)
        return raw

    def check_lang(self, at, raw):
        if not isinstance(raw, str) or not _LANG.match(raw):
            self.expect(at, "a two-letter language code such as en or fr", raw)
        return raw

    def check_status(self, at, raw):
        if raw not in ("published", "draft"):
            self.expect(at, "published or draft", raw)
        return raw

    def check_date(self, at, raw):
        try:
            day = dt.date.fromisoformat(str(raw))
        except ValueError:
            self.expect(at, "a date written YYYY-MM-DD", raw)
            return None
        if not moments.in_range(day.year):
            self.expect(at, moments.YEARS, raw)
        return day

    def check_embargo(self, at, raw):
        try:
            moment = dt.datetime.fromisoformat(str(raw))
        except ValueError:
            self.expect(at, "a date and time such as 2025-03-01T09:00:00-05:00", raw)
            return None
        if moment.tzinfo is None:
            self.expect(at, "a time with its UTC offset, e.g. -05:00", raw)
            return None
        return moment

    def check_file(self, at, raw):
        if not isinstance(raw, str) or not _FILE.match(raw) or ".." in raw:
            self.expect(at, "a file name in content/documents/ (letters, digits, . _ -)", raw)
            return None
        if not (self.folder / raw).is_file():
            self.complain(at, f"expected a file at content/{FOLDER}/{raw}, found none")
        return raw

    def check_release(self, at, raw):
        value = self.text(at, raw, "a release slug")
        if value is not None and self.release_slugs is not None \
                and value not in self.release_slugs:
            self.complain(at, f"no release has the slug {value!r}")
        return value
