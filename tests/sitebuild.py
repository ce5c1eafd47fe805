"""Build fixture sites the way Pelican's own tests do: real settings, temp folders."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITES = FIXTURES / "sites"


def site_settings(content: Path, output: Path, cache: Path, **extra) -> dict:
    """Settings for a fixture site: the real pelicanconf with the paths moved."""
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "SITEURL": "https://investors.example.com",
        "FEED_DOMAIN": "https://investors.example.com",
        "TIMEZONE": "America/Toronto",
    }
    overrides.update(extra)
    return overrides


def build_site(content: Path, output: Path, cache: Path | None = None, **extra) -> Path:
    """Build a fixture site with Dateline's atomic build; raises on failure."""
    from dateline.build.build import build

    cache = cache or output.parent / "cache"
    return build(str(ROOT / "pelicanconf.py"), site_settings(content, output, cache, **extra))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def log_message(self, *args):
        pass


def serve(root: Path):
    """Serve a folder on 127.0.0.1 on a free port; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server
