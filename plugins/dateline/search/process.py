"""The search process: bring the Whoosh index and its browser export up to date.

`search.hook.start_search` starts this in a fresh interpreter while Pelican
writes pages. The process imports this module, so it imports nothing of
Pelican (no writer, no generators): its memory is the index's alone.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import sys
from pathlib import Path

from dateline.runtime.checkpoints import reached
from dateline.runtime.freecore import NONE, FreeCore

logger = logging.getLogger("dateline.search.hook")  # the name its log lines always had


def index_and_export(index_dir: Path, documents: list, export_dir: Path,
                     live_dir: Path | None = None,
                     index_cores: int | None = None, export_cores: int | None = None,
                     free: FreeCore = NONE) -> None:
    """Bring the Whoosh index up to date, then the export: reused, followed or written whole
    (search/follow.py). Both also take the `free` core once the build's main process idles
    (runtime/freecore.py)."""
    from dateline.search.follow import update_export
    from dateline.search.index import update_index

    indexed = update_index(index_dir, documents, index_cores, free)
    if export_cores is not None:
        export_cores = free.cores(export_cores)
    timings = {"search index": indexed.seconds}
    live_search = live_dir / "search" if live_dir is not None else None
    exported = update_export(index_dir, export_dir, live_search, documents, export_cores)
    if exported["how"] != "reused":
        timings["search export"] = exported["seconds"]
    Path(index_dir).with_name("search-timing.json").write_text(
        json.dumps(timings), encoding="utf-8")


def run_search_process(index_dir, documents_file, export_dir, live_dir, log_level,
                       pages_done=None) -> None:
    """The search process's entry point: read the documents, update, export; exit 1 on failure.

    pages_done: the Event the build sets once it only waits for search (its core is free)."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("dateline").setLevel(log_level)
    try:
        documents = pickle.loads(documents_file.read_bytes())
        documents_file.unlink()
        # Pelican keeps one core busy writing pages: the index and the export get the others.
        # (Measured at 10k on two cores: a two-process export slowed an edit's rebuild by a
        # third, as its workers took CPU from the page writer.)
        spare = max(1, (os.cpu_count() or 1) - 1)
        # Once every page is written, the writer's core is free too (runtime/freecore.py).
        index_and_export(index_dir, documents, export_dir, live_dir, index_cores=spare,
                         export_cores=spare, free=FreeCore(pages_done))
        reached("search-exported")
    except BaseException:
        logger.exception("search: indexing failed")
        sys.exit(1)
