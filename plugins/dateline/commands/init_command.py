"""`dateline init DIR`: start an issuer's own site, ready for `make html`.

A new IR team should not have to delete Almonty's sample and edit five files by hand. This
writes the fixed top level (pelicanconf.py, publishconf.py, Makefile, README.md,
requirements.txt, .gitignore), content/issuer.yaml, an About page and one example release
marked as a draft, from the answers to a few questions. Every answer can be a flag (so CI
and scripts run it without a terminal); with stdin a terminal, only what is missing is asked.

The new site holds no copy of the theme or the plugin: its pelicanconf imports
`dateline.sitedefaults`, whose THEME is the installed `dateline_theme` package, so upgrading
the installed Dateline (the pin in its requirements.txt) upgrades both together.

The answers are checked before anything is written, by the same validator the build uses
for issuer.yaml, so a site that `init` writes always builds.
"""

from __future__ import annotations

import datetime
import re
import sys
import zoneinfo
from pathlib import Path

import yaml

from dateline.errors import DatelineError, Problem

TEMPLATES = Path(__file__).resolve().parent / "site_template"
REPO_ROOT = Path(__file__).resolve().parents[3]
WHERE = "dateline init"
_REQUIRED = ("name", "ticker", "website", "timezone")
_QUESTIONS = {
    "name": "Issuer's legal name (e.g. Northwind Metals Corp.)",
    "ticker": "Tickers, EXCHANGE:SYMBOL, separated by commas (e.g. TSX:NWM, OTCQX:NWMCF)",
    "website": "Corporate website (https://...)",
    "timezone": "Time zone of the newsroom (e.g. America/Toronto)",
    "contact_name": "Investor contact's name (empty for none)",
}


def add_arguments(parser) -> None:
    parser.add_argument("directory", metavar="DIR", help="folder for the new site (new or empty)")
    parser.add_argument("--name", help="the issuer's legal name")
    parser.add_argument("--short-name", help="the name releases use (default: the first word)")
    parser.add_argument("--ticker", action="append", metavar="EXCHANGE:SYMBOL",
                        help="a listing, e.g. TSX:NWM (repeat for each)")
    parser.add_argument("--website", help="the corporate website, https://...")
    parser.add_argument("--timezone", help="IANA time zone of release dates, e.g. America/Toronto")
    parser.add_argument("--site-url", help="public address of the IR site (default: --website)")
    parser.add_argument("--contact-name", help="investor contact's name")
    parser.add_argument("--contact-title", help="investor contact's title")
    parser.add_argument("--contact-email", help="investor contact's email")
    parser.add_argument("--contact-phone", help="investor contact's phone")
    parser.add_argument("--disclaimer", metavar="TEXT",
                        help="default forward-looking disclaimer (default: a generic one)")
    parser.add_argument("--dateline-requirement", metavar="SPEC",
                        help="how the site's requirements.txt installs Dateline "
                        "(default: this Dateline's source folder)")


def run(args) -> int:
    answers = _ask_missing(vars(args), interactive=sys.stdin.isatty())
    target = Path(args.directory)
    site = plan_site(answers, target)
    for relative, text in site.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote a Dateline site for {answers['name']} in {target}/ ({len(site)} files)")
    print(f"next: cd {target} && make html")
    return 0


def _ask_missing(answers: dict, interactive: bool) -> dict:
    """Ask, on a terminal, for each required answer (and a contact) not given as a flag."""
    answers = dict(answers)
    missing = [key for key in _REQUIRED if not answers.get(key)]
    if not interactive:
        if missing:
            raise DatelineError([Problem(WHERE, 1, f"--{key}", "required (stdin is not a "
                                         "terminal, so nothing can be asked)") for key in missing],
                                summary=f"{len(missing)} answer(s) missing; nothing was written")
        return answers
    for key in missing + (["contact_name"] if missing and not answers.get("contact_name")
                          else []):
        try:
            reply = input(f"{_QUESTIONS[key]}: ").strip()
        except EOFError:
            raise DatelineError(Problem(WHERE, 1, f"--{key.replace('_', '-')}",
                                        "input ended before an answer"),
                                summary="nothing was written") from None
        if key == "ticker":
            reply = [part.strip() for part in reply.split(",") if part.strip()]
        answers[key] = reply or None
    return answers


def plan_site(answers: dict, target: Path) -> dict[str, str]:
    """Every file of the new site by relative path; raises DatelineError before any is written."""
    problems = (_target_problems(target) + _timezone_problems(answers.get("timezone"))
                + _control_problems(answers))
    issuer = issuer_profile(answers)
    problems += _issuer_problems(issuer)
    if problems:
        raise DatelineError(problems, summary=f"{len(problems)} problem(s); nothing was written")
    fill = _fill_values(answers, issuer)
    files = {name: _template(source).format_map(fill) for name, source in (
        ("pelicanconf.py", "pelicanconf.py.in"), ("publishconf.py", "publishconf.py.in"),
        ("Makefile", "Makefile"), ("README.md", "README.md"),
        ("requirements.txt", "requirements.txt"))}
    files[".gitignore"] = _template("gitignore")
    files["content/issuer.yaml"] = _ISSUER_HEADER + yaml.dump(
        issuer, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=96
    ) + _BRANDING_EXAMPLE
    files["content/pages/about.md"] = _template("about.md").format_map(fill)
    year = fill["year"]
    files[f"content/releases/{year}/{fill['today']}-welcome.md"] = (
        _template("release.md").format_map(fill))
    return files


_ISSUER_HEADER = ("# Issuer profile (README.md: `content/issuer.yaml`). Validated strictly:\n"
                  "# unknown keys are errors. Disclaimer and legend texts are Markdown.\n")


_BRANDING_EXAMPLE = """
# The site's look (README.md, "Branding"): a logo in content/, colours checked for WCAG AA
# contrast at build time, and a font stack of installed fonts (no web fonts).
# branding:
#   logo: brand/logo.svg
#   logo_alt: Company logo
#   primary: "#13355a"
#   accent: "#0b57a4"
#   font: system-ui, Arial, sans-serif
"""


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line texts (the disclaimer) as `|` blocks, as a person would."""


_BlockDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def issuer_profile(answers: dict) -> dict:
    """issuer.yaml's content from the answers (a TSXV listing gets its required legend)."""
    name = " ".join(str(answers.get("name") or "").split())
    short = answers.get("short_name") or (name.split()[0] if name else "")
    tickers = [_spaced(t) for t in (answers.get("ticker") or [])]
    profile = {"name": name, "short_name": short, "tickers": tickers,
               "website": answers.get("website"), "archival_notice_years": 3,
               "default_disclaimer": "forward-looking",
               "disclaimers": {"forward-looking": {
                   "title": "Disclaimer for Forward-Looking Information",
                   "text": answers.get("disclaimer") or _DISCLAIMER.format(short=short)}},
               "legends": {}, "contacts": {}}
    if any(t.upper().startswith("TSXV:") for t in tickers):
        profile["legends"]["tsxv"] = {
            "title": "TSX Venture Exchange", "placement": "bottom", "exchanges": ["TSXV"],
            "text": _TSXV_LEGEND}
    if answers.get("contact_name"):
        contact = {"name": answers["contact_name"]}
        for field in ("title", "phone", "email"):
            if answers.get(f"contact_{field}"):
                contact[field] = answers[f"contact_{field}"]
        profile["contacts"][_key(answers["contact_name"])] = contact
    return profile


def _spaced(ticker: str) -> str:
    """'TSX:NWM' -> 'TSX: NWM', the spelling releases and issuer.yaml use."""
    exchange, _, symbol = str(ticker).partition(":")
    return f"{exchange.strip()}: {symbol.strip()}" if symbol else str(ticker)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "contact"


def _issuer_problems(profile: dict) -> list[Problem]:
    """The build's own issuer validation, with flag names instead of issuer.yaml lines."""
    from dateline.content.issuer import Issuer

    try:
        Issuer.from_dict(profile)
    except DatelineError as error:
        return [Problem(WHERE, 1, _flag(p.field), p.message) for p in error.problems]
    return []


def _flag(field: str) -> str:
    head = field.split(".")[0].split("[")[0]
    if head == "contacts":
        return "--contact-" + field.rsplit(".", 1)[-1]
    if head == "disclaimers":
        return "--disclaimer"
    return {"tickers": "--ticker", "short_name": "--short-name"}.get(head, f"--{head}")


def _control_problems(answers: dict) -> list[Problem]:
    """An answer with a control character (a pasted escape, a tab) would be refused by the
    build's own check of issuer.yaml; say so now, by flag."""
    found = []
    for key, value in answers.items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and re.search(r"[\x00-\x1f\x7f]", v) for v in values):
            found.append(Problem(WHERE, 1, "--" + key.replace("_", "-"),
                                 "expected text without control characters"))
    return found


def _target_problems(target: Path) -> list[Problem]:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return [Problem(str(target), 1, "DIR",
                        "expected a new or empty folder, found one with files in it")]
    return []


def _timezone_problems(name) -> list[Problem]:
    try:
        zoneinfo.ZoneInfo(str(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return [Problem(WHERE, 1, "--timezone",
                        f"expected an IANA time zone such as America/Toronto, found {name!r}")]
    return []


def _fill_values(answers: dict, issuer: dict) -> dict:
    today = datetime.date.today()
    site_url = (answers.get("site_url") or issuer["website"]).rstrip("/")
    contacts = list(issuer["contacts"])
    return {
        "name": issuer["name"], "short_name": issuer["short_name"],
        "name_py": repr(issuer["name"]), "sitename_py": repr(f"{issuer['name']} — Investor "
                                                               "Relations"),
        "timezone_py": repr(answers["timezone"]), "site_url_py": repr(site_url),
        "ticker_yaml": _yaml_scalar(issuer["tickers"][0]),
        "tickers_text": ", ".join(issuer["tickers"]),
        "name_yaml": _yaml_scalar(f"{issuer['short_name']} starts its investor site"),
        "about_yaml": _yaml_scalar(f"About {issuer['short_name']}"),
        "contacts_yaml": f"\ncontacts: [{contacts[0]}]" if contacts else "",
        "website": issuer["website"], "requirement": _requirement(answers),
        "today": today.isoformat(), "year": today.year,
    }


def _yaml_scalar(value: str) -> str:
    return yaml.safe_dump(value, default_style='"', width=1000).strip()


def _requirement(answers: dict) -> str:
    """How the site installs Dateline: as given, else this source folder (a clone)."""
    if answers.get("dateline_requirement"):
        return answers["dateline_requirement"]
    if (REPO_ROOT / "pyproject.toml").is_file():
        return f"dateline @ {REPO_ROOT.as_uri()}"
    from importlib.metadata import version

    return f"dateline=={version('dateline')}"


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


_DISCLAIMER = (
    "This news release contains forward-looking statements and information that reflect "
    "{short}'s current expectations. Such statements involve known and unknown risks, "
    "uncertainties and other factors which may cause actual results to differ materially from "
    "those expressed or implied. {short} undertakes no obligation to update forward-looking "
    "statements except as required by applicable law. Readers should not place undue reliance "
    "on forward-looking statements.\n")
_TSXV_LEGEND = (
    "Neither TSX Venture Exchange nor its Regulation Services Provider (as that term is defined "
    "in the policies of the TSX Venture Exchange) accepts responsibility for the adequacy or "
    "accuracy of this release.\n")
