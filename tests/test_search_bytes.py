"""What a first query downloads, at 1,000 releases of the project's corpus: bytes (gzip) and
requests per query class, client included, against the issue's budgets (set for 10,000
releases, so they hold here with room). Also: the client is one minified, hashed file."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import search_bytes  # noqa: E402
from dateline.search import assets  # noqa: E402


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    work = tmp_path_factory.mktemp("bytes")
    export_dir, client = search_bytes.export(search_bytes.corpus_documents(1000), work)
    return search_bytes.measure(export_dir, client), client


@pytest.mark.parametrize("kind", sorted(search_bytes.BUDGETS))
def test_a_first_query_stays_in_its_budget(measured, kind):
    row = measured[0][kind]
    most_bytes, most_requests = search_bytes.BUDGETS[kind]
    assert row["gzip_bytes"] <= most_bytes, row["files"]
    assert most_requests is None or row["requests"] <= most_requests, row["files"]
    assert kind == "stop word" or row["total"] > 0


def test_stop_words_fetch_only_the_client(measured):
    assert [name for name, _ in measured[0]["stop word"]["files"]] == ["client"]


def test_typing_a_misspelt_word_warms_its_lexicon_before_enter(measured):
    cold = [name for name, _ in measured[0]["typo"]["files"]]
    after_typing = [name for name, _ in measured[0]["typo after typing"]["files"]]
    assert any(name.startswith("lex-") for name in cold)
    assert not any(name.startswith(("lex-", "manifest", "terms-")) for name in after_typing), (
        after_typing
    )
    assert measured[0]["typo after typing"]["total"] == measured[0]["typo"]["total"] > 0


def test_the_client_is_one_minified_file_named_by_its_content(measured):
    client = measured[1]
    text = client.read_text("utf-8")
    assert client.name == assets.hashed_name("search", client.read_bytes(), ".js")
    assert "\nimport " not in text and "/**" not in text and "\n  " not in text
    source = assets.join_modules(ROOT / "theme" / "static" / "js" / "search")
    assert len(text) < 0.8 * len(source)


def test_two_modules_declaring_one_name_are_refused(tmp_path):
    (tmp_path / "ui.js").write_text('import { a } from "./b.js";\nconst x = 1;\n')
    (tmp_path / "b.js").write_text("export const a = 1;\nconst x = 2;\n")
    with pytest.raises(assets.BundleError, match="declares x"):
        assets.join_modules(tmp_path)
