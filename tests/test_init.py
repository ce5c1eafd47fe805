"""`dateline init`: a new issuer's site, built with no further edit, naming only that issuer.

The end-to-end test runs the README's "Start your own site" commands as written (read from
README.md, so the two cannot drift), in a temporary folder, with this checkout's `dateline` on
PATH as the README says, then reads every file of the built site.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dateline.commands import init_command
from dateline.commands.cli import main
from dateline.errors import DatelineError

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FLAGS = ["--name", "Kestrel Lithium Ltd.", "--ticker", "TSXV:KLI", "--website",
         "https://kestrel.example", "--timezone", "America/Vancouver"]


def readme_commands() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Start your own site\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def run_shell(script: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """The README's command sequence, run as written in an empty folder."""
    where = tmp_path_factory.mktemp("init")
    done = run_shell(readme_commands(), where)
    assert done.returncode == 0, done.stdout + done.stderr
    (site,) = [p for p in where.iterdir() if p.is_dir()]
    return site


def test_readme_sequence_builds_a_site_that_names_only_the_new_issuer(started):
    output = started / "output"
    pages = sorted(output.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:  # every page names the new issuer
        assert "Northwind Metals Corp." in page.read_text(encoding="utf-8"), page
    almonty = [str(p.relative_to(started)) for p in started.rglob("*")
               if p.is_file() and b"almonty" in p.read_bytes().lower()]
    assert almonty == []
    about = (output / "about" / "index.html").read_text(encoding="utf-8")
    assert "About Northwind" in about and "TSX: NWM" in about
    assert "Jane Roe" in (started / "content" / "issuer.yaml").read_text(encoding="utf-8")


def test_the_example_release_is_a_draft_and_stays_out(started):
    (release,) = (started / "content" / "releases").rglob("*.md")
    assert "status: draft" in release.read_text(encoding="utf-8")
    built = [p for p in (started / "output").rglob("*")
             if p.is_file() and b"starts its investor site" in p.read_bytes()]
    assert built == []


def test_the_site_has_no_copy_of_the_theme_or_plugin(started):
    assert not (started / "theme").exists() and not (started / "plugins").exists()
    conf = (started / "pelicanconf.py").read_text(encoding="utf-8")
    assert "from dateline.sitedefaults import *" in conf
    assert "dateline @ file://" in (started / "requirements.txt").read_text(encoding="utf-8")


def test_missing_answers_without_a_terminal_are_errors_and_write_nothing(tmp_path, capsys):
    target = tmp_path / "site"
    assert main(["init", str(target), "--name", "Kestrel Lithium Ltd."]) == 1
    err = capsys.readouterr().err
    assert "dateline init:1: --ticker: required" in err
    assert "dateline init:1: --timezone: required" in err
    assert not target.exists()


def test_bad_answers_are_reported_by_flag_before_anything_is_written(tmp_path, capsys):
    target = tmp_path / "site"
    bad = ["--name", "K Ltd.", "--ticker", "TSX-V:KLI", "--website", "kestrel.example",
           "--timezone", "Mars/Olympus", "--contact-name", "A B", "--contact-email", "nope"]
    assert main(["init", str(target), *bad]) == 1
    err = capsys.readouterr().err
    assert re.search(r"dateline init:1: --ticker: expected .*did you mean 'TSXV: KLI'", err)
    assert "dateline init:1: --website: expected an http(s) URL" in err
    assert "dateline init:1: --timezone: expected an IANA time zone" in err
    assert "dateline init:1: --contact-email: expected an email address" in err
    assert "Traceback" not in err and not target.exists()


def test_a_folder_with_files_is_refused(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["init", str(tmp_path), *FLAGS]) == 1
    assert f"{tmp_path}:1: DIR: expected a new or empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_a_terminal_is_asked_only_what_the_flags_left_out(tmp_path, monkeypatch):
    asked = []
    replies = iter(["TSXV:KLI, OTCQB:KLIFF", "America/Edmonton", "Sam Poe"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(replies))
    target = tmp_path / "site"
    assert main(["init", str(target), "--name", "Kestrel Lithium Ltd.", "--website",
                 "https://kestrel.example"]) == 0
    assert [p.split(" ")[0] for p in asked] == ["Tickers,", "Time", "Investor"]
    issuer = (target / "content" / "issuer.yaml").read_text(encoding="utf-8")
    assert "TSXV: KLI" in issuer and "OTCQB: KLIFF" in issuer and "Sam Poe" in issuer
    assert "'America/Edmonton'" in (target / "pelicanconf.py").read_text(encoding="utf-8")


def test_all_required_flags_given_asks_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail(f"asked {prompt!r}"))
    assert main(["init", str(tmp_path / "site"), *FLAGS]) == 0


def test_a_tsxv_listing_gets_its_legend_and_hostile_names_stay_data(tmp_path):
    answers = dict(zip(["name", "ticker", "website", "timezone"],
                       ["K\"'); import os #  Ltd.", ["TSXV:KLI"], "https://k.example", "UTC"]))
    files = init_command.plan_site(answers, tmp_path / "site")
    assert "exchanges:\n    - TSXV" in files["content/issuer.yaml"]
    namespace = {}
    exec(compile(files["pelicanconf.py"].replace("from dateline.sitedefaults import *", ""),
                 "pelicanconf.py", "exec"), namespace)
    assert namespace["AUTHOR"] == "K\"'); import os # Ltd."


def test_plan_site_checks_with_the_issuer_validator():
    with pytest.raises(DatelineError) as raised:
        init_command.plan_site({"name": "K", "ticker": ["NOPE:K"], "website": "https://k.example",
                                "timezone": "UTC"}, Path("/nonexistent/new-site"))
    assert [p.field for p in raised.value.problems] == ["--ticker"]


def test_sitedefaults_match_this_repository_s_pelicanconf():
    """The sample site spells the shared settings out; a change to one must reach the other."""
    import dateline.sitedefaults as shared

    namespace = {"__file__": str(ROOT / "pelicanconf.py")}
    exec(compile((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), "pelicanconf.py",
                 "exec"), namespace)
    own = {"THEME", "PLUGIN_PATHS"}  # the sample site uses the checkout's folders
    differ = [name for name in dir(shared) if name.isupper() and name not in own
              and getattr(shared, name) != namespace.get(name)]
    assert differ == []
    assert Path(shared.THEME) == ROOT / "theme"


def test_the_wheel_carries_the_theme_and_the_site_template(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                           "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("dateline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = ROOT / "theme"
    expected = {"dateline_theme/" + str(p.relative_to(theme)) for p in theme.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    assert expected - names == set()
    assert {"dateline_theme/templates/base.html", "dateline_theme/static/css/main.css",
            "dateline_theme/static/js/search/ui.js"} <= names
    assert "dateline/commands/site_template/Makefile" in names


def test_control_characters_and_an_ended_input_are_errors(tmp_path, monkeypatch, capsys):
    assert main(["init", str(tmp_path / "a"), *FLAGS[:-2], "--timezone", "UTC",
                 "--contact-name", "Sam\x1b[31m Poe"]) == 1
    assert "dateline init:1: --contact-name: expected text without control characters" in (
        capsys.readouterr().err)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)

    def ended(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", ended)
    assert main(["init", str(tmp_path / "b"), "--name", "K Ltd."]) == 1
    assert "dateline init:1: --ticker: input ended before an answer" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
