"""Search benchmark: Dateline's index and client against Pagefind, on the same built site.

`python -m bench.search` (`make bench-search`) generates corpora of 1k and 10k releases
(`BENCH_QUICK=1`: 1k only) with `dateline_corpus`, builds each site once with Dateline, then:
- times Dateline's index build + export on a fresh index folder and Pagefind's indexing of
  the same release pages;
- in headless Chromium, on a local static server that counts bytes, runs a cold one-word
  query and a fixed set of warm queries with each client, loading 10 result records, and a
  cold query per class (rare, common, phrase, stop words, typo) on loopback and throttled;
- does the per-class cold queries again on the lean corpus (5 KB bodies of dictionary
  words, bench.search_bytes.lean_documents), written as plain release pages for Pagefind.
Prints a table and writes bench/results/search-<timestamp>.json.

Environment: BENCH_QUICK=1, BENCH_DIR (work folder, default .cache/bench-search),
BENCH_REUSE=1 (reuse a site built by an earlier run; development only).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import json
import logging
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SEED = 1
RECORDS = 10  # result records loaded per query: one page of results
COLD_WORD = "drilling"
# One-word queries from the generated corpus's vocabulary, common to rare.
WORDS = ["drilling", "financing", "options", "production", "copper", "gold", "agreement",
         "results", "director", "revenue", "exploration", "permit", "shares", "lithium",
         "clinical", "acquisition", "appoints", "study", "placement", "commissioning"]
COLD_RUNS = 3
# Pagefind indexes what Dateline indexes: the release pages' title, tickers, tags and body,
# without sidebars, legal blocks, archival notice and pager.
PAGEFIND_GLOB = "releases/*/*/index.html"
PAGEFIND_ROOT = "article.release"
PAGEFIND_EXCLUDE = ".release-legal, .release-aside, .release-pager, .archival-notice, .print-only"
COMPRESSIBLE = {".js", ".mjs", ".json", ".html", ".css", ".svg"}
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic"]
BENCH_PAGE = b"<!doctype html><meta charset=utf-8><title>search bench</title>"

DATELINE_QUERY = """async ({word, records, client: path}) => {
  const t0 = performance.now();
  const client = await import(path);
  if (!window.__engine) window.__engine = client.init(new URL("/search/", location.href));
  const result = await client.search(word);
  const docs = await Promise.all(result.hits.slice(0, records).map((h) => h.data()));
  return {ms: performance.now() - t0, total: result.total, urls: docs.map((d) => d.url)};
}"""

PAGEFIND_QUERY = """async ({word, records}) => {
  const t0 = performance.now();
  if (!window.__pagefind) {
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.init();
    window.__pagefind = pagefind;
  }
  const result = await window.__pagefind.search(word);
  const docs = await Promise.all(result.results.slice(0, records).map((r) => r.data()));
  return {ms: performance.now() - t0, total: result.results.length, urls: docs.map((d) => d.url)};
}"""

ENGINES = {"dateline": DATELINE_QUERY, "pagefind": PAGEFIND_QUERY}


# --- the site ------------------------------------------------------------------------------


def build_corpus_site(count: int, work: Path, reuse: bool) -> tuple[Path, list, float]:
    """Generate and build a site of count releases once; return (output, documents, seconds)."""
    from dateline_corpus.generator import generate

    base = work / str(count)
    output = base / "output"
    saved = base / "documents.pickle"
    if reuse and (output / "search" / "manifest.json").exists() and saved.exists():
        logger.info("bench: reusing the %s-release site in %s", count, base)
        return output, pickle.loads(saved.read_bytes()), float("nan")
    generate(count, base / "content", seed=SEED, clean=True)
    documents, seconds = build_capturing_documents(base)
    if len(documents) != count or not all(doc.body for doc in documents):
        raise SystemExit(f"bench: the build gave {len(documents)} releases, some without text")
    saved.write_bytes(pickle.dumps(documents))
    return output, documents, seconds


def build_capturing_documents(base: Path) -> tuple[list, float]:
    """Build with Dateline, keeping the SearchDocuments the build indexed."""
    from pelican import signals

    from dateline.build.build import build
    from dateline.search.hook import search_documents

    captured: list = []  # the articles generator

    def keep_documents(generator):
        captured.append(generator)  # read after the build, once every plugin enriched it

    signals.article_generator_finalized.connect(keep_documents)
    started = time.perf_counter()
    try:
        build(str(ROOT / "pelicanconf.py"), {
            "PATH": str(base / "content"), "OUTPUT_PATH": str(base / "output"),
            "CACHE_PATH": str(base / "cache")})
    finally:
        signals.article_generator_finalized.disconnect(keep_documents)
    seconds = time.perf_counter() - started
    return list(search_documents(captured[-1].articles)), seconds


# --- indexing ------------------------------------------------------------------------------


def folder_bytes(folder: Path, only=lambda p: True) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and only(p))


def index_dateline(documents: list, work: Path) -> dict:
    """Time update_index + export_index on a fresh index folder."""
    from dateline.search.export import export_index
    from dateline.search.index import update_index

    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    update_index(work / "ix", documents)
    stats = export_index(work / "ix", work / "export")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": folder_bytes(work / "export"), "files": stats.files,
            "shards": stats.shards, "terms": stats.terms, "documents": stats.documents}


def pagefind_index_file(path: Path) -> bool:
    """Pagefind's index data, not its UI bundles or the JS/WASM runtime."""
    return path.suffix.startswith(".pf_")


def index_pagefind(site: Path, glob: str = PAGEFIND_GLOB) -> dict:
    """Time Pagefind's CLI indexing the release pages of the built site."""
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob,
               "--root-selector", PAGEFIND_ROOT, "--exclude-selectors", PAGEFIND_EXCLUDE,
               "--silent"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - started
    pages = len(list(bundle.glob("fragment/*.pf_fragment")))
    return {"seconds": seconds, "bytes": folder_bytes(bundle, pagefind_index_file),
            "bundle_bytes": folder_bytes(bundle), "documents": pages}


# --- a static server that counts bytes ----------------------------------------------------


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site; record the body bytes of every response; serve the bench page."""

    extensions_map: ClassVar[dict] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript",
                      ".json": "application/json", ".wasm": "application/wasm"}

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length":
            self._length = int(value)
        super().send_header(keyword, value)

    def do_GET(self):
        if self.path.split("?")[0] == "/__bench.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(BENCH_PAGE)))
            self.end_headers()
            self.wfile.write(BENCH_PAGE)
            return
        self._length = 0
        super().do_GET()
        self.server.log.append((self.path.split("?")[0], self._length))

    def log_message(self, *args):
        pass


class CountingServer:
    """A threaded static server on 127.0.0.1 that logs (path, bytes) per request."""

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(CountingHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.log = []
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._gzip: dict[str, int] = {}
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list:
        """Return and clear the request log."""
        log, self.httpd.log = self.httpd.log, []
        return log

    def gzip_bytes(self, path: str, raw: int) -> int:
        """What a CDN would send: text gzipped; Pagefind's files are compressed already."""
        if Path(path).suffix not in COMPRESSIBLE:
            return raw
        if path not in self._gzip:
            data = (self.root / path.lstrip("/")).read_bytes()
            self._gzip[path] = len(gzip.compress(data, compresslevel=6))
        return self._gzip[path]

    def tally(self, log: list) -> dict:
        log = [(p, n) for p, n in log if p != "/favicon.ico"]  # the browser's, not the client's
        return {"requests": len(log), "bytes": sum(n for _, n in log),
                "gzip_bytes": sum(self.gzip_bytes(p, n) for p, n in log)}

    def close(self):
        self.httpd.shutdown()


# --- queries in Chromium ---------------------------------------------------------------------


# Network shapes for cold queries: loopback, and a slow mobile link through Chrome DevTools.
NETWORKS = {"loopback": None,
            "throttled": {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
                          "uploadThroughput": 1_600_000 / 8}}
# Query classes: the rare word is found in the export (bench.search_bytes.rare_word).
CLASS_QUERIES = {"common": "drilling", "phrase": '"private placement"', "stop word": "the of and",
                 "typo": "comissioning"}
CLIENT = {"path": "/theme/js/search/index.js"}  # set to the built, hashed client per site


def run_query(page, engine: str, word: str) -> dict:
    return page.evaluate(ENGINES[engine],
                         {"word": word, "records": RECORDS, "client": CLIENT["path"]})


def cold_query(browser, server: CountingServer, engine: str, query: str, network: str) -> dict:
    """One query in a fresh context (nothing cached), on the given network shape."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + "/__bench.html")
        if NETWORKS[network]:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", NETWORKS[network])
        server.take()
        answer = run_query(page, engine, query)
        return {"ms": answer["ms"], "total": answer["total"], **server.tally(server.take())}
    finally:
        context.close()


def measure_classes(browser, server: CountingServer, site: Path) -> dict:
    """{network: {class: {engine: cold query}}}, each the median ms of COLD_RUNS runs."""
    from bench.search_bytes import rare_word

    queries = dict(CLASS_QUERIES, rare=rare_word(site / "search"))
    out = {}
    for network in NETWORKS:
        for kind, query in queries.items():
            for engine in ENGINES:
                runs = [cold_query(browser, server, engine, query, network) for _
                        in range(COLD_RUNS)]
                row = dict(runs[0], ms=statistics.median(r["ms"] for r in runs), query=query)
                out.setdefault(network, {}).setdefault(kind, {})[engine] = row
    return out


def print_classes(count: int, classes: dict) -> None:
    print(f"\nCold first query per class, {count:,} releases (gzip bytes, requests, median ms):")
    for network, kinds in classes.items():
        for kind, engines in kinds.items():
            d, p = engines["dateline"], engines["pagefind"]
            print(f"  {network:9} {kind:9} Dateline {d['gzip_bytes']:7,} B {d['requests']:2} req "
                  f"{d['ms']:7.0f} ms ({d['total']} hits) | Pagefind {p['gzip_bytes']:7,} B "
                  f"{p['requests']:2} req {p['ms']:7.0f} ms ({p['total']} hits)")


def measure_engine(browser, server: CountingServer, engine: str) -> dict:
    """Cold query (fresh context, median of COLD_RUNS) and warm queries for one client."""
    cold = []
    for _ in range(COLD_RUNS):
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(server.url + "/__bench.html")
            server.take()
            answer = run_query(page, engine, COLD_WORD)
            cold.append({**answer, **server.tally(server.take())})
        finally:
            context.close()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + "/__bench.html")
        run_query(page, engine, COLD_WORD)  # init: runtime and manifest loaded
        server.take()
        first, repeat, answers = [], [], {}
        for word in WORDS:
            answer = run_query(page, engine, word)
            first.append({"ms": answer["ms"], **server.tally(server.take())})
            answers[word] = answer
        for word in WORDS:
            repeat.append(run_query(page, engine, word)["ms"])
    finally:
        context.close()
    return {
        "cold": {"ms": statistics.median(c["ms"] for c in cold), "bytes": cold[0]["bytes"],
                 "gzip_bytes": cold[0]["gzip_bytes"], "requests": cold[0]["requests"],
                 "total_hits": cold[0]["total"]},
        "warm_new_word": {"ms_median": statistics.median(f["ms"] for f in first),
                          "bytes_median": statistics.median(f["bytes"] for f in first),
                          "gzip_bytes_median": statistics.median(f["gzip_bytes"] for f in first)},
        "warm_repeat": {"ms_median": statistics.median(repeat), "ms_max": max(repeat)},
        "answers": answers,
    }


def top_overlap(dateline: dict, pagefind: dict) -> dict:
    """Share of Dateline's top results that Pagefind also ranks in its top RECORDS, per word."""
    shares = {}
    for word in WORDS:
        ours = {u.strip("/") for u in dateline[word]["urls"]}
        theirs = {u.strip("/") for u in pagefind[word]["urls"]}
        shares[word] = len(ours & theirs) / max(1, min(len(ours), len(theirs)))
    return {"median": statistics.median(shares.values()), "per_word": shares,
            "hits": {w: [dateline[w]["total"], pagefind[w]["total"]] for w in WORDS}}


def measure_browser(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    use_client(site)
    server = CountingServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                measured = {name: measure_engine(browser, server, name) for name in ENGINES}
                classes = measure_classes(browser, server, site)
            finally:
                browser.close()
    finally:
        server.close()
    measured["overlap"] = top_overlap(measured["dateline"].pop("answers"),
                                      measured["pagefind"].pop("answers"))
    measured["classes"] = classes
    return measured


def use_client(site: Path) -> None:
    """Point the bench's queries at the one minified, hashed client the build wrote."""
    clients = sorted((site / "theme" / "js").glob("search-*.js"))
    if clients:
        CLIENT["path"] = "/" + clients[-1].relative_to(site).as_posix()


def measure_classes_only(site: Path) -> dict:
    """Cold queries per class in Chromium, both engines, both networks (the lean site)."""
    from playwright.sync_api import sync_playwright

    use_client(site)
    server = CountingServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                return measure_classes(browser, server, site)
            finally:
                browser.close()
    finally:
        server.close()


# --- the lean corpus as a site ----------------------------------------------------------------

LEAN_GLOB = "releases/*/*/index.html"
LEAN_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>{title}</title>
<body><main><article class="release"><h1>{title}</h1><p>{tickers} · {tags}</p><p>{body}</p>
</article></main></body></html>
"""


def write_lean_site(documents: list, site: Path) -> None:
    """The lean corpus as plain release pages (what Pagefind indexes) and Dateline's client."""
    from html import escape

    from dateline.search.assets import write_client

    shutil.rmtree(site, ignore_errors=True)
    for doc in documents:
        page = site / doc.url / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(LEAN_PAGE.format(title=escape(doc.title), body=escape(doc.body),
                                         tickers=escape(" ".join(doc.tickers)),
                                         tags=escape(" ".join(doc.tags))))
    write_client(ROOT / "theme" / "static", site / "theme")


def bench_lean(count: int, work: Path) -> dict:
    """The lean corpus (bench.search_bytes.lean_documents): index both ways, then cold queries
    per class in Chromium, loopback and throttled, as for the project's corpus."""
    from bench.search_bytes import lean_documents

    documents = lean_documents(count)
    site = work / ("lean-%d" % count) / "site"
    write_lean_site(documents, site)
    dateline = index_dateline(documents, work / ("lean-%d" % count) / "dateline-index")
    shutil.copytree(work / ("lean-%d" % count) / "dateline-index" / "export", site / "search")
    pagefind = index_pagefind(site, LEAN_GLOB)
    return {
        "releases": count,
        "index": {"dateline": dateline, "pagefind": pagefind},
        "classes": measure_classes_only(site),
    }


def print_lean(result: dict) -> None:
    ix = result["index"]
    print(
        f"\nLean corpus, {result['releases']:,} releases: index build + export "
        f"{ix['dateline']['seconds']:.1f} s (Pagefind {ix['pagefind']['seconds']:.1f} s)"
    )
    print_classes(result["releases"], result["classes"])


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    raise SystemExit("bench: Chromium not found (apt-get install chromium)")


# --- report ----------------------------------------------------------------------------------


def bench_size(count: int, work: Path, reuse: bool) -> dict:
    logger.info("bench: %s releases", count)
    site, documents, build_seconds = build_corpus_site(count, work, reuse)
    dateline = index_dateline(documents, work / str(count) / "dateline-index")
    pagefind = index_pagefind(site)
    browser = measure_browser(site)
    return {
        "releases": count,
        "documents": len(documents),
        "site_build_seconds": build_seconds,
        "index": {"dateline": dateline, "pagefind": pagefind},
        "browser": browser,
    }


def ratio(a, b):
    return a / b if b else float("nan")


def rows(result: dict) -> list:
    """(label, dateline, pagefind, format) rows for one corpus size."""
    ix, br = result["index"], result["browser"]
    d, p = br["dateline"], br["pagefind"]
    return [
        ("index build + export s", ix["dateline"]["seconds"], ix["pagefind"]["seconds"], "{:.2f}"),
        ("index bytes (data files)", ix["dateline"]["bytes"], ix["pagefind"]["bytes"], "{:,}"),
        ("cold query bytes (served)", d["cold"]["bytes"], p["cold"]["bytes"], "{:,}"),
        ("cold query bytes (gzip)", d["cold"]["gzip_bytes"], p["cold"]["gzip_bytes"], "{:,}"),
        ("cold query requests", d["cold"]["requests"], p["cold"]["requests"], "{}"),
        ("cold query ms", d["cold"]["ms"], p["cold"]["ms"], "{:.1f}"),
        (
            "warm new word ms (median)",
            d["warm_new_word"]["ms_median"],
            p["warm_new_word"]["ms_median"],
            "{:.2f}",
        ),
        (
            "warm new word bytes gzip (median)",
            d["warm_new_word"]["gzip_bytes_median"],
            p["warm_new_word"]["gzip_bytes_median"],
            "{:,.0f}",
        ),
        (
            "warm repeat ms (median)",
            d["warm_repeat"]["ms_median"],
            p["warm_repeat"]["ms_median"],
            "{:.2f}",
        ),
    ]


def print_table(results: list) -> None:
    for result in results:
        print(
            f"\n{result['releases']:,} releases ({result['documents']:,} indexed; "
            f"site build {result['site_build_seconds']:.1f} s, Pelican cache kept between runs)"
        )
        print(f"  {'':36} {'Dateline':>12} {'Pagefind':>12} {'ratio':>7}")
        for label, ours, theirs, fmt in rows(result):
            print(
                f"  {label:36} {fmt.format(ours):>12} {fmt.format(theirs):>12} "
                f"{ratio(ours, theirs):>7.2f}"
            )
        overlap = result["browser"]["overlap"]
        print(
            f"  top-{RECORDS} overlap with Pagefind (median over {len(WORDS)} words): "
            f"{overlap['median']:.2f}"
        )
        print_classes(result["releases"], result["browser"]["classes"])
    print_targets(results[-1])


def targets(result: dict) -> dict:
    ix, br = result["index"], result["browser"]
    d, p = br["dateline"], br["pagefind"]
    return {
        "cold bytes <= 1/4 of Pagefind (gzip)": d["cold"]["gzip_bytes"]
        <= p["cold"]["gzip_bytes"] / 4,
        "cold bytes <= 1/4 of Pagefind (served)": d["cold"]["bytes"] <= p["cold"]["bytes"] / 4,
        "warm repeat query <= 5 ms median": d["warm_repeat"]["ms_median"] <= 5,
        "warm new-word query <= 5 ms median": d["warm_new_word"]["ms_median"] <= 5,
        "index build + export <= 1.5x Pagefind": ix["dateline"]["seconds"]
        <= 1.5 * ix["pagefind"]["seconds"],
    }


def print_targets(result: dict) -> None:
    print(f"\nTargets at {result['releases']:,} releases:")
    for label, met in targets(result).items():
        print(f"  [{'met' if met else 'MISSED'}] {label}")


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("pelican", "dateline", "PIL", "markdown"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        import pagefind_bin  # noqa: F401  (the binary wheel behind `python -m pagefind`)
    except ImportError:
        raise SystemExit("bench: Pagefind missing: .venv/bin/pip install -r requirements/bench.txt")
    quick = os.environ.get("BENCH_QUICK") == "1"
    reuse = os.environ.get("BENCH_REUSE") == "1"
    work = Path(os.environ.get("BENCH_DIR", ROOT / ".cache" / "bench-search"))
    sizes = [1000] if quick else [1000, 10000]
    results = [bench_size(count, work, reuse) for count in sizes]
    print_table(results)
    # the lean corpus (short bodies, dictionary words): the same classes in Chromium
    lean = [bench_lean(count, work) for count in sizes]
    for result in lean:
        print_lean(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"search-{stamp}.json"
    payload = {
        "seed": SEED,
        "records": RECORDS,
        "cold_word": COLD_WORD,
        "words": WORDS,
        "quick": quick,
        "results": results,
        "lean": lean,
        "targets": targets(results[-1]),
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
    }
    path.write_text(json.dumps(payload, indent=2, sort_keys=True))
    print(f"\nwrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
