"""Problems found in user input, reported together as `path:line: field: ...`.

A release is a public disclosure, so Dateline never skips a bad file: every
problem in every file is collected, printed at once, and the build fails.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass

PREVIEW_LENGTH = 80


@dataclass(frozen=True, order=True)
class Problem:
    """One user mistake, located as precisely as the input allows."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def expected(path, line, field, what, found) -> Problem:
    """Build the common `expected X, found Y` problem."""
    return Problem(str(path), int(line), field, f"expected {what}, found {preview(found)}")


class _Preview(reprlib.Repr):
    """reprlib looks at a few items of a few levels only, so its cost is bounded by its
    limits, not by the value: a structure built from YAML aliases or a megabyte string
    is shown in the same few characters as a short one."""

    def __init__(self):
        super().__init__()
        self.maxlevel, self.maxlist, self.maxdict, self.maxtuple, self.maxset = 2, 4, 4, 4, 4
        self.maxstring, self.maxlong, self.maxother = PREVIEW_LENGTH, 40, 40

    def repr_int(self, value, level):
        if value.bit_length() > 128:  # repr() of a huge number is slow, then refused
            return f"a number of about {int(value.bit_length() * 0.30103)} digits"
        return super().repr_int(value, level)


_PREVIEW = _Preview()


def preview(value) -> str:
    """A short, bounded repr of a found value for a message; never the whole of a large one."""
    if value is None or value == "":
        return "nothing"
    text = _PREVIEW.repr(value)
    return text if len(text) <= PREVIEW_LENGTH else text[: PREVIEW_LENGTH - 3] + "..."


def field_name(name) -> str:
    """A field as a message names it: a key someone typed may be a 5,000-character line."""
    plain = isinstance(name, (str, int)) and not isinstance(name, bool)
    text = str(name) if plain else preview(name)
    return text if len(text) <= 40 else text[:37] + "..."


def clipped(text: str, length: int = 200) -> str:
    """A parser's own message (PyYAML's may quote the input), cut to a line's length."""
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 3] + "..."


class DatelineError(Exception):
    """A user mistake (not a bug): printed without a traceback, exit status 1."""

    exitcode = 1

    def __init__(self, problems, summary: str | None = None):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems)
        count = len(self.problems)
        plural = "s" if count != 1 else ""
        self.summary = summary or f"{count} problem{plural} found; nothing was published"
        super().__init__(self.render())

    def render(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(self.summary)
        return "\n".join(lines)
