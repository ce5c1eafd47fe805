"""`dateline check`: what the site will show, for review before publishing (`extract_command` prints
it as JSON)."""

from __future__ import annotations

import logging

from dateline.build.build import load_settings
from dateline.content.frontmatter import relative_path
from dateline.content.publishing import build_time
from dateline.content.validate import validate_site
from dateline.errors import DatelineError

logger = logging.getLogger(__name__)


def run_check(args) -> int:
    """Validate every file; then print, per release, the facts and legal text it will carry."""
    settings = load_settings(args.settings)
    check = validate_site(settings)
    if check.problems:
        raise DatelineError(check.problems)
    print(f"{len(check.releases)} release(s) and {len(check.pages)} page(s): no problems")
    if not args.no_report:
        now = build_time(settings)
        for matter in sorted(check.releases, key=_report_order):
            print(release_report(matter, check.issuer, settings, now))
    return 0


def _report_order(matter):
    """By date; undated drafts (imported from sources that print no date) come last."""
    date = matter.fields.get("date")
    return (0, date) if date is not None else (1, matter.path)


def release_report(matter, issuer, settings, now) -> str:
    """A few lines per release: status, grants, milestones, legal blocks."""
    fields = matter.fields
    day = f"{fields['date']:%Y-%m-%d}" if "date" in fields else "undated"
    head = f"\n{relative_path(matter.path)}  {day}  {', '.join(t.label for t in fields['ticker'])}"
    if matter.is_draft or fields["date"] > now:
        return head + "\n  withheld: " + ("draft" if matter.is_draft
                                          else f"embargoed until "
                                               f"{fields['date']:%Y-%m-%d %H:%M %Z}")
    prepared = prepare(matter, issuer, settings, now)
    legal = prepared.legal
    facts = {"grants": prepared.grants, "milestones": prepared.milestones}
    lines = [head]
    lines += fact_lines("grant", facts["grants"], describe_grant) or ["  grants: none found"]
    lines += fact_lines("milestone", facts["milestones"],
                        describe_milestone) or ["  milestones: none found"]
    for block in legal.top_legends + legal.bottom_legends:
        origin = "as published" if block.origin == "release" else "added from issuer.yaml"
        lines.append(f"  legend: {block.key} ({origin})")
    if legal.disclaimer:
        origin = "as published" if legal.disclaimer.origin == "release" else "issuer default"
        lines.append(f"  disclaimer: {legal.disclaimer.key} ({origin})")
    lines += [f"  warning: {w}" for w in legal.warnings]
    return "\n".join(lines)


def prepare(matter, issuer, settings, now):
    """The build's own preparation of one release (`releases.prepare_text`, from what the
    reader would hand it), so check shows what the build will: the same legal text, the same
    warnings with their lines, and no extraction where both fact lists are written by hand."""
    from dateline.build import releases
    from dateline.content.reader import ReleaseReader

    reader = ReleaseReader(settings)
    job = releases.release_job(reader.render(matter.body), reader.metadata(matter).get, settings,
                               relative_path(matter.path), now.date())
    return releases.prepare_text({**job, "summary_words": None}, issuer)  # no summary to show


def facts_for(fields, body_html, exchanges) -> dict:
    """`dateline extract`: the facts of an HTML body, front-matter lists first
    (`releases.release_facts`)."""
    from dateline.build import releases

    return releases.release_facts(
        {
            "grants": fields.get("grants"),
            "milestones": fields.get("milestones"),
            "date": fields["date"].date(),
            "exchanges": exchanges,
            "title": fields.get("title"),
        },
        body_html,
    )


def fact_lines(kind: str, facts: list[dict], describe) -> list[str]:
    """One line per fact, each followed by its review reasons (why a person should check it).

    Any kind of fact may carry `review`; hand-written front-matter facts have none.
    """
    lines = []
    for fact in facts:
        lines.append(f"  {kind}: {describe(fact)}")
        lines += [f"    review: {reason}" for reason in fact.get("review") or []]
    return lines


def describe_grant(grant) -> str:
    parts = [grant["security"], grant["recipient"] or "?"]
    if grant.get("role"):
        parts[-1] += f" ({grant['role']})"
    if grant.get("number"):
        price = f" @ {grant['currency'] or ''} {grant['exercise_price']}" if grant.get(
            "exercise_price") is not None else ""
        parts.append(f"{grant['number']:,}{price}")
    if grant.get("term_years"):
        parts.append(f"{grant['term_years']:g} years")
    if grant.get("expiry_date"):
        parts.append(f"expires {grant['expiry_date']}")
    if grant.get("vesting"):
        parts.append(f"vests {grant['vesting']}")
    return " · ".join(parts)


def describe_milestone(milestone) -> str:
    date, kind = milestone.get("date") or "undated", milestone.get("kind") or "other"
    return f"[{milestone['status']}] {date} {kind}: {milestone['event']}"
