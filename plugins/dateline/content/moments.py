"""Dates and local times a person writes: in range, in a real time zone, and unambiguous.

A release date decides when an embargo lifts, so a date that means nothing or two things
is an error, never a guess. Years outside 1900-2200 are typos (and year 1 at +14:00 is
before the first instant Python can hold). A misspelt TIMEZONE would turn every naive
embargo time into UTC. A local time inside a spring-forward gap never happened, and one
in the fall-back hour happened twice: the message says which offset to write.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MIN_YEAR, MAX_YEAR = 1900, 2200
YEARS = f"a date between {MIN_YEAR} and {MAX_YEAR}"


def in_range(year: int) -> bool:
    """Whether a year is one a release, a grant or a milestone can be dated in."""
    return MIN_YEAR <= year <= MAX_YEAR


def zone_problem(name) -> str | None:
    """Why a TIMEZONE value is no IANA time-zone name, or None when it is one."""
    if not isinstance(name, str) or not name.strip():
        return "an IANA time-zone name such as America/Toronto"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return "an IANA time-zone name such as America/Toronto (see `tzdata`'s list)"
    return None


def zone_or_utc(name: str) -> dt.tzinfo:
    """The zone, or UTC while validation reports a bad name (nothing is built with it)."""
    return dt.timezone.utc if zone_problem(name) else ZoneInfo(name)


def local_time_problem(moment: dt.datetime, zone: dt.tzinfo) -> tuple[str, str] | None:
    """(what was expected, which value to write) for a local time that did not happen once."""
    earlier, later = moment.replace(fold=0), moment.replace(fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return None
    if _round_trip(earlier) != earlier.replace(tzinfo=None):  # in the gap: never on the clock
        after = _written(earlier.astimezone(dt.timezone.utc).astimezone(zone))
        return (f"a time that happened in {zone}",
                f"clocks went forward over it; write {after}")
    first, second = _written(earlier), _written(later)
    return (f"a time that happened once in {zone}",
            f"clocks went back over it; write {first} for the first or {second} for the second")


def _round_trip(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo).replace(tzinfo=None)


def _written(moment: dt.datetime) -> str:
    """ISO text with the explicit offset, to minutes unless seconds were written."""
    fixed = moment.replace(tzinfo=dt.timezone(moment.utcoffset()), fold=0)
    return fixed.isoformat(timespec="seconds" if moment.second else "minutes")
