"""The dev server's HTTP side: the built folder as a static host would serve it, plus reload.

Missing pages get the site's own `404.html` with status 404 (as a real host is told to, README
"Deploy"). Each HTML response gets one `<script src>` for live reload, added here as it is
served: no file in the output folder ever holds it, so `make html` and `make publish` output
cannot. The script polls `/__dateline/build-id`, which changes when a rebuild has been swapped
into place. `/__dateline/` is the server's own: the site cannot write there (it is not a slug).
"""

from __future__ import annotations

import functools
import http.server
import logging
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent / "preview_assets"
PREFIX = "/__dateline/"
RELOAD_TAG = b'<script src="/__dateline/livereload.js" defer></script>'
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
         ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml"}


class BuildId:
    """Which build is live; bumped after every rebuild the server should reload for."""

    def __init__(self):
        self._lock = threading.Lock()
        self._count = 0

    def bump(self) -> None:
        with self._lock:
            self._count += 1

    def __str__(self) -> str:
        with self._lock:
            return str(self._count)


def with_reload(html: bytes) -> bytes:
    """The page with the reload script before its last `</body>` (or at the end)."""
    at = html.lower().rfind(b"</body>")
    return html + RELOAD_TAG if at < 0 else html[:at] + RELOAD_TAG + html[at:]


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with the site's 404 page, no directory listings, live reload."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    build_id: BuildId = BuildId()

    def do_GET(self):
        if self.path.startswith(PREFIX):
            return self._own(self.path[len(PREFIX):].split("?", 1)[0])
        return super().do_GET()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if path.is_file() and not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the folder's URL
        if path.suffix == ".html" and path.is_file():
            self._send(200, "text/html; charset=utf-8", with_reload(path.read_bytes()))
            return None
        if not path.is_file():
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        self._send(404, "text/html; charset=utf-8", with_reload(page.read_bytes()))

    def list_directory(self, path):
        self.send_error(404)  # a static host lists no folders either
        return None

    def _own(self, name: str):
        if name == "build-id":
            return self._send(200, "text/plain; charset=utf-8", str(self.build_id).encode())
        asset = ASSETS / name
        if "/" in name or not asset.is_file():
            return self._send(404, "text/plain; charset=utf-8", b"not found")
        return self._send(200, TYPES.get(asset.suffix, "application/octet-stream"),
                          asset.read_bytes())

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        if self.path.startswith(PREFIX):
            return self._own(self.path[len(PREFIX):].split("?", 1)[0])
        return super().do_HEAD()

    def log_message(self, format, *args):
        logger.debug("dateline serve: " + format, *args)


def start_server(root: Path, bind: str, port: int, build_id: BuildId):
    """Serve `root` on a thread; port 0 picks a free one (see server.server_address)."""
    handler_class = type("Handler", (PreviewHandler,), {"build_id": build_id})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    logger.info("dateline: serving %s at http://%s:%d/", root, bind, server.server_address[1])
    return server
