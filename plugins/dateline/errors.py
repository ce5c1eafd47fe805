"""Problems found in user input, reported together as `path:line: field: ...`.

A release is a public disclosure, so Dateline never skips a bad file: every
problem in every file is collected, printed at once, and the build fails.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    return Problem(str(path), int(line), field, f"expected {what}, found {_show(found)}")


def _show(value) -> str:
    if value is None or value == "":
        return "nothing"
    text = repr(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class DatelineError(Exception):
    """A user mistake (not a bug): printed without a traceback, exit status 1."""

    exitcode = 1

    def __init__(self, problems, summary: str | None = None):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems)
        count = len(self.problems)
        self.summary = summary or f"{count} problem{'s' if count != 1 else ''} found; nothing was published"
        super().__init__(self.render())

    def render(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(self.summary)
        return "\n".join(lines)
