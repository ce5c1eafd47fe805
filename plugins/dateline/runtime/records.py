"""Small JSON records in CACHE_PATH that a crash or a damaged disk can't make lie.

The write manifest, the build record and the cache seals decide what a build
may skip, so a half-written or altered one must read as "no record", never as
a wrong one. Each is written whole to a temporary file, flushed to disk and
renamed into place (a crash leaves the old record or the new one), and holds a
SHA-256 of its own body, checked on every read.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def save(path: Path, value) -> None:
    """Write value atomically with its checksum."""
    body = json.dumps(value, sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"sha256": _checksum(body), "body": body}))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def load(path: Path):
    """The recorded value, or None when missing; a damaged record is None with a notice."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        return _damaged(path, str(error))
    try:
        sealed = json.loads(text)
        body = sealed["body"]
        if not isinstance(body, str) or sealed.get("sha256") != _checksum(body):
            return _damaged(path, "its checksum does not match")
        return json.loads(body)
    except (ValueError, TypeError, KeyError) as error:
        return _damaged(path, f"it is not a record ({type(error).__name__})")


def _damaged(path: Path, why: str):
    logger.warning(
        "dateline: cache file %s is damaged (%s); ignoring it and rebuilding what it described",
        path.name,
        why,
    )
    return None
