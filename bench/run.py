"""`make bench`: Dateline's build against plain Pelican on the same generated releases.

For each corpus profile (the default "corpus": rich newswire releases; "lean": short
dictionary-word releases, dateline_corpus/lean.py) and each size (1,000 quick; 10,000
headline; 50,000 only when asked) it measures, in one run:
- the full build from cold caches, plain Pelican and Dateline interleaved BENCH_REPEAT times
  (default 2: plain, Dateline, plain, Dateline), each pair's ratio and the spread;
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
BENCH_SIZES=10000 picks sizes (BENCH_SIZES=1000,10000,50000 for the growth rows),
BENCH_PROFILES=lean picks profiles and BENCH_SEARCH=0 skips the search benchmark. The growth
table (time and peak memory per size, per 1,000 releases) is printed for every profile run at
more than one size; the memory bar (1 GiB over all processes at 10k) is marked.
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
PROFILES = ("corpus", "lean")
MEMORY_BAR_MB = 1024
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


def corpus(count: int, profile: str) -> Path:
    """The deterministic corpus of `count` releases of a profile (kept between runs; only
    changes are rewritten)."""
    from dateline_corpus.generator import generate

    content = WORK / f"{profile}-n{count}" / "content"
    started = time.perf_counter()
    generate(count, content, seed=1, clean=True, profile=profile)
    print(f"  corpus: {count} {profile} releases in {content}"
          f" ({time.perf_counter() - started:.1f} s)", flush=True)
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


def dateline_overrides(content: Path, base: Path) -> dict:
    return {"PATH": str(content), "OUTPUT_PATH": str(fresh(base / "output")),
            "CACHE_PATH": str(fresh(base / "cache"))}


def dateline_rebuilds(content: Path, base: Path, rows: dict) -> None:
    """The four rebuilds, into the output and cache of the last full build."""
    settings_file = ROOT / "pelicanconf.py"
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(base / "output"),
                 "CACHE_PATH": str(base / "cache")}
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


def pelican_row(content: Path, base: Path) -> dict:
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(fresh(base / "plain-output")),
                 "CACHE_PATH": str(fresh(base / "plain-cache"))}
    return measure("pelican", ROOT / "bench" / "plainconf.py", overrides)


def run_size(count: int, profile: str, repeat: int) -> dict:
    """Plain Pelican and Dateline full builds interleaved `repeat` times, then the rebuilds."""
    print(f"\n== {count} releases, {profile} profile", flush=True)
    content = corpus(count, profile)
    base = WORK / f"{profile}-n{count}"
    plains, fulls = [], []
    for turn in range(repeat):
        plains.append(pelican_row(content, base))
        fulls.append(measure("dateline", ROOT / "pelicanconf.py",
                             dateline_overrides(content, base)))
        print(f"  pair {turn + 1}: plain Pelican {plains[-1]['seconds']:.1f} s,"
              f" Dateline {fulls[-1]['seconds']:.1f} s"
              f" ({fulls[-1]['seconds'] / plains[-1]['seconds']:.2f}x)", flush=True)
    rows = {"full": fulls[-1], "fulls": fulls}
    dateline_rebuilds(content, base, rows)
    from bench.preview import measure_preview

    preview = measure_preview(content, base, pick_release(content), EDIT_MARK)
    print(f"  dev server, save -> served page: {preview['median']:.2f} s", flush=True)
    return {"releases": count, "profile": profile, "pelican": plains[-1], "pelicans": plains,
            "dateline": rows, "preview": preview}


def _ratios(result: dict) -> list[float]:
    return [full["seconds"] / plain["seconds"]
            for plain, full in zip(result["pelicans"], result["dateline"]["fulls"])]


def table(results: list[dict]) -> str:
    lines = []
    for result in results:
        rows = result["dateline"]
        full = rows["full"]["seconds"]
        ratios = _ratios(result)
        lines.append(f"\n{result['releases']:,} releases, {result['profile']} profile")
        lines.append(f"  {'build':34} {'seconds':>8} {'ratio':>8} {'peak MB':>9}")
        for turn, (plain_run, full_run) in enumerate(zip(result["pelicans"], rows["fulls"])):
            lines.append(
                f"  {'plain Pelican, full (pair %d)' % (turn + 1):34} {plain_run['seconds']:8.1f}"
                f" {'1.00':>8} {plain_run.get('tree_peak_mb', 0):9.0f}"
                f"  ({plain_run['peak_mb']:.0f} MB RSS)")
            lines.append(
                f"  {'Dateline, full (pair %d)' % (turn + 1):34} {full_run['seconds']:8.1f}"
                f" {ratios[turn]:7.2f}x {full_run.get('tree_peak_mb', 0):9.0f}"
                f"  (all processes, Pss; main {full_run['peak_mb']:.0f} MB RSS,"
                f" largest child {full_run['child_peak_mb']:.0f} MB RSS;"
                f" CPU {full_run['cpu_seconds']:.0f} s vs {plain_run['cpu_seconds']:.0f} s)")
        lines.append(f"  ratio over {len(ratios)} interleaved pairs: {min(ratios):.2f}x"
                     f" to {max(ratios):.2f}x")
        peak = max(run.get("tree_peak_mb", 0) for run in rows["fulls"])
        bar = ("" if result["releases"] != 10000 else
               f" ({'within' if peak <= MEMORY_BAR_MB else 'OVER'} the {MEMORY_BAR_MB} MB bar)")
        lines.append(f"  peak memory over all processes: {peak:.0f} MB{bar}")
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
    return "\n".join(lines) + growth(results)


def growth(results: list[dict]) -> str:
    """Time and peak memory per size, and per 1,000 releases, for profiles run at 2+ sizes."""
    lines = []
    for profile in PROFILES:
        mine = sorted((r for r in results if r["profile"] == profile),
                      key=lambda r: r["releases"])
        if len(mine) < 2:
            continue
        lines.append(f"\ngrowth, {profile} profile (best of the interleaved full builds)")
        lines.append(f"  {'releases':>9} {'Dateline s':>11} {'s/1k':>6} {'peak MB':>8}"
                     f" {'MB/1k':>6} {'plain s':>8} {'s/1k':>6} {'peak MB':>8}")
        for result in mine:
            thousands = result["releases"] / 1000
            full = min(result["dateline"]["fulls"], key=lambda run: run["seconds"])
            plain = min(result["pelicans"], key=lambda run: run["seconds"])
            lines.append(
                f"  {result['releases']:9,} {full['seconds']:11.1f}"
                f" {full['seconds'] / thousands:6.2f} {full['tree_peak_mb']:8.0f}"
                f" {full['tree_peak_mb'] / thousands:6.1f} {plain['seconds']:8.1f}"
                f" {plain['seconds'] / thousands:6.2f} {plain['tree_peak_mb']:8.0f}")
    return "\n".join(lines)


def main() -> int:
    quick = os.environ.get("BENCH_QUICK") == "1"
    sizes = SIZES_QUICK if quick else SIZES_FULL
    # e.g. BENCH_SIZES=10000 BENCH_SEARCH=0 for the build rows alone
    if os.environ.get("BENCH_SIZES"):
        sizes = tuple(int(n) for n in os.environ["BENCH_SIZES"].split(","))
    profiles = tuple(os.environ.get("BENCH_PROFILES", ",".join(PROFILES)).split(","))
    unknown = set(profiles) - set(PROFILES)
    if unknown:
        raise SystemExit(f"bench: BENCH_PROFILES: unknown profile {', '.join(sorted(unknown))}"
                         f" (known: {', '.join(PROFILES)})")
    repeat = int(os.environ.get("BENCH_REPEAT", "1" if quick else "2"))
    started = time.perf_counter()
    results = [run_size(count, profile, repeat) for profile in profiles for count in sizes]
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
