"""`make bench`: Dateline's build against plain Pelican on the same generated releases.

For each corpus size (1,000 quick; 10,000 headline) it measures, in one run:
- the full build from cold caches, Dateline and plain Pelican (the ratio);
- Dateline's rebuilds: nothing changed, one release touched (same bytes, new
  mtime), one release body edited, one release added (each as a fraction of
  Dateline's full build);
- Dateline's time in validation, extraction, disclaimers, search indexing and export;
- peak memory;
- the dev server's edit preview: save one release -> the served page has the new text
  (bench/preview.py; `dateline serve` in its own process, a few edits, the median);
and then runs `make bench-search` (Pagefind beside Dateline) on its own sites.

Every build runs in a fresh interpreter (bench/measure.py). The table is
printed and written as JSON to bench/results/ (the search benchmark writes
its own search-*.json there). BENCH_QUICK=1 runs 1k only and skips search;
BENCH_SIZES=10000 picks sizes and BENCH_SEARCH=0 skips the search benchmark.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results"
SIZES_QUICK = (1000,)
SIZES_FULL = (1000, 10000)
EDIT_MARK = "Field crews"  # a phrase in generated bodies, away from the summary


def measure(kind: str, settings_file: Path, overrides: dict) -> dict:
    """One build in a fresh interpreter; returns bench.measure's figures."""
    command = [sys.executable, "-m", "bench.measure", kind, str(settings_file),
               json.dumps(overrides)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    lines = [line for line in run.stdout.splitlines() if line.startswith("BENCH-RESULT ")]
    if run.returncode != 0 or not lines:
        raise SystemExit(f"bench: {kind} build failed:\n{run.stderr[-3000:]}")
    return json.loads(lines[-1].split(" ", 1)[1])


def corpus(count: int) -> Path:
    """The deterministic corpus of `count` releases (kept between runs; only changes are
    rewritten)."""
    from dateline_corpus.generator import generate

    content = WORK / f"n{count}" / "content"
    started = time.perf_counter()
    generate(count, content, seed=1, clean=True)
    print(f"  corpus: {count} releases in {content} ({time.perf_counter() - started:.1f} s)",
          flush=True)
    return content


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def pick_release(content: Path) -> Path:
    """A release whose body has the edit mark, chosen the same way every run."""
    for path in sorted(content.glob("releases/*/*.md")):
        if EDIT_MARK in path.read_text(encoding="utf-8"):
            return path
    return sorted(content.glob("releases/*/*.md"))[0]


def dateline_rows(content: Path, base: Path) -> dict:
    """Full build and the four rebuilds, all into the same output and cache."""
    settings_file = ROOT / "pelicanconf.py"
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(fresh(base / "output")),
                 "CACHE_PATH": str(fresh(base / "cache"))}
    rows = {"full": measure("dateline", settings_file, overrides)}
    rows["unchanged"] = measure("dateline", settings_file, overrides)
    target = pick_release(content)
    original = target.read_text(encoding="utf-8")
    os.utime(target)
    rows["touched"] = measure("dateline", settings_file, overrides)
    try:
        target.write_text(original.replace(EDIT_MARK, "After the benchmark edit, field crews", 1),
                          encoding="utf-8")
        rows["edited"] = measure("dateline", settings_file, overrides)
        added = target.with_name("bench-added-release.md")
        added.write_text(original.replace("\nslug: ", "\nslug: bench-added-", 1), encoding="utf-8")
        rows["added"] = measure("dateline", settings_file, overrides)
    finally:
        target.write_text(original, encoding="utf-8")
        (target.with_name("bench-added-release.md")).unlink(missing_ok=True)
    return rows


def pelican_row(content: Path, base: Path) -> dict:
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(fresh(base / "plain-output")),
                 "CACHE_PATH": str(fresh(base / "plain-cache"))}
    return measure("pelican", ROOT / "bench" / "plainconf.py", overrides)


def run_size(count: int) -> dict:
    print(f"\n== {count} releases", flush=True)
    content = corpus(count)
    base = WORK / f"n{count}"
    plain = pelican_row(content, base)
    print(f"  plain Pelican full build: {plain['seconds']:.1f} s", flush=True)
    rows = dateline_rows(content, base)
    print(f"  Dateline full build: {rows['full']['seconds']:.1f} s", flush=True)
    from bench.preview import measure_preview

    preview = measure_preview(content, base, pick_release(content), EDIT_MARK)
    print(f"  dev server, save -> served page: {preview['median']:.2f} s", flush=True)
    return {"releases": count, "pelican": plain, "dateline": rows, "preview": preview}


def table(results: list[dict]) -> str:
    lines = []
    for result in results:
        plain, rows = result["pelican"], result["dateline"]
        full = rows["full"]["seconds"]
        lines.append(f"\n{result['releases']:,} releases")
        lines.append(f"  {'build':34} {'seconds':>8} {'ratio':>8} {'peak MB':>9}")
        lines.append(
            f"  {'plain Pelican, full':34} {plain['seconds']:8.1f} {'1.00':>8} "
            f"{plain.get('tree_peak_mb', 0):9.0f}"
            f"  ({plain['peak_mb']:.0f} MB RSS)"
        )
        peak = rows["full"].get("tree_peak_mb", 0)
        lines.append(
            f"  {'Dateline, full':34} {full:8.1f} {full / plain['seconds']:8.2f}x {peak:9.0f}"
            f"  (all processes, Pss; main process {rows['full']['peak_mb']:.0f} MB RSS,"
            f" largest child {rows['full']['child_peak_mb']:.0f} MB RSS)"
        )
        for name, label in (("unchanged", "nothing changed"), ("touched", "one release touched"),
                            ("edited", "one release body edited"), ("added", "one release added")):
            seconds = rows[name]["seconds"]
            lines.append(f"  {'Dateline rebuild, ' + label:34} {seconds:8.1f}"
                         f" {seconds / full:8.0%} of full")
        if "preview" in result:
            edits = ", ".join(f"{s:.2f}" for s in result["preview"]["edits"])
            lines.append(f"  {'dev server, save -> served page':34} "
                         f"{result['preview']['median']:8.2f}   median of {edits} s")
        phases = rows["full"]["phases"]
        shown = ("validate", "read", "disclaimers", "extraction", "search index", "search export",
                 "search wait")
        lines.append("  full build phases: "
                     + ", ".join(f"{p} {phases.get(p, 0):.1f} s" for p in shown))
    return "\n".join(lines)


def main() -> int:
    quick = os.environ.get("BENCH_QUICK") == "1"
    sizes = SIZES_QUICK if quick else SIZES_FULL
    # e.g. BENCH_SIZES=10000 BENCH_SEARCH=0 for the build rows alone
    if os.environ.get("BENCH_SIZES"):
        sizes = tuple(int(n) for n in os.environ["BENCH_SIZES"].split(","))
    started = time.perf_counter()
    results = [run_size(count) for count in sizes]
    report = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "quick": quick,
        "builds": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(table(results))
    if not quick and os.environ.get("BENCH_SEARCH", "1") != "0":
        print("\n== search: Dateline against Pagefind (make bench-search)", flush=True)
        subprocess.run([sys.executable, "-m", "bench.search"], cwd=ROOT, check=True)
    print(f"\nwritten to {out.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
