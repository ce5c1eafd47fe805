"""Put a staged site in place of output/ so that a crash at any moment leaves a whole site.

On Linux the two folders trade places in one system call, renameat2 with
RENAME_EXCHANGE (through ctypes: the standard library has no binding), so
output/ always names a complete site, the old one or the new one. A symlink
swap would do the same but makes output/ a link, which deploy tools (rsync
without -L, `aws s3 sync`, ghp-import) treat differently from a folder.
Where the exchange is not available (another OS, a file system that refuses
it) two renames are used, with the old site parked under a `.retiring-`
name in between: the next build finds output/ missing, sees that folder, and
puts it back. The start of every build (under the build lock) removes what a
killed build left: its staging folder, a retired site not yet deleted.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from dateline.runtime.checkpoints import reached

logger = logging.getLogger(__name__)

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    function = getattr(libc, "renameat2", None)  # glibc 2.28+
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                             ctypes.c_uint]
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False when this system can't (then nothing changed)."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_into_place(staging: Path, final: Path) -> None:
    """Replace `final` with `staging`; the old site is deleted by a detached process."""
    if not final.exists():
        staging.rename(final)
        return
    retired = final.parent / f".{final.name}.old-{os.getpid()}"
    if exchange(staging, final):
        reached("between-renames")
        staging.rename(retired)  # staging now holds the old site
    else:
        retiring = final.parent / f".{final.name}.retiring-{os.getpid()}"
        final.rename(retiring)
        reached("between-renames")
        staging.rename(final)
        retiring.rename(retired)
    delete_in_background(retired)


def recover(final: Path) -> None:
    """Undo what a killed build left: restore a site parked between two renames, then remove
    staging folders and retired sites. Call with the build lock held."""
    parked = sorted(final.parent.glob(f".{final.name}.retiring-*"))
    if parked and not final.exists():
        logger.warning(
            "dateline: a build was stopped while swapping %s; restoring the previous site", final
        )
        parked.pop().rename(final)
    leftovers = parked + [p for pattern in ("staging", "old")
                          for p in final.parent.glob(f".{final.name}.{pattern}-*")]
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)


def delete_in_background(folder: Path) -> None:
    """Delete folder from a detached interpreter that outlives this one."""
    subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
            str(folder),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
