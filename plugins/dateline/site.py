"""State one build shares between signals: the validated content and the issuer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from dateline.validate import require_valid

logger = logging.getLogger(__name__)


@dataclass
class Site:
    """The build's issuer profile and, once read, its published releases."""

    issuer: object
    releases: list = field(default_factory=list)


def start(pelican_object) -> None:
    """initialized signal: validate everything before Pelican reads or writes a file."""
    check = require_valid(pelican_object.settings)
    logger.info("dateline: %d release(s) and %d page(s) valid", len(check.releases), len(check.pages))
    pelican_object.settings["DATELINE_SITE"] = Site(issuer=check.issuer)


def publish_context(generator) -> None:
    """article_generator_finalized: remember the published releases and expose the issuer."""
    site = generator.settings["DATELINE_SITE"]
    site.releases = list(generator.articles)
    generator.context["ISSUER"] = site.issuer
