"""The project, mine or property a milestone is about.

The "X Project/Mine/Property/..." named in the sentence, or a project the release named
elsewhere named again; operational kinds carry the paragraph's last named project over.
"""

from __future__ import annotations

import re

_PROJECT_WORDS = ("Project", "Mine", "Property", "Deposit", "Mill", "Plant", "Prospect",
                  "Concession", "Claims", "Refinery")

_OPERATIONAL = {"commissioning", "production", "drilling", "permit", "completion", "progress"}

_PROJECT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:Project|Mine|Property|Deposit|Mill|Plant|Prospect|Concession|Claims|Refinery)\b"
)

_NOT_NAME = {"the", "its", "our", "their", "this", "that", "company's", "company’s", "a", "an",
             "wholly", "owned", "flagship", "new", "existing", "entire", "in", "at", "of", "on"}


def _project_names(paragraphs: list[str]) -> list[str]:
    names: list[str] = []
    for paragraph in paragraphs:
        for match in _PROJECT.finditer(paragraph):
            name = _clean_project(match.group(1))
            if name and name not in names:
                names.append(name)
    return names


def _clean_project(raw: str) -> str | None:
    words = raw.split()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    return " ".join(words) or None


def _context_project(earlier: list[str], known: list[str]) -> str | None:
    """The project the paragraph last named before this sentence (read only when needed)."""
    for sentence in reversed(earlier):
        name = _project_in(sentence, known)
        if name:
            return name
    return None


def _project_in(sentence: str, known: list[str]) -> str | None:
    match = _PROJECT.search(sentence) if any(w in sentence for w in _PROJECT_WORDS) else None
    if match and _clean_project(match.group(1)):
        return _clean_project(match.group(1))
    for name in known:
        if re.search(rf"\b{re.escape(name)}\b", sentence):
            return name
    return None
