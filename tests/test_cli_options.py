"""Command-line conventions: --version, -q/-v/-D before or after the command, documented exit
statuses (issue 18 item 6)."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest

from dateline.commands.cli import parse_arguments
from sitebuild import ROOT


def test_version_names_the_installed_package():
    done = subprocess.run([sys.executable, "-m", "dateline.commands.cli", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.strip() == f"dateline {metadata.version('dateline')}"


@pytest.mark.parametrize("argv", [
    ["-q", "check"], ["check", "-q"], ["check", "--quiet"], ["--quiet", "check", "--no-report"],
])
def test_quiet_is_taken_before_or_after_the_command(argv):
    assert parse_arguments(argv).quiet is True


@pytest.mark.parametrize("argv", [["-v", "build"], ["build", "-v"], ["search", "x", "-v"]])
def test_verbose_is_taken_before_or_after_the_command(argv):
    args = parse_arguments(argv)
    assert args.verbose is True and args.quiet is False


def test_an_option_before_the_command_is_not_reset_by_the_command():
    args = parse_arguments(["-q", "-D", "build", "-v"])
    assert (args.quiet, args.debug, args.verbose) == (True, True, True)
    assert parse_arguments(["build"]).quiet is False


def test_a_search_for_a_word_like_an_option_still_works_after_double_dash():
    args = parse_arguments(["search", "-q", "--", "-v"])
    assert args.quiet is True and args.query == "-v" and args.verbose is False


def _dateline(*argv, cwd=None):
    """The command in its own process: its logging set-up stays out of this one."""
    return subprocess.run([sys.executable, "-m", "dateline.commands.cli", *argv],
                          capture_output=True, text=True, check=False, cwd=cwd)


def test_a_usage_mistake_exits_2_and_a_content_problem_exits_1(tiny_site, tmp_path):
    usage = _dateline("build", "--no-such-option")
    assert usage.returncode == 2 and "unrecognized arguments" in usage.stderr
    settings = tmp_path / "conf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        "from pelicanconf import *  # noqa\n"
                        f"PATH = {str(tiny_site)!r}\nCACHE_PATH = {str(tmp_path / 'c')!r}\n"
                        f"THEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        "TIMEZONE = 'Mars/Base'\n")
    problem = _dateline("check", "-s", str(settings), "--no-report", "-q", cwd=tmp_path)
    assert problem.returncode == 1
    assert "TIMEZONE" in problem.stderr and "Traceback" not in problem.stderr


def test_the_exit_statuses_are_documented_in_help_and_readme():
    done = subprocess.run([sys.executable, "-m", "dateline.commands.cli", "--help"],
                          capture_output=True, text=True, check=True)
    readme = (ROOT / "README.md").read_text()
    for text in (done.stdout, readme):
        for status in ("0 success", "1 a content", "2 a usage mistake", "130 interrupted"):
            assert status in " ".join(text.split()), status


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_missing_content_folder_is_a_located_error_not_a_traceback(tmp_path, command):
    (tmp_path / "pelicanconf.py").write_text('SITENAME = "x"\nPATH = "content"\n')
    done = subprocess.run([sys.executable, "-m", "dateline.commands.cli", command,
                           "-s", "pelicanconf.py"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "pelicanconf.py:2: PATH: expected an existing content folder" in done.stderr


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_missing_settings_file_is_a_located_error(tmp_path, command):
    done = subprocess.run([sys.executable, "-m", "dateline.commands.cli", command,
                           "-s", "nope.py"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "nope.py:1: settings: no such settings file" in done.stderr
