"""The importer's own collection scored against collection.yaml: imported, drafted and why,
dates, tickers and titles right.

Run ``.venv/bin/python tests/importer_collection_eval.py [--only c76 c77 ...]`` from the project
folder. tests/test_importer_collection.py holds every field to collection.yaml; this prints the
counts (docs/importer.md, "Measured") and each draft's reasons.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent / "plugins"))

from dateline.importer import add_arguments, run  # noqa: E402
from dateline.importer.verify import split_document  # noqa: E402

FIXTURES = TESTS / "fixtures" / "import"
COLLECTION = FIXTURES / "collection"


def score(names: list[str]) -> dict:
    """Import the named sources in one batch and count what came out right."""
    expected = yaml.safe_load((FIXTURES / "collection.yaml").read_text(encoding="utf-8"))
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = Path(tempfile.mkdtemp()) / "releases"
    argv = [*(str(COLLECTION / n) for n in names), "--out", str(out), "--json",
            "--issuer", str(FIXTURES / "collection-issuer.yaml")]
    with contextlib.redirect_stdout(io.StringIO()) as stdout, contextlib.redirect_stderr(
            io.StringIO()):
        run(parser.parse_args(argv))
    counts = dict.fromkeys(("sources", "imported", "drafted", "date", "ticker", "title"), 0)
    drafts = []
    for entry in json.loads(stdout.getvalue())["sources"]:
        name, want = Path(entry["source"]).name, expected[Path(entry["source"]).name]
        counts["sources"] += 1
        if entry["result"] in ("imported", "drafted"):
            counts[entry["result"]] += 1
        if entry["result"] == "drafted":
            drafts.append((name, [p.split(": ", 1)[1] for p in entry["problems"]]))
        fields = split_document(Path(entry["file"]).read_text(encoding="utf-8"))[0] if entry.get(
            "file") else {}
        for key in ("date", "ticker", "title"):
            counts[key] += fields.get(key) == want.get(key)
    return {"counts": counts, "drafts": drafts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="name prefixes (c76 c77 ...); default all")
    args = parser.parse_args()
    names = sorted(p.name for p in COLLECTION.iterdir())
    if args.only:
        names = [n for n in names if n.startswith(tuple(args.only))]
    result = score(names)
    c = result["counts"]
    print(f"{c['sources']} source(s): {c['imported']} imported, {c['drafted']} drafted; dates right"
          f" {c['date']}/{c['sources']}, tickers {c['ticker']}/{c['sources']}, titles"
          f" {c['title']}/{c['sources']}")
    for name, reasons in result["drafts"]:
        print(f"  drafted {name}: " + " | ".join(reasons))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
