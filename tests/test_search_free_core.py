"""The search process takes the build's main core once every page is written
(runtime/freecore.py): the index it writes that way is the index one process writes."""

import multiprocessing
import threading
import time

import pytest

from dateline.runtime import freecore
from dateline.runtime.freecore import FreeCore
from dateline.search import writer
from dateline.search.export import export_index
from dateline.search.index import open_index, update_index
from search_support import make_releases
from test_search_writer import index_contents


@pytest.fixture(scope="module")
def releases():
    return make_releases(240, seed=23)


def _small_slices(monkeypatch):
    monkeypatch.setattr(writer, "PARALLEL_MIN", 10)
    monkeypatch.setattr(writer, "SLICE_DOCS", 50)
    monkeypatch.setattr(freecore.os, "cpu_count", lambda: 2)


@pytest.mark.parametrize("freed_after", [0.0, 0.3, None])
def test_an_index_written_with_the_freed_core_equals_one_process(tmp_path, releases, monkeypatch,
                                                                 freed_after):
    update_index(tmp_path / "one", releases, cores=1)
    export_index(tmp_path / "one", tmp_path / "one-export", cores=1)
    _small_slices(monkeypatch)
    event = multiprocessing.get_context("spawn").Event()
    if freed_after is not None:  # None: the core never frees; the second worker still ends
        threading.Timer(freed_after, event.set).start()
    free = FreeCore(event)
    update_index(tmp_path / "two", releases, cores=1, free=free)
    assert free.workers(1) == 2  # a second worker was possible
    ix, _ = open_index(tmp_path / "two")
    assert len(ix._segments()) == 5  # one per slice, in slice order
    assert index_contents(tmp_path / "two") == index_contents(tmp_path / "one")
    export_index(tmp_path / "two", tmp_path / "two-export", cores=1)
    ours = {p.name: p.read_bytes() for p in (tmp_path / "two-export").iterdir()}
    theirs = {p.name: p.read_bytes() for p in (tmp_path / "one-export").iterdir()}
    assert ours == theirs and len(ours) > 10


def test_the_freed_core_counts_only_once_the_event_is_set():
    event = multiprocessing.get_context("spawn").Event()
    free = FreeCore(event)
    free.total = 2
    assert free.cores(1) == 1
    event.set()
    assert free.cores(1) == 2
    assert freecore.NONE.cores(1) == 1 and freecore.NONE.workers(1) == 1


def test_a_slot_waits_for_the_holder_or_the_event():
    event = multiprocessing.get_context("spawn").Event()
    free = FreeCore(event)
    free.total = 2
    assert free.workers(1) == 2
    entered = []
    with free.slot():
        waiter = threading.Thread(target=lambda: free.slot().__enter__() or entered.append(1))
        waiter.start()
        time.sleep(3 * freecore.POLL_SECONDS)
        assert not entered  # the one spare slot is held and the core is not free yet
        event.set()
        waiter.join(timeout=5)
        assert entered  # the freed core lets it in without a slot
