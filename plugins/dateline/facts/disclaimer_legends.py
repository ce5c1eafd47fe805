"""Legends on a release page: the release's own moved verbatim, the required ones added.

issuer.yaml decides top or bottom; an author who turns a required legend off is
warned loudly. Warnings name `path:line` of the front-matter field they are about.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dateline.content.issuer import Issuer, Legend
from dateline.content.text import normalise, plain_text
from dateline.facts import disclaimer_detection as detect
from dateline.facts.disclaimer_blocks import ISSUER, RELEASE, Attachment, LegalBlock

# Warnings keep the logger name they have always had (users filter on it).
logger = logging.getLogger("dateline.facts.disclaimers")

REFUSE = "-"  # prefix in front matter `legends:` that turns a required legend off


def split_legend_keys(keys) -> tuple[list[str], list[str]]:
    """Front matter `legends:` -> (keys to add, keys refused with a leading '-')."""
    keys = [str(k) for k in keys or ()]
    added = [k for k in keys if not k.startswith(REFUSE)]
    refused = [k[len(REFUSE) :] for k in keys if k.startswith(REFUSE)]
    return added, refused



def place_release_legends(attachment, blocks, legends: dict[int, str], issuer, where) -> None:
    """Release legends keep their wording; issuer.yaml decides top or bottom."""
    first_content = next((i for i in range(len(blocks)) if i not in legends), len(blocks))
    seen: dict[str, str] = {}
    merged: dict[str, list[int]] = {}
    for index, key in legends.items():
        merged.setdefault(key, []).append(index)
    for key, indexes in merged.items():
        for run in _runs(indexes):
            html = "\n".join(blocks[i].html for i in run)
            wording = " ".join(blocks[i].norm for i in run)
            if seen.get(key) == wording:
                warn(
                    attachment, where, "the release carries the %s legend twice; shown once", key
                )
                continue
            seen[key] = wording
            legend = issuer.legends.get(key)
            placement = (
                legend.placement
                if legend
                else detect.BUILTIN_LEGENDS.get(key, "top" if run[0] < first_content else "bottom")
            )
            title = legend.title if legend else key
            _shelve(attachment, LegalBlock(key, title, html, RELEASE), placement)


def _shelve(attachment: Attachment, block: LegalBlock, placement: str) -> None:
    """Put a legend above the headline or after the disclaimer."""
    (attachment.top_legends if placement == "top" else attachment.bottom_legends).append(block)


def _runs(indexes: list[int]) -> list[list[int]]:
    """Group consecutive block indexes (a legend split over two paragraphs is one legend)."""
    runs: list[list[int]] = []
    for index in sorted(indexes):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def add_required_legends(attachment, issuer: Issuer, exchanges, legend_keys, where) -> None:
    """Add the exchange-required and requested legends the release does not carry."""
    added, refused = split_legend_keys(legend_keys)
    required = [legend.key for code in exchanges for legend in issuer.legends_required_by(code)]
    present = {b.key for b in attachment.top_legends + attachment.bottom_legends}
    body_norm = None
    for key in dict.fromkeys(required + added):
        legend: Legend = issuer.legends[key]
        if key in refused:
            _refused_legend(attachment, where, legend, present, exchanges)
            continue
        if key in present:
            continue
        body_norm = (
            body_norm if body_norm is not None else normalise(plain_text(attachment.body_html))
        )
        if normalise(legend.text) in body_norm:
            warn(
                attachment,
                where,
                "the %s legend is inside a paragraph of the body; left there and not added again",
                key,
            )
            continue
        _shelve(attachment, LegalBlock(key, legend.title, legend.html, ISSUER), legend.placement)
    for key in refused:
        if key not in required:
            warn(
                attachment,
                where,
                "legends: -%s has no effect: the legend is not required for this release",
                key,
                field="legends",
            )


def _refused_legend(attachment, where, legend: Legend, present, exchanges) -> None:
    """An author turned off a required legend: say so loudly, naming the file."""
    if legend.key in present:
        warn(
            attachment,
            where,
            "legends: -%s ignored: the release text itself carries the "
            "legend, and published wording is never removed",
            legend.key,
            field="legends",
        )
        return
    codes = ", ".join(code for code in exchanges if code in legend.exchanges)
    warn(
        attachment,
        where,
        "REQUIRED LEGEND TURNED OFF: legends: -%s; this release (listed "
        "on %s) will be published WITHOUT the %s legend",
        legend.key,
        codes,
        legend.title,
        field="legends",
    )


@dataclass(frozen=True)
class Where:
    """A release's path and its front-matter lines: where a warning points."""

    source: str
    lines: dict

    def at(self, field: str | None) -> str:
        line = self.lines.get(field) if field else None
        return f"{self.source}:{line}" if line else self.source


def warn(attachment: Attachment, where: Where, message: str, *args,
          field: str | None = None) -> None:
    """Warn as `path:line: message`, the line of the front-matter field it is about (if any)."""
    text = f"{where.at(field)}: {message % args}"
    attachment.warnings.append(text)
    logger.warning("disclaimers: %s", text)

