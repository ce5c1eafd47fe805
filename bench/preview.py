"""The dev server's edit preview: from saving one release to the served page holding the edit.

`make bench` runs this on the corpora it generates (and `python -m bench.preview N` on its
own): it starts `dateline serve` on a free port over the corpus, waits for the first build,
then edits one release body a few times and, for each save, polls the release's URL until
the page served has the new text. The figure is wall time from the save (file closed) to
that response, so it includes the watcher's debounce, the rebuild and the swap. The issue's
bar (issue 17 item 3): under 1 s at 1k releases, under 3 s at 10k.
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITS = 3
FIRST_BUILD_TIMEOUT = 3600.0  # a cold 10k build on a loaded 2-core machine
TIMEOUT = 600.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _settings(content: Path, base: Path) -> Path:
    conf = base / "previewconf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F401,F403\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(base / 'preview-cache')!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n",
        encoding="utf-8")
    return conf


def _url(release: Path) -> str:
    text = release.read_text(encoding="utf-8")
    year = re.search(r"^date: ['\"]?(\d{4})", text, re.M).group(1)
    slug = re.search(r"^slug: ['\"]?([a-z0-9-]+)", text, re.M)
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", release.stem)
    return f"releases/{year}/{slug.group(1) if slug else stem}/"


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, limit: float) -> float:
    """Poll every 20 ms until the page at `url` holds `text`; the time it took."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"bench preview: {url} did not show {text!r} within {limit:.0f} s")


def measure_preview(content: Path, base: Path, release: Path, mark: str) -> dict:
    """Seconds from save to served page for EDITS body edits of `release` (median, each)."""
    port = _free_port()
    output = base / "preview-output"  # kept with its cache between runs, as a dev server's is
    command = [sys.executable, "-m", "dateline.commands.cli", "-q", "serve",
               "-s", str(_settings(content, base)), "-o", str(output), "-p", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    original = release.read_text(encoding="utf-8")
    url = f"http://localhost:{port}/{_url(release)}"
    try:
        first = _wait_for(url, "</html>", FIRST_BUILD_TIMEOUT)
        time.sleep(1.0)  # let the watcher settle after the first build
        seconds = []
        for number in range(EDITS):
            word = f"Previewedit{number}zq"
            release.write_text(original.replace(mark, f"{word} {mark}", 1), encoding="utf-8")
            seconds.append(_wait_for(url, word, TIMEOUT))
            time.sleep(0.5)
    finally:
        release.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return {"first_build": first, "edits": seconds, "median": statistics.median(seconds)}


def main(argv=None) -> int:
    from bench.run import EDIT_MARK, WORK, corpus, pick_release

    count = int((argv or sys.argv[1:] or ["1000"])[0])
    content = corpus(count)
    result = measure_preview(content, WORK / f"n{count}", pick_release(content), EDIT_MARK)
    print(f"{count:,} releases: first build {result['first_build']:.1f} s; save -> served page "
          + ", ".join(f"{s:.2f} s" for s in result["edits"])
          + f" (median {result['median']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
