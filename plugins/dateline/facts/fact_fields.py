"""The fields of a grant and of a milestone, and the values they may take: one schema.

Extraction (grants.py, milestones.py), front-matter overrides (overrides.py), the register's
CSV and JSON columns (registers.py) and `dateline extract` all speak these fields; the
overrides and the register columns are derived from here, and a test holds extraction's own
lists to them, so a field added in one place and forgotten in another fails the suite.
"""

from __future__ import annotations

SECURITIES = ("option", "rsu", "dsu", "psu", "sar", "warrant", "shares")
KINDS = (
    "commissioning", "production", "acquisition", "permit", "drilling",
    "financing", "listing", "agreement", "completion", "progress", "other",
)
STATUSES = ("achieved", "planned")
PRECISIONS = {
    "day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "quarter": r"^\d{4}-Q[1-4]$",
    "half": r"^\d{4}-H[12]$", "year": r"^\d{4}$",
}
PRECISION_NAMES = "day, month, quarter, half or year"

GRANT_KEYS = (
    "security", "recipient", "role", "number", "exercise_price", "currency",
    "currency_stated", "term_years", "expiry_date", "vesting", "grant_date",
    "conditions", "sentence", "review",
)
MILESTONE_KEYS = ("date", "precision", "event", "kind", "status", "project", "sentence", "review")

# what a register row says of its release, then of its fact; `review` is for the person
# checking extraction, not for the published register
RELEASE_COLUMNS = ("release_date", "release_title", "release_url")
GRANT_COLUMNS = RELEASE_COLUMNS + tuple(key for key in GRANT_KEYS if key != "review")
MILESTONE_COLUMNS = RELEASE_COLUMNS + tuple(key for key in MILESTONE_KEYS if key != "review")
