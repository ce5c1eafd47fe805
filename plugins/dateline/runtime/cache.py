"""A small persistent cache in CACHE_PATH: validated front matter and prepared releases.

Rebuilding after a one-line edit should cost what the edit costs. Results
are stored under a key that hashes everything they depend on (the file's
bytes or the release's HTML and settings, plus the plugin's own code), so a
stale entry can't be found, only missed. SQLite (standard library) lets a
build read just the entries it needs.

A damaged cache must cost a rebuild, never a wrong page. The file is checked
with `PRAGMA quick_check` when opened (a damaged one is set aside and started
afresh), and each row holds a checksum of its kind, key and value: a row whose
value was garbled, or moved under another key (another release), is a miss.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

PLUGIN_DIR = Path(__file__).resolve().parent.parent  # plugins/dateline


# Where the read, prepare and write path starts: every Dateline module these import (at any
# depth, function-level imports too) is below, in one list or the other; a test keeps it so.
OUTPUT_PATH_ROOTS = (
    "content.reader", "content.markup", "content.publishing", "build.releases", "build.pipeline",
    "pages.writer", "pages.registers", "pages.feeds", "pages.taxonomy", "pages.urls",
)

# The code a prepared release or a written page is made by: its digest is in every release's
# and page's key, so an edit here re-prepares and re-renders, and an edit elsewhere does not.
# (The names are in the keys too, so moving a module is a cache miss, never a stale hit.)
OUTPUT_MODULES = tuple(f"dateline.{name}" for name in (
    "settings", "errors",
    "content.reader", "content.markup", "content.sanitize", "content.frontmatter",
    "content.fields", "content.overrides", "content.exchanges", "content.issuer", "content.text",
    "content.documents",
    "content.publishing", "content.bounded_yaml", "content.moments",
    "build.releases",
    "facts.disclaimers", "facts.disclaimer_blocks", "facts.disclaimer_detection",
    "facts.disclaimer_legends", "facts.extraction", "facts.sentences", "facts.anchors",
    "facts.tables",
    "facts.fact_fields",
    "facts.grants", "facts.grant_mentions", "facts.grant_recipients", "facts.grant_parties",
    "facts.grant_rows",
    "facts.grant_terms", "facts.grant_vesting", "facts.grant_cues", "facts.grant_slots",
    "facts.grant_completion",
    "facts.grant_frame", "facts.grant_table_frames", "facts.asx_forms",
    "facts.milestones", "facts.milestone_dates", "facts.milestone_duplicates",
    "facts.milestone_events", "facts.milestone_paragraphs", "facts.milestone_kinds",
    "facts.milestone_status", "facts.milestone_filters", "facts.milestone_quotes",
    "facts.milestone_projects", "facts.milestone_clauses", "facts.milestone_event_dates",
    "facts.milestone_subjects",
    "facts.structured", "facts.leadline", "importer.detect",
    "importer.datelines", "importer.dates",
    "pages.urls", "pages.taxonomy", "pages.writer", "pages.pagekeys", "pages.feeds",
    "pages.registers", "pages.listpages", "pages.archive",
    "pages.brand_assets", "pages.navigation", "content.branding", "pages.labels",
))

# On the same path, but not what a cached release or page is made of: machinery that decides
# when, where and whether work runs, and steps whose output has its own key (the search
# export: `package_version`) or none (robots.txt is written afresh every build). The folders'
# own `__init__.py` hold a docstring only.
MACHINERY_MODULES = tuple(f"dateline.{name}" for name in (
    "runtime", "content", "facts", "pages", "build", "search",
    "build.pipeline", "build.site",
    "runtime.run", "runtime.ahead", "runtime.forking", "runtime.progress", "runtime.timing",
    "runtime.checkpoints", "runtime.cache", "runtime.records", "runtime.seals",
    "runtime.freecore",
    "pages.manifest", "pages.discovery",
    "content.validate", "content.contentwalk", "content.site_paths",
    "search.hook", "search.process", "search.export", "search.follow", "search.shardpatch",
    "search.index",
    "search.postings", "search.schema", "search.writer", "search.fold", "search.correct",
    "search.assets",
    "sitedefaults", "commands.init_command",
    "build.devserver", "build.preview_server", "build.quickedit", "content.links",
))


def _module_path(name: str) -> Path:
    relative = Path(*name.split(".")[1:])
    module = PLUGIN_DIR / relative.with_suffix(".py")
    return module if module.is_file() else PLUGIN_DIR / relative / "__init__.py"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the code that shapes releases and pages (`OUTPUT_MODULES`): the release
    cache, the front-matter cache, page keys and Pelican's reader caches are stale exactly
    when it changes. (An edit to the dev server, the importer or the CLI keeps them all.)"""
    digest = hashlib.sha256()
    for name in OUTPUT_MODULES:
        path = _module_path(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"(none)")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def package_version() -> str:
    """Digest of the whole plugin's source, for what any edit may change: the up-to-date
    check (the search export and robots.txt are output too) and the search export state."""
    digest = hashlib.sha256()
    for path in sorted(PLUGIN_DIR.rglob("*.py")):
        digest.update(path.relative_to(PLUGIN_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def digest(*parts) -> str:
    """A stable key from strings, bytes, numbers, dates and lists of them.

    `repr` of the tuple is unambiguous (strings are quoted and escaped) and runs in C,
    which matters: a 10,000-release build computes some 50,000 keys.
    """
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def row_check(kind: str, key: str, value: bytes) -> str:
    """The checksum that binds a cached value to the kind and key it was stored under."""
    return hashlib.sha256(repr((kind, key)).encode() + value).hexdigest()


class Store:
    """Key -> pickled value, one table per kind, written in one transaction per build."""

    TABLE = "checked_entry"  # (kind, key, value, checksum); the older `entry` table had none

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = self._open_checked(path)
        self._pending: list[tuple] = []
        self.used: dict[str, set] = {}
        self.hits = 0
        self.misses = 0
        self.damaged = 0

    def _open_checked(self, path: Path) -> sqlite3.Connection:
        try:
            return self._open(path)
        except sqlite3.DatabaseError as error:
            logger.warning("dateline: cache %s is damaged (%s); starting it afresh", path.name,
                           error)
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            return self._open(path)

    def _open(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(str(path))
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: "
                                            f"{verdict[0] if verdict else 'no answer'}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("DROP TABLE IF EXISTS entry")
            db.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (kind TEXT, key TEXT, value BLOB, "
                       "checksum TEXT, PRIMARY KEY (kind, key))")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, kind: str, key: str):
        self.used.setdefault(kind, set()).add(key)
        try:
            row = self._db.execute(
                f"SELECT value, checksum FROM {self.TABLE} WHERE kind=? AND key=?", (kind, key)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = (b"", "")  # a damaged page that quick_check did not reach
        if row is None:
            self.misses += 1
            return None
        value = self._checked_value(kind, key, row)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        return value

    def _checked_value(self, kind: str, key: str, row):
        value, checksum = row
        if isinstance(value, bytes) and checksum == row_check(kind, key, value):
            try:
                return pickle.loads(value)
            except Exception:  # noqa: BLE001 - a matching checksum over an unloadable pickle
                pass
        self._note_damage(kind, key)
        return None

    def _note_damage(self, kind: str, key: str) -> None:
        if not self.damaged:
            logger.warning(
                "dateline: cache %s holds damaged entries (first: %s %s...); recomputing them",
                self.path.name,
                kind,
                key[:12],
            )
        self.damaged += 1

    def contains(self, kind: str, key: str) -> bool:
        """Whether an entry exists, without loading it (or counting a hit or miss)."""
        try:
            row = self._db.execute(
                f"SELECT value, checksum FROM {self.TABLE} WHERE kind=? AND key=?", (kind, key)
            ).fetchone()
        except sqlite3.DatabaseError:
            return False
        return row is not None and isinstance(row[0], bytes) and row[1] == row_check(
            kind, key, row[0])

    def put(self, kind: str, key: str, value) -> None:
        self.used.setdefault(kind, set()).add(key)
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.append((kind, key, blob, row_check(kind, key, blob)))
        if len(self._pending) >= self.FLUSH_EVERY:
            self._flush()

    # New entries are written in batches of this many, so a 10,000-release build does not
    # hold 100 MB of pickles until its end. Writing early is safe: keys hash their inputs, so
    # an entry from a build that later fails is still true, and unused ones are pruned.
    FLUSH_EVERY = 500

    def _flush(self) -> None:
        with self._db:
            self._db.executemany(f"INSERT OR REPLACE INTO {self.TABLE} VALUES (?, ?, ?, ?)",
                                 self._pending)
        self._pending.clear()

    def commit(self, prune: bool = True) -> None:
        """Write new entries and (after a whole build) drop the ones this build did not use."""
        self._flush()
        with self._db:
            for kind, keys in (self.used.items() if prune else ()):
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM live")
                self._db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((k,) for k in keys))
                self._db.execute(
                    f"DELETE FROM {self.TABLE} WHERE kind=? AND key NOT IN (SELECT key FROM live)",
                    (kind,),
                )
        self._pending.clear()

    def close(self) -> None:
        self._db.close()


def open_store(settings) -> Store | None:
    """The build's store, or None when Pelican's CACHE_CONTENT is off."""
    if not settings.get("CACHE_CONTENT", False):
        return None
    return Store(Path(settings["CACHE_PATH"]) / "dateline.sqlite")


READER_CODE_STAMP = "dateline-reader-code"


def drop_stale_reader_caches(settings) -> None:
    """Pelican's reader caches (`*-Readers` in CACHE_PATH) know a file by its mtime only, so
    HTML rendered by older plugin code (an older sanitiser) would be served again after an
    upgrade. They are dropped whenever the code or settings that render Markdown change."""
    if not settings.get("CACHE_CONTENT", False):
        return
    folder = Path(settings["CACHE_PATH"])
    from importlib import metadata

    versions = [metadata.version(name) for name in ("pelican", "Markdown", "nh3")]
    current = digest(code_version(), versions, repr(settings.get("MARKDOWN")))
    stamp = folder / READER_CODE_STAMP
    try:
        if stamp.read_text(encoding="utf-8") == current:
            return
    except OSError:
        pass
    for cache in folder.glob("*-Readers"):
        logger.info("dateline: the renderer changed; dropping Pelican's reader cache %s",
                    cache.name)
        cache.unlink(missing_ok=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp.write_text(current, encoding="utf-8")
    except OSError as error:  # the caches go again next time: slower, never stale
        logger.warning("dateline: cannot record the renderer version in %s: %s", stamp,
                       error.strerror)
